"""The budget grid used like a spreadsheet, with the keyboard only."""

from decimal import Decimal

from playwright.sync_api import expect

from dossiers.models import Afsprakennota, Begrotingsbedrag, Indienronde
from tests.browser.conftest import axe_check
from tests.factories import DeelnemendeGemeenteFactory, MembershipFactory, NetwerkFactory, UserFactory
from tests.factories import ensure_rondes, gemeente


def test_coordinator_fills_the_budget_with_the_keyboard_only(page, live_server, login):
    ensure_rondes()
    netwerk = NetwerkFactory(name="Netwerk Waasland")
    DeelnemendeGemeenteFactory(netwerk=netwerk, gemeente=gemeente("Temse"))
    MembershipFactory(user=UserFactory(email="an@example.org"), netwerk=netwerk, role="coordinator")
    nota = Afsprakennota.objects.create(netwerk=netwerk, ronde=Indienronde.objects.get(first_year=2027))
    login("an@example.org")
    page.goto(f"{live_server.url}/dossiers/{nota.pk}/begroting/")
    axe_check(page)

    expenses = page.locator("#expense-totals")
    income = page.locator("#income-totals")
    balance = page.locator("#balance-row")

    # Reach the first cell by tabbing through the page, as a keyboard user does.
    first = page.get_by_role("textbox", name="Personeel 2027")
    for _ in range(80):
        page.keyboard.press("Tab")
        if first.evaluate("e => e === document.activeElement"):
            break
    expect(first).to_be_focused()

    page.keyboard.type("45.000")
    page.keyboard.press("Tab")  # along the row to 2028; the cell left behind is saved
    expect(page.get_by_role("textbox", name="Personeel 2028")).to_be_focused()
    expect(expenses).to_contain_text("45.000,00")
    expect(balance).to_contain_text("-45.000,00")
    page.keyboard.type("1.250,50")
    page.keyboard.press("Enter")  # down to the next line, same year
    expect(page.get_by_role("textbox", name="Werking 2028")).to_be_focused()
    expect(page.locator("#total-personeel")).to_contain_text("46.250,50")
    page.keyboard.type("veel")
    page.keyboard.press("Tab")
    expect(page.locator("#err-c-werking-2028")).to_have_text("“veel” is geen bedrag. Schrijf het zoals 1.250,50.")
    expect(page.get_by_role("textbox", name="Werking 2028")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#budget-status")).to_contain_text("Niet opgeslagen")

    # Income: the subsidy in 2027 brings the year into balance.
    page.get_by_role("textbox", name="Vlaamse subsidie 2027").focus()
    page.keyboard.type("45.000")
    page.keyboard.press("ArrowDown")
    expect(page.get_by_role("textbox", name="Bijdrage van Temse 2027")).to_be_focused()
    expect(income).to_contain_text("45.000,00")
    expect(balance.get_by_role("cell").first).to_have_text("0,00")
    axe_check(page)

    stored = {(b.post.category, b.year): b.amount for b in Begrotingsbedrag.objects.select_related("post")}
    assert stored == {
        ("personeel", 2027): Decimal("45000.00"),
        ("personeel", 2028): Decimal("1250.50"),
        ("vlaamse_subsidie", 2027): Decimal("45000.00"),
    }

    # After a reload nothing is lost and nothing half-saved.
    page.reload()
    axe_check(page)
    expect(page.get_by_role("textbox", name="Personeel 2028")).to_have_value("1.250,50")
    expect(page.get_by_role("textbox", name="Werking 2028")).to_have_value("")
