from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from .jaarrapport import Jaarrapport, JaarrapportVersion
from .nota import Afsprakennota
from .workflow import DossierVersion


def stale_after() -> timedelta:
    return timedelta(seconds=settings.EXPORT_STALE_AFTER_SECONDS)


class PdfExportQuerySet(models.QuerySet):
    def stale(self, now=None):
        """Waiting or being made, silent for longer than EXPORT_STALE_AFTER_SECONDS."""
        return self.alias(seen=Coalesce("heartbeat_at", "created_at")).filter(
            state__in=[PdfExport.State.QUEUED, PdfExport.State.RUNNING],
            seen__lt=(now or timezone.now()) - stale_after(),
        )


class PdfExport(models.Model):
    """A PDF of a dossier's content, made in the background and kept in the file storage.

    `content_hash` identifies the content (the document and the renderer's version): the same
    content is never rendered twice. A submitted version's PDF is made once, at submission.

    `heartbeat_at` is the last sign of life: when the export was queued, then every few seconds
    while a worker makes it. An export that stays silent for longer than
    EXPORT_STALE_AFTER_SECONDS lost its worker and is taken up again (dossiers/exports.py).
    """

    class State(models.TextChoices):
        QUEUED = "queued", _("waiting")
        RUNNING = "running", _("being made")
        DONE = "done", _("ready")
        FAILED = "failed", _("failed")

    class Failure(models.TextChoices):
        ERROR = "error", _("an error")
        TIME = "time", _("took too long")
        MEMORY = "memory", _("needed too much memory")
        INTERRUPTED = "interrupted", _("interrupted too often")

    # Of a dossier (and maybe one of its versions), or of a yearly report (and maybe a version).
    nota = models.ForeignKey(
        Afsprakennota, on_delete=models.CASCADE, null=True, blank=True, related_name="pdf_exports"
    )
    version = models.ForeignKey(
        DossierVersion, on_delete=models.CASCADE, null=True, blank=True, related_name="pdf_exports"
    )
    jaarrapport = models.ForeignKey(
        Jaarrapport, on_delete=models.CASCADE, null=True, blank=True, related_name="pdf_exports"
    )
    jaarrapport_version = models.ForeignKey(
        JaarrapportVersion, on_delete=models.CASCADE, null=True, blank=True,
        related_name="pdf_exports",
    )
    content_hash = models.CharField(max_length=64, db_index=True)
    document = models.JSONField()
    draft = models.BooleanField(default=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    progress = models.CharField(max_length=200, blank=True)
    error = models.TextField(blank=True)  # for the administrator; users see `failure`
    failure = models.CharField(max_length=12, choices=Failure.choices, blank=True)
    # Where the dossier's longest texts are, to say what to shorten when a limit was hit.
    longest_texts = models.JSONField(default=list, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    file = models.FileField(upload_to="pdf/", blank=True)
    pages = models.PositiveIntegerField(null=True, blank=True)
    seconds = models.FloatField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    objects = PdfExportQuerySet.as_manager()

    class Meta:
        verbose_name = _("PDF export")
        verbose_name_plural = _("PDF exports")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(nota__isnull=False, jaarrapport__isnull=True)
                | models.Q(nota__isnull=True, jaarrapport__isnull=False),
                name="export_of_a_dossier_or_a_yearly_report",
            ),
        ]

    @property
    def last_sign_of_life(self):
        return self.heartbeat_at or self.created_at

    def is_stale(self, now=None) -> bool:
        if self.state not in {self.State.QUEUED, self.State.RUNNING}:
            return False
        return self.last_sign_of_life < (now or timezone.now()) - stale_after()

    @property
    def file_missing(self) -> bool:
        """Ready, but its file is gone from the storage (lost, or removed by hand)."""
        if self.state != self.State.DONE:
            return False
        return not (self.file and self.file.storage.exists(self.file.name))

    @property
    def version_number(self) -> int | None:
        """The number of the submitted version this is the PDF of; None for a draft."""
        if self.version_id:
            return self.version.number
        if self.jaarrapport_version_id:
            return self.jaarrapport_version.number
        return None

    @property
    def filename(self) -> str:
        name = slugify(self.document["netwerk"]["name"])[:60]
        number = self.version_number
        suffix = f"versie-{number}" if number else "concept"
        if self.jaarrapport_id:
            return f"jaarrapport-{name}-{self.document['year']}-{suffix}.pdf"
        ronde = f"{self.document['ronde']['first_year']}-{self.document['ronde']['last_year']}"
        return f"afsprakennota-{name}-{ronde}-{suffix}.pdf"
