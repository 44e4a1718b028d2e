import re

from playwright.sync_api import expect

from dossiers.models import Actie, Afsprakennota, Indienronde
from tests.browser.conftest import axe_check
from tests.factories import MembershipFactory, NetwerkFactory, PartnerFactory, UserFactory, ensure_rondes


def test_coordinator_adds_an_objective_an_operational_objective_and_an_action(page, live_server, login):
    ensure_rondes()
    netwerk = NetwerkFactory(name="Netwerk Waasland")
    PartnerFactory(netwerk=netwerk, name="OCMW Temse", kind="ocmw")
    MembershipFactory(user=UserFactory(email="an@example.org"), netwerk=netwerk, role="coordinator")
    nota = Afsprakennota.objects.create(netwerk=netwerk, ronde=Indienronde.objects.get(first_year=2027))
    login("an@example.org")

    page.goto(f"{live_server.url}/dossiers/{nota.pk}/doelstellingen/")
    axe_check(page)
    checks = page.get_by_role("region", name="Wat het decreet hier vraagt")
    expect(checks).to_contain_text("Voeg de strategische doelstellingen toe")

    page.get_by_role("link", name="Strategische doelstelling toevoegen").click()
    axe_check(page)
    page.get_by_label("Titel").fill("Iedereen kent het aanbod")
    page.get_by_role("button", name="Bewaren").click()
    expect(page.get_by_text("SD1 is bewaard.")).to_be_visible()
    axe_check(page)

    page.get_by_role("link", name="Operationele doelstelling toevoegen aan SD1").click()
    axe_check(page)
    page.get_by_label("Titel").fill("Toeleiders kennen de UiTPAS")
    page.get_by_role("button", name="Bewaren").click()
    expect(page.get_by_text("OD1.1 is bewaard.")).to_be_visible()

    page.get_by_role("link", name="Actie toevoegen aan OD1.1").click()
    axe_check(page)
    page.get_by_label("Titel").fill("Vorming voor maatschappelijk werkers")
    page.get_by_label("Trekker").select_option(label="OCMW Temse")
    page.get_by_label("2027").first.check()
    page.get_by_label("2028").first.check()
    page.get_by_role("group", name="Geraamde kost per werkjaar (euro)").get_by_label("2027").fill("1.250,50")
    page.get_by_role("button", name="Actie bewaren").click()
    expect(page.get_by_text("A1.1.1 is bewaard.")).to_be_visible()
    axe_check(page)
    expect(page.get_by_text(re.compile(r"€\s1\.250,50"))).to_be_visible()
    nav = page.get_by_role("navigation", name="Onderdelen van de afsprakennota")
    expect(nav.get_by_role("listitem").filter(has_text="Doelstellingen en acties")).to_contain_text("volledig")
    assert Actie.objects.get().years == [2027, 2028]

    page.get_by_role("link", name="Plan per werkjaar").click()
    axe_check(page)
    page.get_by_role("link", name="Last per partner").click()
    axe_check(page)
    expect(page.get_by_role("row", name=re.compile("OCMW Temse"))).to_contain_text("1")


def test_an_indicator_without_target_value_is_not_lost_at_the_bottom(page, live_server, login):
    from dossiers.models import OperationeleDoelstelling, StrategischeDoelstelling

    ensure_rondes()
    netwerk = NetwerkFactory(name="Netwerk Waasland")
    PartnerFactory(netwerk=netwerk, name="OCMW Temse", kind="ocmw")
    MembershipFactory(user=UserFactory(email="an@example.org"), netwerk=netwerk, role="coordinator")
    nota = Afsprakennota.objects.create(netwerk=netwerk, ronde=Indienronde.objects.get(first_year=2027))
    sd = StrategischeDoelstelling.objects.create(nota=nota, position=1, title="Iedereen kent het aanbod")
    od = OperationeleDoelstelling.objects.create(sd=sd, position=1, title="Toeleiders kennen de UiTPAS")
    login("an@example.org")

    page.goto(f"{live_server.url}/dossiers/{nota.pk}/doelstellingen/od/{od.pk}/actie/nieuw/")
    axe_check(page)
    page.get_by_label("Titel").fill("Vorming voor maatschappelijk werkers")
    page.get_by_label("Trekker").select_option(label="OCMW Temse")
    page.get_by_label("2027").first.check()
    page.get_by_label("Indicator 1").fill("Aantal deelnemers")
    page.get_by_role("button", name="Actie bewaren").click()

    summary = page.get_by_role("alert").filter(has_text="Niet bewaard")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Streefwaarde 1: Dit veld is verplicht.")
    axe_check(page)
    target = page.get_by_label("Streefwaarde 1")
    expect(target).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("Titel")).to_have_value("Vorming voor maatschappelijk werkers")
    summary.get_by_role("link", name="Streefwaarde 1").click()
    expect(target).to_be_focused()
    target.fill("25 per jaar")
    page.get_by_role("button", name="Actie bewaren").click()
    expect(page.get_by_text("A1.1.1 is bewaard.")).to_be_visible()
    axe_check(page)
    assert Actie.objects.get().indicators.get().target == "25 per jaar"
