from playwright.sync_api import expect

from dossiers.models import Afsprakennota, Indienronde, Overlegorgaan, GeplandReflectiemoment, Samenwerking
from tests.browser.conftest import axe_check
from tests.factories import (
    DeelnemendeGemeenteFactory,
    MembershipFactory,
    NetwerkFactory,
    PartnerFactory,
    UserFactory,
    ensure_gemeenten,
    ensure_rondes,
    gemeente,
)


def test_coordinator_records_how_the_network_works_together(page, live_server, login):
    ensure_rondes()
    ensure_gemeenten()
    netwerk = NetwerkFactory(name="Netwerk Waasland")
    for name in ("Temse", "Sint-Niklaas"):
        DeelnemendeGemeenteFactory(netwerk=netwerk, gemeente=gemeente(name))
        PartnerFactory(netwerk=netwerk, name=f"Cultuurdienst {name}", gemeente=gemeente(name))
    MembershipFactory(user=UserFactory(email="an@example.org"), netwerk=netwerk, role="coordinator")
    nota = Afsprakennota.objects.create(netwerk=netwerk, ronde=Indienronde.objects.get(first_year=2027))
    login("an@example.org")

    page.goto(f"{live_server.url}/dossiers/{nota.pk}/samenwerking/")
    axe_check(page)
    checks = page.get_by_role("region", name="Wat het decreet hier vraagt")
    expect(checks.get_by_text("Er is nog geen overlegorgaan.")).to_be_visible()

    page.locator("#besluitvorming-editor").click()
    page.keyboard.type("De stuurgroep beslist bij consensus.")
    page.get_by_role("button", name="Afspraken bewaren").click()
    expect(page.get_by_text("De samenwerkingsafspraken zijn bewaard.")).to_be_visible()

    page.get_by_role("link", name="Overlegorgaan toevoegen").click()
    axe_check(page)
    page.get_by_label("Naam").fill("Stuurgroep")
    page.get_by_label("Cultuurdienst Temse (Temse)").check()
    page.get_by_label("Cultuurdienst Sint-Niklaas (Sint-Niklaas)").check()
    page.get_by_label("Vergaderingen per jaar").fill("4")
    page.get_by_role("button", name="Bewaren").click()
    expect(page.get_by_text("‘Stuurgroep’ is bewaard.")).to_be_visible()

    page.get_by_role("link", name="Reflectiemoment toevoegen").click()
    axe_check(page)
    page.get_by_label("Wanneer").fill("Eind juni")
    page.get_by_role("button", name="Bewaren").click()
    expect(page.get_by_text("‘Eind juni’ is bewaard.")).to_be_visible()
    axe_check(page)
    expect(checks.get_by_text("Er is nog geen overlegorgaan.")).to_have_count(0)
    expect(checks.get_by_text("Er is geen reflectiemoment gepland", exact=False)).to_have_count(0)

    assert Samenwerking.objects.get(nota=nota).besluitvorming == "<div>De stuurgroep beslist bij consensus.</div>"
    assert Overlegorgaan.objects.get(nota=nota).partners.count() == 2
    assert GeplandReflectiemoment.objects.get(nota=nota).year is None
