import re

from playwright.sync_api import expect

from tests.browser.conftest import axe_check
from tests.factories import DeelnemendeGemeenteFactory, MembershipFactory, NetwerkFactory
from tests.factories import UserFactory, gemeente


def test_coordinator_logs_in_and_adds_a_partner(page, live_server, login):
    netwerk = NetwerkFactory(name="Netwerk Waasland")
    DeelnemendeGemeenteFactory(netwerk=netwerk, gemeente=gemeente("Temse"))
    user = UserFactory(email="an@example.org")
    MembershipFactory(user=user, netwerk=netwerk, role="coordinator")

    login("an@example.org")
    expect(page.get_by_role("heading", name="Mijn netwerken")).to_be_visible()
    page.get_by_role("link", name="Netwerk Waasland").click()
    axe_check(page)

    page.get_by_role("link", name="Partner toevoegen").click()
    axe_check(page)
    page.get_by_label("Naam van de organisatie").fill("Vereniging De Klink")
    page.get_by_label("Soort partner").select_option(label="vereniging waar armen het woord nemen")
    page.get_by_label("E-mailadres contactpersoon").fill("fout@")
    page.get_by_role("button", name="Bewaren").click()
    # Bad input: the message is where the user is, and the text stays.
    expect(page.get_by_role("alert").first).to_contain_text("Niet bewaard")
    axe_check(page)
    expect(page.get_by_label("Naam van de organisatie")).to_have_value("Vereniging De Klink")

    page.get_by_label("E-mailadres contactpersoon").fill("klink@example.org")
    page.get_by_role("button", name="Bewaren").click()
    expect(page.get_by_text("Vereniging De Klink is toegevoegd.")).to_be_visible()
    axe_check(page)
    expect(page.get_by_role("row", name=re.compile("Vereniging De Klink"))).to_be_visible()


def test_coordinator_adds_municipalities_with_the_keyboard(page, live_server, login):
    netwerk = NetwerkFactory(name="Netwerk Waasland")
    user = UserFactory(email="an@example.org")
    MembershipFactory(user=user, netwerk=netwerk, role="coordinator")
    login("an@example.org")

    page.goto(f"{live_server.url}/netwerken/{netwerk.pk}/gemeenten/toevoegen/")
    axe_check(page)
    page.get_by_label("Gemeenten of districten").fill("Temse, 46029\nDeurne (district) (11002-05)")
    page.get_by_label("Gemeenten of districten").press("Tab")
    page.keyboard.press("Enter")
    expect(page.get_by_text("3 gemeenten zijn toegevoegd.")).to_be_visible()
    axe_check(page)
    for name in ["Temse", "Lokeren", "Deurne (district)"]:
        expect(page.get_by_role("rowheader", name=re.compile(re.escape(name)))).to_be_visible()


def test_members_page_and_invitation_are_accessible(page, live_server, login):
    netwerk = NetwerkFactory(name="Netwerk Waasland")
    user = UserFactory(email="an@example.org")
    MembershipFactory(user=user, netwerk=netwerk, role="coordinator")
    login("an@example.org")
    page.goto(f"{live_server.url}/netwerken/{netwerk.pk}/leden/")
    axe_check(page)
    page.get_by_label("E-mailadres").fill("nieuw@example.org")
    page.get_by_role("button", name="Uitnodiging versturen").click()
    expect(page.get_by_text("Er is een uitnodiging verstuurd naar nieuw@example.org.")).to_be_visible()
    axe_check(page)
    page.goto(f"{live_server.url}/netwerken/{netwerk.pk}/rollen/")
    axe_check(page)
