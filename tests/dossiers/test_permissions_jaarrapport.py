"""Who may do what with a yearly report: everyone of the network and publiq reads it and gets its
PDF and Word file; the coordinator takes the network's steps, a partner confirms and comments only
during the consultation, publiq reviews; outsiders get 404 and anonymous visitors the login."""

import pytest

from dossiers.exports import jaarrapport_pdf_request
from dossiers.models import Comment, JaarrapportRemark, PartnerConfirmation
from dossiers.services_jaarrapport import jaarrapport_of, jaarrapport_transition

from .jaarrapport_data import fill_in, started_year

COVERED = {
    "jaarrapport",
    "jaarrapport_step",
    "jaarrapport_comment",
    "jaarrapport_confirm",
    "jaarrapport_version",
    "jaarrapport_version_pdf",
    "jaarrapport_version_word",
    "jaarrapport_pdf",
    "jaarrapport_pdf_status",
    "jaarrapport_pdf_retry",
    "jaarrapport_pdf_download",
    "jaarrapport_word",
}

OK, DENIED = "ok", 403
# name: (method, coordinator, partner, reviewer) for a submitted report waiting for publiq
ROWS = {
    "page": ("get", OK, OK, OK),
    "version": ("get", OK, OK, OK),
    "version_pdf": ("get", OK, OK, OK),
    "version_word": ("get", OK, OK, OK),
    "pdf": ("post", OK, OK, OK),
    "pdf_status": ("get", OK, OK, OK),
    "pdf_retry": ("post", OK, OK, OK),
    "pdf_download": ("get", OK, OK, OK),
    "word": ("get", OK, OK, OK),
    "step_network": ("get", OK, DENIED, DENIED),
    "step_review": ("get", DENIED, DENIED, OK),
    "comment": ("post", OK, DENIED, OK),
    "confirm": ("get", DENIED, DENIED, DENIED),
    "remarks": ("post", DENIED, DENIED, OK),
}


@pytest.fixture
def report(nota_a, coordinator_a, partner_org_a, partner_a):
    werkjaar = fill_in(started_year(nota_a, coordinator_a, partner_org_a))
    report = jaarrapport_of(werkjaar)
    jaarrapport_transition(jaarrapport=report, name="submit", user=coordinator_a)
    return report


@pytest.fixture
def urls(report, nota_a):
    export = jaarrapport_pdf_request(jaarrapport=report)
    j = f"/dossiers/{nota_a.pk}/opvolging/2027/jaarrapport/"
    return {
        "page": j,
        "version": f"{j}versies/1/",
        "version_pdf": f"{j}versies/1/pdf/",
        "version_word": f"{j}versies/1/word/",
        "pdf": f"{j}pdf/",
        "pdf_status": f"{j}pdf/{export.pk}/",
        "pdf_retry": f"{j}pdf/{export.pk}/opnieuw/",
        "pdf_download": f"{j}pdf/{export.pk}/download/",
        "word": f"{j}word/",
        "step_network": f"{j}stap/open_consultation/",
        "step_review": f"{j}stap/approve/",
        "comment": f"{j}opmerking/",
        "confirm": f"{j}bevestigen/",
        "remarks": f"{j}versies/1/",
    }


DATA = {
    "comment": {"about": "rapport_acties", "body": "Mooi werk"},
    "remarks": {"rapport_acties-remark": "Helder"},
}


def _send(client, name, urls):
    method = ROWS[name][0]
    return getattr(client, method)(urls[name], DATA.get(name, {}))


@pytest.mark.parametrize(
    "persona,column", [("coordinator_client", 1), ("partner_client", 2), ("reviewer_client", 3)]
)
def test_each_persona(urls, persona, column, request):
    client = request.getfixturevalue(persona)
    for name in ROWS:
        expected = ROWS[name][column]
        status = _send(client, name, urls).status_code
        if expected == OK:
            assert status in (200, 302), (persona, name, status)
        else:
            assert status == expected, (persona, name, status)


def test_outsiders_get_404(urls, outsider_client):
    for name in ROWS:
        assert _send(outsider_client, name, urls).status_code == 404, name
    assert not Comment.objects.exists() and not JaarrapportRemark.objects.exists()


def test_anonymous_visitors_are_sent_to_login(urls, anonymous_client):
    for name in ROWS:
        response = _send(anonymous_client, name, urls)
        assert response.status_code == 302 and response.url.startswith("/account/login/"), name


def test_a_partner_confirms_and_comments_during_the_consultation(
    nota_a, coordinator_a, partner_org_a, partner_client, coordinator_client
):
    report = jaarrapport_of(started_year(nota_a, coordinator_a, partner_org_a))
    jaarrapport_transition(jaarrapport=report, name="open_consultation", user=coordinator_a)
    j = f"/dossiers/{nota_a.pk}/opvolging/2027/jaarrapport/"
    assert partner_client.get(j + "bevestigen/").status_code == 200
    assert partner_client.post(j + "bevestigen/", {"answer": "confirmed"}).status_code == 302
    assert partner_client.post(j + "opmerking/", DATA["comment"]).status_code == 302
    assert coordinator_client.get(j + "bevestigen/").status_code == 403  # speaks for no partner
    assert PartnerConfirmation.objects.count() == 1 and Comment.objects.count() == 1


def test_wrong_methods(urls, coordinator_client):
    assert coordinator_client.post(urls["page"]).status_code == 405
    assert coordinator_client.post(urls["word"]).status_code == 405
    assert coordinator_client.get(urls["pdf"]).status_code == 405
    assert coordinator_client.get(urls["comment"]).status_code == 405
    assert coordinator_client.put(urls["step_network"]).status_code == 405


def test_a_working_year_that_was_not_started_has_no_report(report, nota_a, coordinator_client):
    assert (
        coordinator_client.get(f"/dossiers/{nota_a.pk}/opvolging/2028/jaarrapport/").status_code
        == 404
    )
