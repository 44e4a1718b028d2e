from django.db import models
from django.utils.translation import gettext_lazy as _

from .nota import Afsprakennota
from .workflow import DossierVersion


class PdfExport(models.Model):
    """A PDF of a dossier's content, made in the background and kept in the file storage.

    `content_hash` identifies the content (the document and the renderer's version): the same
    content is never rendered twice. A submitted version's PDF is made once, at submission.
    """

    class State(models.TextChoices):
        QUEUED = "queued", _("waiting")
        RUNNING = "running", _("being made")
        DONE = "done", _("ready")
        FAILED = "failed", _("failed")

    nota = models.ForeignKey(Afsprakennota, on_delete=models.CASCADE, related_name="pdf_exports")
    version = models.ForeignKey(
        DossierVersion, on_delete=models.CASCADE, null=True, blank=True, related_name="pdf_exports"
    )
    content_hash = models.CharField(max_length=64, db_index=True)
    document = models.JSONField()
    draft = models.BooleanField(default=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.QUEUED)
    progress = models.CharField(max_length=200, blank=True)
    error = models.TextField(blank=True)
    file = models.FileField(upload_to="pdf/", blank=True)
    pages = models.PositiveIntegerField(null=True, blank=True)
    seconds = models.FloatField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("PDF export")
        verbose_name_plural = _("PDF exports")
        ordering = ["-created_at"]

    @property
    def filename(self) -> str:
        from django.utils.text import slugify

        name = slugify(self.document["netwerk"]["name"])[:60]
        ronde = f"{self.document['ronde']['first_year']}-{self.document['ronde']['last_year']}"
        suffix = f"versie-{self.version.number}" if self.version_id else "concept"
        return f"afsprakennota-{name}-{ronde}-{suffix}.pdf"
