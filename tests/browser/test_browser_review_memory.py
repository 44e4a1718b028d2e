"""A publiq reviewer takes a late second version from the round overview, reads the previous
version's remarks beside it, and approves it with the composed decision letter."""

from playwright.sync_api import expect

from dossiers.models import Afsprakennota, Indienronde, ReviewRemark, Visie
from dossiers.services import dossier_freeze
from netwerken.demo import seed_networks
from netwerken.models import Netwerk, User
from tests.browser.conftest import axe_check
from tests.factories import ensure_rondes


def test_reviewer_remembers_and_approves(page, live_server, login):
    ensure_rondes()
    seed_networks()
    ronde = Indienronde.objects.get(first_year=2027)
    sofie = User.objects.get(email="reviewer@example.org")
    sofie.set_password("geheim-wachtwoord")
    sofie.save()
    waasland = Netwerk.objects.get(name="Netwerk Vrijetijdsparticipatie Waasland")
    nota = Afsprakennota.objects.create(netwerk=waasland, ronde=ronde, status="in_behandeling")
    Visie.objects.create(nota=nota, text="<p>Iedereen doet mee.</p>", vorm="beide", vorm_motivation="Omdat.")
    first = dossier_freeze(nota=nota, user=sofie)
    ReviewRemark.objects.create(version=first, section="begroting", verdict="werkpunt",
                                remark="Het saldo van 2029 klopt niet.")
    first.decision, first.decision_letter = "bijsturing", "Pas de begroting aan."
    first.save()
    Visie.objects.filter(nota=nota).update(text="<p>Iedereen doet mee, ook in de zomer.</p>")
    dossier_freeze(nota=nota, user=sofie)  # the second version, after the deadline: late

    login("reviewer@example.org")
    page.goto(f"{live_server.url}/beoordeling/ronde/")
    axe_check(page)
    page.get_by_role("link", name="Vergelijking van de netwerken").click()
    page.wait_for_load_state("load")
    axe_check(page)
    expect(page.locator("#vergelijking tbody tr")).to_have_count(3)  # the three demo networks
    page.get_by_role("link", name="Overzicht van de ronde").click()
    page.wait_for_load_state("load")
    axe_check(page)

    page.get_by_label("Status").select_option(value="in_behandeling")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_load_state("load")
    axe_check(page)
    table = page.locator("table.ronde-table")
    expect(table.locator("tbody tr")).to_have_count(1)
    expect(table).to_contain_text("te laat")

    table.get_by_role("button", name="Ik neem dit dossier").click()
    page.wait_for_load_state("load")
    axe_check(page)
    assert "status=in_behandeling" in page.url
    expect(table).to_contain_text(str(sofie))

    table.get_by_role("link", name="Netwerk Vrijetijdsparticipatie Waasland").click()
    page.wait_for_load_state("load")
    axe_check(page)
    begroting = page.locator(".review-memory[data-section=begroting]")
    expect(begroting).to_contain_text("Versie 1: uw beoordeling toen")
    expect(begroting).to_contain_text("Het saldo van 2029 klopt niet.")
    visie = page.locator(".review-memory[data-section=visie]")
    visie.locator("summary").click()
    expect(visie).to_contain_text("zomer")

    page.get_by_role("link", name="Goedkeuren").click()
    page.wait_for_load_state("load")
    axe_check(page)
    letter = page.get_by_label("Beslissingsbrief aan het netwerk")
    expect(letter).to_contain_text("Beste coördinator van Netwerk Vrijetijdsparticipatie Waasland")
    assert "publiq keurt versie 2 van uw afsprakennota" in letter.input_value()
    page.get_by_role("button", name="Ja: Goedkeuren").click()
    page.wait_for_load_state("load")
    axe_check(page)
    expect(page.locator(".decision-letter")).to_contain_text("publiq keurde versie 2 goed")
    nota.refresh_from_db()
    assert nota.status == "goedgekeurd" and nota.reviewer == sofie
