"""Asking for a PDF, and making it: one file per distinct content, made in the background."""

import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import PdfExport
from .pdf import content_hash, render_pdf
from .snapshot import build_snapshot

log = logging.getLogger(__name__)


def _enqueue(export: PdfExport):
    from .tasks import make_pdf

    transaction.on_commit(lambda: make_pdf.enqueue(export.pk))


@transaction.atomic
def pdf_export_request(*, nota, retry: bool = False) -> PdfExport:
    """The PDF of the dossier as it is now: an existing one if the content did not change."""
    document = build_snapshot(nota)
    key = content_hash(document, draft=True)
    existing = (
        PdfExport.objects.select_for_update()
        .filter(nota=nota, content_hash=key, version__isnull=True)
        .exclude(state=PdfExport.State.FAILED)
        .first()
    )
    if existing:
        return existing
    export = PdfExport.objects.create(nota=nota, content_hash=key, document=document, draft=True)
    _enqueue(export)
    return export


def pdf_export_for_version(*, version) -> PdfExport:
    """The PDF of a submitted version, made once."""
    existing = version.pdf_exports.exclude(state=PdfExport.State.FAILED).first()
    if existing:
        return existing
    export = PdfExport.objects.create(
        nota=version.nota,
        version=version,
        content_hash=content_hash(version.snapshot, draft=False),
        document=version.snapshot,
        draft=False,
    )
    _enqueue(export)
    return export


def pdf_export_retry(*, export: PdfExport) -> PdfExport:
    """A failed export, queued again."""
    if export.state != PdfExport.State.FAILED:
        return export
    export.state, export.error, export.progress = PdfExport.State.QUEUED, "", ""
    export.save(update_fields=["state", "error", "progress"])
    _enqueue(export)
    return export


def pdf_export_render(*, export_id: int) -> PdfExport:
    with transaction.atomic():
        export = PdfExport.objects.select_for_update().get(pk=export_id)
        if export.state not in {PdfExport.State.QUEUED, PdfExport.State.FAILED}:
            return export
        export.state, export.progress = PdfExport.State.RUNNING, _("Preparing the text")
        export.save(update_fields=["state", "progress"])

    def report(step):
        PdfExport.objects.filter(pk=export.pk).update(progress=_progress_label(step))

    try:
        pdf, pages, html_seconds, layout_seconds, _fetcher = render_pdf(
            export.document,
            draft=export.draft,
            version_number=export.version.number if export.version_id else None,
            report=report,
        )
    except Exception as error:  # noqa: BLE001 - any failure must reach the user, not vanish
        log.exception("PDF export %s failed", export.pk)
        export.state, export.error = PdfExport.State.FAILED, f"{type(error).__name__}: {error}"
        export.finished_at = timezone.now()
        export.save(update_fields=["state", "error", "finished_at"])
        return export
    export.file.save(export.filename, ContentFile(pdf), save=False)
    export.state, export.pages = PdfExport.State.DONE, pages
    export.seconds, export.progress = html_seconds + layout_seconds, ""
    export.finished_at = timezone.now()
    export.save(update_fields=["file", "state", "pages", "seconds", "progress", "finished_at"])
    return export


def _progress_label(step: str) -> str:
    if "layout" in step:
        page = step.rsplit(" ", 1)[-1]
        return _("Laying out page %(page)s") % {"page": page} if page.isdigit() else _("Laying out pages")
    if "Creating PDF" in step or "metadata" in step:
        return _("Writing the PDF")
    return _("Preparing the text")
