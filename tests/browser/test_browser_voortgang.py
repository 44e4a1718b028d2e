"""The progress over the years and the 2029 copy with its draft self-evaluation, in a browser:
charts and tables on a wide screen and a phone, the draft rewritten in the editor."""

import re
from datetime import date

from playwright.sync_api import expect

from dossiers.models import ActieOpvolging, Afsprakennota, IndicatorMeting, Indienronde
from dossiers.models.zelfscan import Domein, Zelfscan, ZelfscanScore
from dossiers.services_opvolging import werkjaar_start
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


def _approved_with_follow_up():
    ensure_rondes()
    netwerk = NetwerkFactory(name="Netwerk Waasland")
    DeelnemendeGemeenteFactory(netwerk=netwerk, gemeente=gemeente("Temse"))
    user = UserFactory(email="an@example.org")
    MembershipFactory(user=user, netwerk=netwerk, role="coordinator")
    nota = Afsprakennota.objects.create(netwerk=netwerk, ronde=Indienronde.objects.get(first_year=2027))
    approve_with_plan(nota, actions=3)
    for n, year in enumerate((2027, 2028)):
        jaar = werkjaar_start(nota=nota, year=year, user=user)
        for k, row in enumerate(ActieOpvolging.objects.filter(werkjaar=jaar).order_by("actie__position")):
            row.status = ["lopend", "afgerond", "uitgesteld"][k] if n else "lopend"
            row.participants, row.participants_kansengroepen = 60 + 20 * k, 20 + 5 * k
            row.save()
        IndicatorMeting.objects.filter(werkjaar=jaar).update(value=str(150 + 40 * n))
    for n in range(2):
        scan = Zelfscan.objects.create(netwerk=netwerk, title=f"Zelfscan {2027 + n}", opened_on=date(2027 + n, 3, 1))
        ZelfscanScore.objects.bulk_create(
            ZelfscanScore(scan=scan, user=user, domein=d.value, score=2 + n) for d in Domein
        )
    return nota


def test_the_progress_page_on_a_wide_screen_and_a_phone(page, live_server, login):
    nota = _approved_with_follow_up()
    login("an@example.org")
    page.goto(f"{live_server.url}/netwerken/{nota.netwerk_id}/")
    axe_check(page)
    page.get_by_role("link", name=re.compile("Voortgang over de jaren")).click()
    expect(page.get_by_role("heading", name="Voortgang over de jaren", level=1)).to_be_visible()
    expect(page.get_by_role("img", name="Acties per stand en werkjaar")).to_be_visible()
    expect(page.get_by_role("img", name="De zelfscan: eerste en laatste")).to_be_visible()
    axe_check(page)
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    axe_check(page)
    # the page itself does not scroll sideways on a phone; charts and tables do, inside themselves
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_the_copy_for_2029_and_its_draft_self_evaluation(page, live_server, login):
    nota = _approved_with_follow_up()
    login("an@example.org")
    page.goto(f"{live_server.url}/netwerken/{nota.netwerk_id}/")
    axe_check(page)
    page.get_by_role("button", name=re.compile("Vertrekken van het dossier 2027-2032")).click()
    page.wait_for_url(re.compile(r"/dossiers/\d+/$"))
    axe_check(page)
    copy = Afsprakennota.objects.get(netwerk=nota.netwerk, ronde__first_year=2030)
    page.goto(f"{live_server.url}/dossiers/{copy.pk}/omgevingsanalyse/")
    axe_check(page)
    expect(page.get_by_text("ontwerp uit de opvolging, nog niet herschreven")).to_be_visible()
    page.get_by_role("link", name="Zelfevaluatie").first.click()
    expect(page.get_by_text("Niemand heeft het ontwerp al aangepast")).to_be_visible()
    axe_check(page)
    editor = page.locator("trix-editor")
    expect(editor).to_contain_text("1 actie werd uitgesteld: A1.1.3 Infomarkt 3.")
    editor.click()
    page.keyboard.press("Control+End")
    page.keyboard.type(" Besproken met de stuurgroep.")
    page.get_by_role("button", name="Zelfevaluatie bewaren").click()
    expect(page.get_by_text("De zelfevaluatie is bewaard.")).to_be_visible()
    expect(page.get_by_text("Niemand heeft het ontwerp al aangepast")).to_have_count(0)
    axe_check(page)
