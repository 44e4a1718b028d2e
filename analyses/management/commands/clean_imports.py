"""Remove what imports keep only while they are prepared: run daily from cron.

An upload that was never confirmed is cancelled after IMPORT_KEEP_DAYS; a finished import
(imported, undone, cancelled, unreadable) keeps its record and its changes, so undo stays exact,
but loses the uploaded file and the rows read from it.
"""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from analyses.models import ImportBatch


class Command(BaseCommand):
    help = "Cancel abandoned indicator uploads and drop the raw rows of old imports."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=None, help="keep this many days (default IMPORT_KEEP_DAYS)"
        )

    def handle(self, *args, days=None, **options):
        days = settings.IMPORT_KEEP_DAYS if days is None else days
        before = timezone.now() - timedelta(days=days)
        old = ImportBatch.objects.filter(created_at__lt=before)
        open_ = old.filter(
            status__in=[ImportBatch.Status.READING, ImportBatch.Status.UPLOADED, ImportBatch.Status.MAPPED]
        )
        abandoned = open_.update(status=ImportBatch.Status.CANCELLED, rows=[], source=None)
        cleaned = old.filter(~Q(rows=[]) | Q(source__isnull=False)).update(rows=[], source=None)
        self.stdout.write(
            f"{abandoned} verlaten imports geannuleerd; van {cleaned} oude imports de ingelezen rijen gewist."
        )
