from playwright.sync_api import expect

from tests.browser.conftest import axe_check
from tests.factories import DeelnemendeGemeenteFactory, MembershipFactory, NetwerkFactory
from tests.factories import UserFactory, gemeente


def test_coordinator_opens_a_self_scan_and_fills_it_in_with_the_keyboard(page, live_server, login):
    netwerk = NetwerkFactory(name="Netwerk Waasland")
    DeelnemendeGemeenteFactory(netwerk=netwerk, gemeente=gemeente("Temse"))
    user = UserFactory(email="an@example.org")
    MembershipFactory(user=user, netwerk=netwerk, role="coordinator")

    login("an@example.org")
    page.goto(f"{live_server.url}/netwerken/{netwerk.pk}/zelfscan/")
    expect(page.get_by_text("Nog geen zelfscan.")).to_be_visible()
    axe_check(page)
    page.get_by_label("Titel").fill("Zelfscan 2027")
    page.get_by_role("button", name="De scan openen").click()
    page.get_by_role("link", name="Invullen").click()
    axe_check(page)

    # Saving with a domain left open: the summary takes the focus, and what was chosen stays.
    page.get_by_role("group", name="Context").get_by_label("4").check()
    page.get_by_role("button", name="Mijn scores bewaren").click()
    expect(page.locator("#foutmelding")).to_be_focused()
    axe_check(page)
    expect(page.get_by_role("group", name="Context").get_by_label("4")).to_be_checked()

    for legend in ["Actoren", "Rollen en taken", "Procesafspraken", "Communicatie", "Middelen",
                   "Relaties en vertrouwen", "Legitimiteit", "Monitoring", "Duurzaamheid"]:
        radio = page.get_by_role("group", name=legend).get_by_label("2", exact=True)
        radio.focus()
        page.keyboard.press("Space")
    page.get_by_role("button", name="Mijn scores bewaren").click()
    expect(page.get_by_text("Bedankt: uw scores zijn bewaard.")).to_be_visible()
    expect(page.get_by_role("img", name="Spreiding van de scores per domein: Zelfscan 2027")).to_be_visible()
    axe_check(page)
