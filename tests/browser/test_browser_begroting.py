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
    expect(page.locator("#err-c-werking-2028")).to_have_text("Niet opgeslagen. “veel” is geen bedrag. Schrijf het zoals 1.250,50.")
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


def _amount(category, year):
    stored = Begrotingsbedrag.objects.filter(post__category=category, year=year).first()
    return stored.amount if stored else None


def test_a_cell_that_could_not_be_saved_says_so_and_keeps_its_value(page, live_server, login):
    from dossiers.services_begroting import budget_save

    ensure_rondes()
    netwerk = NetwerkFactory(name="Netwerk Waasland")
    MembershipFactory(user=UserFactory(email="an@example.org"), netwerk=netwerk, role="coordinator")
    nota = Afsprakennota.objects.create(netwerk=netwerk, ronde=Indienronde.objects.get(first_year=2027))
    login("an@example.org")
    page.goto(f"{live_server.url}/dossiers/{nota.pk}/begroting/")
    axe_check(page)

    # A colleague saves the same cell after this page was opened: the server answers 409.
    budget_save(nota=nota, data={"c-personeel-2027": "500", "v-personeel-2027": "0"})
    cell = page.get_by_role("textbox", name="Personeel 2027")
    cell.fill("700")
    cell.press("Tab")
    error = page.locator("#err-c-personeel-2027")
    expect(error).to_contain_text("Niet opgeslagen.")
    expect(error).to_contain_text("Iemand anders wijzigde dit bedrag intussen naar €\xa0500,00")
    expect(cell).to_have_attribute("aria-invalid", "true")
    expect(cell).to_have_value("700")
    expect(page.locator("#total-personeel")).to_have_text("500,00")  # the stored total, not the typed one
    axe_check(page)
    assert _amount("personeel", 2027) == Decimal("500.00")
    page.get_by_role("button", name="Mijn bedrag bewaren").click()
    expect(error).to_have_count(0)
    expect(cell).to_have_value("700,00")
    expect(page.locator("#total-personeel")).to_have_text("700,00")
    assert _amount("personeel", 2027) == Decimal("700.00")

    # The server fails twice, then works again: the cell says so, tries again by itself, saves.
    failures = []

    def fail_twice(route):
        if len(failures) < 2:
            failures.append(route.request.url)
            route.fulfill(status=500, body="Server Error")
        else:
            route.continue_()

    page.route("**/begroting/cel/", fail_twice)
    werking = page.get_by_role("textbox", name="Werking 2027")
    werking.fill("1.250")
    werking.press("Tab")
    expect(page.locator("#err-c-werking-2027")).to_contain_text("Niet opgeslagen. De server had een probleem.")
    expect(werking).to_have_attribute("aria-invalid", "true")
    expect(werking).to_have_value("1.250")
    expect(page.locator("#total-werking")).to_have_text("0,00")
    expect(werking).to_have_value("1.250,00", timeout=15_000)  # saved by the second new attempt
    expect(page.locator("#err-c-werking-2027")).to_have_count(0)
    expect(page.locator("#total-werking")).to_have_text("1.250,00")
    assert len(failures) == 2 and _amount("werking", 2027) == Decimal("1250.00")
    page.unroute("**/begroting/cel/")

    # No network at all, five times over: after the new attempts it asks, keeping the value.
    page.route("**/begroting/cel/", lambda route: route.abort())
    page.clock.install()
    vorming = page.get_by_role("textbox", name="Vorming 2027")
    vorming.fill("300")
    vorming.press("Tab")
    expect(page.locator("#err-c-vorming-2027")).to_contain_text("De server is niet bereikbaar.")
    # Each failed attempt schedules the next one only once its (real) request has failed, so move
    # the clock on a step at a time, giving the page a moment between steps, until it gives up.
    message = page.locator("#err-c-vorming-2027")
    for _ in range(40):
        if "Het lukte nog altijd niet." in (message.text_content() or ""):
            break
        page.clock.run_for(17_000)
        page.wait_for_timeout(250)
    expect(message).to_contain_text("Het lukte nog altijd niet.")
    expect(vorming).to_have_value("300")
    axe_check(page)
    page.unroute("**/begroting/cel/")
    page.get_by_role("button", name="Opnieuw proberen").click()
    expect(vorming).to_have_value("300,00")
    assert _amount("vorming", 2027) == Decimal("300.00")
