"""The real background worker, with the database queue, makes the PDF."""

import pytest
from django.core.management import call_command

from dossiers.exports import pdf_export_request
from dossiers.models import PdfExport


@pytest.mark.django_db(transaction=True)
def test_the_database_worker_makes_the_pdf(settings, netwerk_a, ronde):
    from dossiers.models import Afsprakennota

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    nota = Afsprakennota.objects.create(netwerk=netwerk_a, ronde=ronde)
    export = pdf_export_request(nota=nota)
    assert PdfExport.objects.get(pk=export.pk).state == "queued"
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)
    export.refresh_from_db()
    assert export.state == "done", export.error
    assert export.file.read(4) == b"%PDF"
