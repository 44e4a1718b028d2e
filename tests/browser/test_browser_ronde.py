"""A publiq reviewer follows a whole round: the overview of every network, a filter, and the
coverage of Flanders."""

import os

from playwright.sync_api import expect

from dossiers.models import Afsprakennota, Indienronde
from dossiers.services import dossier_freeze
from dossiers.services_begroting import budget_save
from netwerken.demo import seed_networks
from netwerken.models import Netwerk, User
from tests.browser.conftest import axe_check
from tests.factories import DeelnemendeGemeenteFactory, NetwerkFactory, UserFactory, ensure_rondes, gemeente

SHOTS = os.environ.get("SCREENSHOTS")  # a folder: keep screenshots of the pages to look at them


def shoot(page, name):
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"{name}.png"), full_page=True)


def test_reviewer_follows_the_round(page, live_server, login):
    ensure_rondes()
    seed_networks()
    ronde = Indienronde.objects.get(first_year=2027)
    sofie = User.objects.get(email="reviewer@example.org")
    sofie.set_password("geheim-wachtwoord")
    sofie.save()
    waasland = Netwerk.objects.get(name="Netwerk Vrijetijdsparticipatie Waasland")
    nota = Afsprakennota.objects.create(netwerk=waasland, ronde=ronde, reviewer=sofie, status="ingediend")
    budget_save(nota=nota, data={f"c-vlaamse_subsidie-{y}": "45.000" for y in ronde.years})
    dossier_freeze(nota=nota, user=sofie)  # after the deadline: late
    schelde = NetwerkFactory(name="Netwerk Scheldeland", referentieregio="Rupelstreek")
    DeelnemendeGemeenteFactory(netwerk=schelde, gemeente=gemeente("Temse"))  # also in Waasland
    Afsprakennota.objects.create(netwerk=schelde, ronde=ronde)
    UserFactory(email="tweede@example.org", is_reviewer=True, first_name="Tom", last_name="Tweede")

    login("reviewer@example.org")
    page.goto(f"{live_server.url}/beoordeling/ronde/")
    axe_check(page)
    table = page.locator("table.ronde-table")
    expect(page.get_by_role("heading", level=1)).to_contain_text(ronde.name)
    expect(table.locator("tbody tr")).to_have_count(4)
    expect(table).to_contain_text("Geen dossier")  # Haspengouw and Westhoek have none here
    expect(table).to_contain_text("te laat")
    expect(table.locator("tfoot")).to_contain_text("270.000")
    shoot(page, "ronde-overzicht")

    page.get_by_label("Beoordelaar").select_option(label=str(sofie))
    page.get_by_role("button", name="Filter").click()
    page.wait_for_load_state("load")
    axe_check(page)
    expect(table.locator("tbody tr")).to_have_count(1)
    expect(table).to_contain_text("Waasland")
    expect(table.locator("tfoot")).to_contain_text("Totaal: 1 netwerk")

    page.get_by_role("link", name="Gemeenten").click()  # sort, keeping the filter
    page.wait_for_load_state("load")
    axe_check(page)
    assert f"reviewer={sofie.pk}" in page.url and "sort=gemeenten" in page.url

    page.get_by_role("link", name="Dekking van Vlaanderen").click()
    page.wait_for_load_state("load")
    axe_check(page)
    expect(page.locator("#dekking-cijfer")).to_have_text("15 / 285")  # Temse counts once, as a conflict
    expect(page.locator("#conflicten + ul")).to_contain_text("Temse")
    page.locator("summary").first.click()
    shoot(page, "ronde-dekking")
