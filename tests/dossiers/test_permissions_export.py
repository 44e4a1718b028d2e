"""Exports are for everyone who may read the dossier; outsiders get 404."""

import pytest

from dossiers.models import PdfExport
from dossiers.services import dossier_freeze

COVERED = {"pdf_request", "pdf_status", "pdf_retry", "pdf_download", "version_pdf"}


@pytest.fixture
def rows(nota_a, coordinator_a):
    export = PdfExport.objects.create(nota=nota_a, content_hash="h", document={}, state="failed")
    dossier_freeze(nota=nota_a, user=coordinator_a)
    d = nota_a.pk
    return [
        ("pdf_request", f"/dossiers/{d}/pdf/", "post", 302),
        ("pdf_status", f"/dossiers/{d}/pdf/{export.pk}/", "get", 200),
        ("pdf_retry", f"/dossiers/{d}/pdf/{export.pk}/opnieuw/", "post", 302),
        ("pdf_download", f"/dossiers/{d}/pdf/{export.pk}/download/", "get", 302),  # not made: its status
        ("version_pdf", f"/dossiers/{d}/versies/1/pdf/", "get", 302),
    ]


def test_anonymous_is_sent_to_login(rows, anonymous_client):
    for name, url, method, _expected in rows:
        response = getattr(anonymous_client, method)(url)
        assert response.status_code == 302 and "/account/login/" in response.url, name


def test_outsider_gets_404(rows, outsider_client):
    for name, url, method, _expected in rows:
        assert getattr(outsider_client, method)(url).status_code == 404, name


@pytest.mark.parametrize("persona", ["coordinator_client", "partner_client", "reviewer_client"])
def test_readers_may_export(rows, persona, request, django_capture_on_commit_callbacks):
    client = request.getfixturevalue(persona)
    for name, url, method, expected in rows:
        assert getattr(client, method)(url).status_code == expected, (persona, name)


def test_wrong_methods(rows, coordinator_client):
    for name, url, method, _expected in rows:
        other = "get" if method == "post" else "post"
        assert getattr(coordinator_client, other)(url).status_code == 405, name
