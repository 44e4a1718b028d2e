from playwright.sync_api import expect

from dossiers.models import ActieOpvolging, BegrotingRealisatie
from tests.browser.conftest import axe_check
from tests.dossiers.opvolging_data import approve_with_plan
from tests.factories import (
    DeelnemendeGemeenteFactory,
    MembershipFactory,
    NetwerkFactory,
    UserFactory,
    ensure_rondes,
    gemeente,
)


def test_coordinator_fills_in_a_working_year(page, live_server, login):
    from decimal import Decimal

    from dossiers.models import Afsprakennota, Indienronde

    ensure_rondes()
    netwerk = NetwerkFactory(name="Netwerk Waasland")
    DeelnemendeGemeenteFactory(netwerk=netwerk, gemeente=gemeente("Temse"))
    user = UserFactory(email="an@example.org")
    MembershipFactory(user=user, netwerk=netwerk, role="coordinator")
    nota = Afsprakennota.objects.create(netwerk=netwerk, ronde=Indienronde.objects.get(first_year=2027))
    approve_with_plan(nota, actions=2)

    login("an@example.org")
    page.goto(f"{live_server.url}/dossiers/{nota.pk}/")
    axe_check(page)
    page.get_by_role("link", name="Naar de jaarlijkse opvolging").click()
    axe_check(page)
    page.get_by_role("button", name="Start de opvolging van 2027").click()
    expect(page.get_by_role("heading", name="Opvolging 2027")).to_be_visible()
    axe_check(page)

    # The first action is completed with its reach; the second postponed.
    page.get_by_role("link", name="A1.1.1 Infomarkt 1").click()
    axe_check(page)
    page.get_by_label("Afgerond").check()
    page.get_by_label("Deelnemers").fill("120")
    page.get_by_label("Van wie uit de kansengroepen van de actie").fill("150")
    page.get_by_role("button", name="Bewaren").click()
    expect(page.locator("#foutmelding")).to_contain_text("kan niet groter zijn")
    axe_check(page)
    page.get_by_label("Van wie uit de kansengroepen van de actie").fill("45")
    page.get_by_label("Gerealiseerde kost").fill("1.650,00")
    page.get_by_role("button", name="Bewaren").click()
    expect(page.get_by_text("De opvolging van A1.1.1 is bewaard.")).to_be_visible()
    axe_check(page)
    page.get_by_role("link", name="A1.1.2 Infomarkt 2").click()
    axe_check(page)
    page.get_by_label("Uitgesteld").check()
    page.get_by_role("button", name="Bewaren").click()
    expect(page.get_by_text("De opvolging van A1.1.2 is bewaard.")).to_be_visible()
    axe_check(page)

    # A realised amount 25% over the plan asks for an explanation.
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
    expect(page.get_by_text("meer dan 10% afwijking")).to_be_visible()
    axe_check(page)

    statuses = sorted(ActieOpvolging.objects.values_list("status", flat=True))
    assert statuses == ["afgerond", "uitgesteld"]
    amounts = sorted(BegrotingRealisatie.objects.values_list("amount", flat=True))
    assert amounts == [Decimal("1000.00"), Decimal("1250.00")]
