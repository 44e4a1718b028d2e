"""The network, members, dossier overview and budget pages on a 390 px phone and a 1280 px
screen: no sideways panning of the page (only tables that say they scroll may scroll), no axe
finding, and on a phone the budget grid within reach at the top with its row labels in view."""

import pytest
from playwright.sync_api import expect

from dossiers.models import Afsprakennota, Indienronde
from dossiers.services_begroting import budget_save
from tests.browser.conftest import axe_check
from tests.factories import (
    DeelnemendeGemeenteFactory,
    MembershipFactory,
    NetwerkFactory,
    PartnerFactory,
    UserFactory,
    ensure_rondes,
    gemeente,
    make_ready,
)

PHONE = {"width": 390, "height": 844}
SCREEN = {"width": 1280, "height": 900}


def a_full_network():
    ensure_rondes()
    netwerk = NetwerkFactory(name="Netwerk Vrijetijdsparticipatie Waasland en Durmevallei")
    for name in ["Sint-Niklaas", "Temse", "Beveren-Kruibeke-Zwijndrecht", "Lokeren", "Stekene"]:
        DeelnemendeGemeenteFactory(
            netwerk=netwerk,
            gemeente=gemeente(name),
            contact_email=f"vrijetijdsparticipatie.{name.lower()}@example.org",
            contact_address="Stationsstraat 101, bus 12, 9100 Sint-Niklaas",
        )
    partner = PartnerFactory(netwerk=netwerk, name="Vereniging waar armen het woord nemen De Klink", kind="vereniging_armen")
    MembershipFactory(user=UserFactory(email="an@example.org"), netwerk=netwerk, role="coordinator")
    MembershipFactory(
        user=UserFactory(email="medewerker.met.een.lang.adres@vrijetijdsparticipatie.example.org"),
        netwerk=netwerk,
        role="partner",
        partner=partner,
    )
    nota = Afsprakennota.objects.create(netwerk=netwerk, ronde=Indienronde.objects.get(first_year=2027))
    make_ready(nota)
    budget_save(nota=nota, data={f"c-personeel-{year}": "123456,78" for year in nota.ronde.years})
    return netwerk, nota


def assert_no_sideways_panning(page):
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"{page.url} is {overflow} px wider than the window"


@pytest.mark.parametrize("viewport", [PHONE, SCREEN], ids=["390px", "1280px"])
def test_pages_fit_the_window(page, live_server, login, viewport):
    netwerk, nota = a_full_network()
    page.set_viewport_size(viewport)
    login("an@example.org")
    for path in [
        f"/netwerken/{netwerk.pk}/",
        f"/netwerken/{netwerk.pk}/leden/",
        f"/dossiers/{nota.pk}/",
        f"/dossiers/{nota.pk}/begroting/",
    ]:
        page.goto(f"{live_server.url}{path}")
        axe_check(page)
        assert_no_sideways_panning(page)
        # A table wider than the window scrolls inside a region a keyboard can reach and that
        # says it scrolls (the budget grid is reached through its own fields).
        for region in page.locator(".table-responsive:not(#budget-grid)").all():
            if region.evaluate("e => e.scrollWidth > e.clientWidth"):
                assert region.get_attribute("tabindex") == "0"
                assert "schuift zijwaarts" in region.get_attribute("aria-label")


def test_on_a_phone_the_budget_grid_is_reached_from_the_top_and_keeps_its_labels(page, live_server, login):
    _netwerk, nota = a_full_network()
    page.set_viewport_size(PHONE)
    login("an@example.org")
    page.goto(f"{live_server.url}/dossiers/{nota.pk}/begroting/")
    axe_check(page)
    to_grid = page.get_by_role("link", name="Naar de begrotingstabel")
    expect(to_grid).to_be_in_viewport()
    to_grid.click()
    grid = page.locator("#budget-grid")
    expect(grid).to_be_in_viewport()
    # (Bootstrap scrolls smoothly: wait until the grid arrives at the top.)
    page.wait_for_function("() => Math.abs(document.getElementById('budget-grid').getBoundingClientRect().top) < 5")

    label = page.locator("#label-personeel")
    left_before = label.evaluate("e => e.getBoundingClientRect().left")
    grid.evaluate("e => { e.scrollLeft = 500; }")
    page.wait_for_function("() => document.getElementById('budget-grid').scrollLeft > 0")
    assert label.evaluate("e => e.getBoundingClientRect().left") == pytest.approx(left_before, abs=1)
    expect(label).to_be_in_viewport()
    assert_no_sideways_panning(page)
