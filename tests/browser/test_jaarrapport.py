"""The yearly report in the browser: the coordinator fills in the working year, opens the report
for the partners, a partner confirms its part, the coordinator submits, publiq approves."""

from decimal import Decimal

from playwright.sync_api import expect

from dossiers.models import Actie, Afsprakennota, Indienronde, Jaarrapport, PartnerConfirmation
from tests.browser.conftest import axe_check
from tests.dossiers.opvolging_data import approve_with_plan
from tests.factories import (
    DeelnemendeGemeenteFactory,
    MembershipFactory,
    NetwerkFactory,
    PartnerFactory,
    UserFactory,
    ensure_rondes,
    gemeente,
)


def _setup():
    ensure_rondes()
    netwerk = NetwerkFactory(name="Netwerk Waasland")
    DeelnemendeGemeenteFactory(netwerk=netwerk, gemeente=gemeente("Temse"))
    MembershipFactory(user=UserFactory(email="an@example.org"), netwerk=netwerk, role="coordinator")
    bib = PartnerFactory(netwerk=netwerk, name="Bibliotheek Temse")
    MembershipFactory(
        user=UserFactory(email="paul@example.org"), netwerk=netwerk, role="partner", partner=bib
    )
    UserFactory(email="rita@example.org", is_reviewer=True)
    nota = Afsprakennota.objects.create(
        netwerk=netwerk, ronde=Indienronde.objects.get(first_year=2027)
    )
    approve_with_plan(nota, actions=1)
    Actie.objects.filter(od__sd__nota=nota).update(lead_partner=bib)
    return nota


def _switch(page, login, email):
    page.context.clear_cookies()
    login(email)


def test_yearly_report_from_follow_up_to_approval(page, live_server, login):
    nota = _setup()
    base = f"{live_server.url}/dossiers/{nota.pk}/opvolging/"

    # The coordinator fills in the working year.
    login("an@example.org")
    page.goto(base)
    axe_check(page)
    page.get_by_role("button", name="Start de opvolging van 2027").click()
    expect(page.get_by_role("heading", name="Opvolging 2027")).to_be_visible()
    axe_check(page)
    page.get_by_role("link", name="A1.1.1 Infomarkt 1").click()
    axe_check(page)
    page.get_by_label("Afgerond").check()
    page.get_by_label("Wat er gedaan is").fill("Twee infomarkten in de bibliotheek.")
    page.get_by_label("Deelnemers").fill("120")
    page.get_by_label("Van wie uit de kansengroepen van de actie").fill("45")
    page.get_by_role("button", name="Bewaren").click()
    expect(page.get_by_text("De opvolging van A1.1.1 is bewaard.")).to_be_visible()
    axe_check(page)
    page.get_by_role("link", name="Gerealiseerde bedragen invullen").click()
    axe_check(page)
    page.locator("#id_form-0-amount").fill("1.250,00")
    page.locator("#id_form-1-amount").fill("1.000,00")
    page.get_by_role("button", name="Bewaren").click()
    expect(page.locator("#foutmelding")).to_contain_text("leg uit waarom")
    axe_check(page)
    page.locator("#id_form-0-explanation").fill("Extra busvervoer naar de infomarkten.")
    page.get_by_role("button", name="Bewaren").click()
    expect(page.get_by_text("De gerealiseerde begroting is bewaard.")).to_be_visible()
    axe_check(page)

    # The yearly report is linked from the working year, and opened for the partners.
    page.get_by_role("link", name="Jaarrapport 2027").click()
    expect(page.get_by_role("heading", name="Jaarrapport 2027", exact=True)).to_be_visible()
    expect(page.get_by_text("Extra busvervoer naar de infomarkten.")).to_be_visible()
    axe_check(page)
    page.get_by_role(
        "link", name="Openstellen voor opmerkingen en bevestiging van partners"
    ).click()
    axe_check(page)
    page.get_by_role(
        "button", name="Ja: Openstellen voor opmerkingen en bevestiging van partners"
    ).click()
    expect(page.get_by_text("Gedaan: Openstellen")).to_be_visible()
    axe_check(page)

    # The partner confirms its part: the action it leads.
    _switch(page, login, "paul@example.org")
    page.goto(f"{base}2027/jaarrapport/")
    axe_check(page)
    page.get_by_role("link", name="Uw deel bevestigen").click()
    expect(page.get_by_role("cell", name="Twee infomarkten in de bibliotheek.")).to_be_visible()
    axe_check(page)
    page.get_by_label("Ja, dit is wat we samen deden").check()
    page.get_by_role("button", name="Mijn antwoord versturen").click()
    expect(page.get_by_text("Bedankt: de coördinator ziet uw antwoord.")).to_be_visible()
    axe_check(page)
    assert PartnerConfirmation.objects.get().answer == "confirmed"

    # The coordinator submits the yearly report.
    _switch(page, login, "an@example.org")
    page.goto(f"{base}2027/jaarrapport/")
    expect(page.locator("#partners").locator("..")).to_contain_text("bevestigd")
    axe_check(page)
    page.get_by_role("link", name="Het jaarrapport indienen").click()
    expect(page.get_by_text("Elke afwijking van meer dan 10 procent is toegelicht")).to_be_visible()
    axe_check(page)
    page.get_by_role("button", name="Ja: Het jaarrapport indienen").click()
    expect(page.get_by_text("Gedaan: Het jaarrapport indienen.")).to_be_visible()
    axe_check(page)

    # publiq writes a remark on the budget and approves.
    _switch(page, login, "rita@example.org")
    page.goto(f"{base}2027/jaarrapport/")
    axe_check(page)
    page.get_by_role("link", name="Versie 1").click()
    axe_check(page)
    budget = page.get_by_role(
        "group", name="Opmerking van publiq bij “Begroting: gepland en gerealiseerd”"
    )
    budget.get_by_label("in orde").check()
    budget.get_by_label("Opmerking voor het netwerk").fill("Het vervoer is goed toegelicht.")
    page.get_by_role("button", name="Opmerkingen bewaren").click()
    expect(page.get_by_text("Uw opmerkingen zijn bewaard.")).to_be_visible()
    axe_check(page)
    page.get_by_role("link", name="Terug naar het jaarrapport").click()
    axe_check(page)
    page.get_by_role("link", name="Goedkeuren").click()
    axe_check(page)
    page.get_by_label("Beslissingsbrief aan het netwerk").fill("Het jaarrapport is in orde.")
    page.get_by_role("button", name="Ja: Goedkeuren").click()
    expect(page.get_by_text("Gedaan: Goedkeuren.")).to_be_visible()
    axe_check(page)

    report = Jaarrapport.objects.get()
    assert report.status == "goedgekeurd"
    version = report.versions.get()
    assert (
        version.decision == "goedgekeurd"
        and version.remarks.get().remark == "Het vervoer is goed toegelicht."
    )
    lines = version.snapshot["begroting"]["lines"]
    assert sorted(Decimal(line["realised"]) for line in lines) == [
        Decimal("1000.00"),
        Decimal("1250.00"),
    ]
    assert "Extra busvervoer naar de infomarkten." in [line["explanation"] for line in lines]
