from dossiers.services_jaarrapport import jaarrapport_of, jaarrapport_transition
from dossiers.models import Werkjaar, Comment
from tests.browser.conftest import axe_check
from tests.browser.test_jaarrapport import _setup, _switch
from tests.dossiers.jaarrapport_data import fill_in, scan
from dossiers.services_opvolging import werkjaar_start
from netwerken.models import User


def test_shots(page, live_server, login):
    nota = _setup()
    an = User.objects.get(email="an@example.org")
    jaar = fill_in(werkjaar_start(nota=nota, year=2027, user=an))
    scan(nota.netwerk, an)
    report = jaarrapport_of(jaar)
    jaarrapport_transition(jaarrapport=report, name="open_consultation", user=an)
    Comment.objects.create(jaarrapport=report, section="rapport_acties", anchor="section", anchor_label="Uitgevoerde acties", body="Kunnen we de foto's toevoegen?", author=an)
    login("an@example.org")
    page.goto(f"{live_server.url}/dossiers/{nota.pk}/opvolging/2027/jaarrapport/")
    axe_check(page)
    page.screenshot(path="/tmp/shot_detail.png", full_page=True)
    jaarrapport_transition(jaarrapport=report, name="submit", user=an)
    _switch(page, login, "rita@example.org")
    page.goto(f"{live_server.url}/dossiers/{nota.pk}/opvolging/2027/jaarrapport/versies/1/")
    axe_check(page)
    page.screenshot(path="/tmp/shot_version.png", full_page=True)
