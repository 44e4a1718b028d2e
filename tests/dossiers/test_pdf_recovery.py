"""Recovery: an export whose worker died is taken up again, retry works, a lost file is made again."""

from datetime import timedelta

import pytest
from django.utils import timezone

from dossiers.exports import MAX_ATTEMPTS, pdf_export_render, pdf_export_request
from dossiers.models import PdfExport
from dossiers.services import dossier_freeze
from dossiers.snapshot import build_snapshot


def _left_running(nota, *, silent_for, attempts=1):
    """An export as a killed worker leaves it: being made, its last heartbeat `silent_for` ago."""
    then = timezone.now() - silent_for
    return PdfExport.objects.create(
        nota=nota,
        content_hash="h",
        document=build_snapshot(nota),
        state="running",
        progress="Pagina 3 opmaken",
        attempts=attempts,
        started_at=then,
        heartbeat_at=then,
    )


def _messages(response):
    return [str(m) for m in response.context["messages"]]


def test_a_watch_takes_up_an_export_whose_worker_went_silent(settings, nota_a):
    settings.EXPORT_STALE_AFTER_SECONDS = 60
    export = _left_running(nota_a, silent_for=timedelta(minutes=5))
    pdf_export_render(export_id=export.pk)  # what the queued watch of the export runs
    export.refresh_from_db()
    assert export.state == "done" and export.attempts == 2
    assert export.file.read(4) == b"%PDF"


def test_a_watch_leaves_an_export_whose_worker_is_alive(settings, nota_a):
    settings.EXPORT_STALE_AFTER_SECONDS = 60
    export = _left_running(nota_a, silent_for=timedelta(seconds=5))
    pdf_export_render(export_id=export.pk)
    export.refresh_from_db()
    assert export.state == "running" and export.attempts == 1 and not export.file


def test_an_export_interrupted_too_often_fails_and_says_so(settings, coordinator_client, nota_a):
    export = _left_running(nota_a, silent_for=timedelta(minutes=5), attempts=MAX_ATTEMPTS)
    pdf_export_render(export_id=export.pk)
    export.refresh_from_db()
    assert export.state == "failed" and export.failure == "interrupted"
    page = coordinator_client.get(f"/dossiers/{nota_a.pk}/pdf/{export.pk}/").text
    assert "Het maken van de PDF werd 3 keer onderbroken: de achtergrondverwerking stopte." in page
    assert "meld het dan aan de beheerder" in page


def test_retry_makes_an_interrupted_export(
    coordinator_client, nota_a, django_capture_on_commit_callbacks
):
    export = _left_running(nota_a, silent_for=timedelta(minutes=5), attempts=MAX_ATTEMPTS)
    pdf_export_render(export_id=export.pk)
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(
            f"/dossiers/{nota_a.pk}/pdf/{export.pk}/opnieuw/", follow=True
        )
    assert "De PDF wordt opnieuw gemaakt." in _messages(response)
    export.refresh_from_db()
    assert export.state == "done" and export.attempts == 1 and export.failure == ""


def test_retry_leaves_an_export_that_is_being_made(coordinator_client, nota_a):
    export = _left_running(nota_a, silent_for=timedelta(seconds=5))
    response = coordinator_client.post(
        f"/dossiers/{nota_a.pk}/pdf/{export.pk}/opnieuw/", follow=True
    )
    assert _messages(response) == []
    export.refresh_from_db()
    assert export.state == "running" and export.attempts == 1


def test_the_status_page_takes_up_a_stale_export(
    settings, coordinator_client, nota_a, django_capture_on_commit_callbacks
):
    settings.EXPORT_STALE_AFTER_SECONDS = 60
    export = _left_running(nota_a, silent_for=timedelta(minutes=5))
    with django_capture_on_commit_callbacks(execute=True):
        page = coordinator_client.get(f"/dossiers/{nota_a.pk}/pdf/{export.pk}/").text
    assert "Een eerdere poging werd onderbroken; de PDF wordt opnieuw gemaakt." in page
    export.refresh_from_db()
    assert export.state == "done"
    assert (
        "Uw PDF is klaar" in coordinator_client.get(f"/dossiers/{nota_a.pk}/pdf/{export.pk}/").text
    )


def test_asking_again_for_a_dossier_whose_pdf_got_stuck_makes_it(
    settings, coordinator_client, nota_a, django_capture_on_commit_callbacks
):
    stuck = pdf_export_request(nota=nota_a)  # queued; its task is never run
    PdfExport.objects.filter(pk=stuck.pk).update(heartbeat_at=timezone.now() - timedelta(minutes=5))
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(f"/dossiers/{nota_a.pk}/pdf/")
    assert response.url == f"/dossiers/{nota_a.pk}/pdf/{stuck.pk}/"
    stuck.refresh_from_db()
    assert stuck.state == "done"


@pytest.fixture
def made(coordinator_client, nota_a, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        coordinator_client.post(f"/dossiers/{nota_a.pk}/pdf/")
    export = PdfExport.objects.get()
    assert export.state == "done"
    return export


def test_a_missing_file_is_made_again(coordinator_client, made, django_capture_on_commit_callbacks):
    made.file.storage.delete(made.file.name)
    download = f"/dossiers/{made.nota_id}/pdf/{made.pk}/download/"
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.get(download, follow=True)
    assert response.redirect_chain == [(f"/dossiers/{made.nota_id}/pdf/{made.pk}/", 302)]
    assert "Het PDF-bestand was er niet meer; het wordt opnieuw gemaakt." in _messages(response)
    made.refresh_from_db()
    assert made.state == "done" and made.file.storage.exists(made.file.name)
    response = coordinator_client.get(download)
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_a_submitted_versions_missing_pdf_is_made_again(
    coordinator_client, coordinator_a, nota_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        version = dossier_freeze(nota=nota_a, user=coordinator_a)
        coordinator_client.get(f"/dossiers/{nota_a.pk}/versies/1/pdf/")
    export = version.pdf_exports.get()
    assert export.state == "done"
    export.file.storage.delete(export.file.name)
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.get(f"/dossiers/{nota_a.pk}/versies/1/pdf/")
    assert response.url == f"/dossiers/{nota_a.pk}/pdf/{export.pk}/"  # its status, not a 500
    export.refresh_from_db()
    assert export.state == "done" and export.file.storage.exists(export.file.name)
    response = coordinator_client.get(f"/dossiers/{nota_a.pk}/versies/1/pdf/")
    assert response.url == f"/dossiers/{nota_a.pk}/pdf/{export.pk}/download/"


def test_downloading_an_export_that_is_not_ready_shows_its_status(coordinator_client, nota_a):
    export = PdfExport.objects.create(
        nota=nota_a, content_hash="q", document={}, heartbeat_at=timezone.now()
    )
    response = coordinator_client.get(
        f"/dossiers/{nota_a.pk}/pdf/{export.pk}/download/", follow=True
    )
    assert response.redirect_chain == [(f"/dossiers/{nota_a.pk}/pdf/{export.pk}/", 302)]
    assert "De PDF wordt gemaakt" in response.text and "Wacht op zijn beurt." in response.text
