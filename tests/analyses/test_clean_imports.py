"""`manage.py clean_imports`: uploads and raw rows do not stay forever."""

from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

from analyses.models import ImportBatch
from tests.factories import indicator


def batch(status, days_old, **fields):
    made = ImportBatch.objects.create(
        indicator=indicator("kansarmoede-index"),
        filename="cijfers.csv",
        status=status,
        rows=[[1, ["Gemeente", "Waarde"]], [2, ["Temse", "1"]]],
        source=b"Gemeente;Waarde\nTemse;1\n",
        **fields,
    )
    ImportBatch.objects.filter(pk=made.pk).update(created_at=timezone.now() - timedelta(days=days_old))
    return made


def test_old_uploads_are_cancelled_and_old_rows_dropped(db, settings):
    settings.IMPORT_KEEP_DAYS = 14
    abandoned = batch(ImportBatch.Status.MAPPED, 15)
    still_reading = batch(ImportBatch.Status.READING, 20)
    done = batch(ImportBatch.Status.IMPORTED, 30, n_created=1)
    recent = batch(ImportBatch.Status.MAPPED, 2)
    recent_done = batch(ImportBatch.Status.IMPORTED, 3)
    out = StringIO()
    call_command("clean_imports", stdout=out)
    assert "2 verlaten imports geannuleerd; van 1 oude imports de ingelezen rijen gewist." in out.getvalue()

    for cleaned in (abandoned, still_reading):
        cleaned.refresh_from_db()
        assert cleaned.status == ImportBatch.Status.CANCELLED and cleaned.rows == [] and cleaned.source is None
    done.refresh_from_db()
    assert done.status == ImportBatch.Status.IMPORTED and done.rows == [] and done.source is None
    assert done.n_created == 1  # the record of what it did stays, so undo stays exact
    for kept in (recent, recent_done):
        kept.refresh_from_db()
        assert kept.rows and kept.source is not None


def test_days_can_be_given(db):
    old = batch(ImportBatch.Status.UPLOADED, 3)
    call_command("clean_imports", "--days", "2", stdout=StringIO())
    old.refresh_from_db()
    assert old.status == ImportBatch.Status.CANCELLED
