"""Asking for a PDF, and making it: one file per distinct content, made in the background.

A worker can die in the middle of a PDF (killed, out of memory, the machine restarted). So every
export is watched: besides the task that makes it, a second task is queued to run once the export
could have gone stale (EXPORT_STALE_AFTER_SECONDS); each time a worker takes the export up,
another such watch is queued in the same transaction. A watch finds the export done or failed
(nothing to do), still being made with a recent heartbeat (it looks again later), or silent: then
it makes the PDF itself. After MAX_ATTEMPTS interrupted tries the export fails, and "Try again"
starts afresh. Pages that show an export take up a stale one too, for exports queued before
watches existed or with a backend that cannot run tasks later.
"""

import logging
import time

from django.core.files.base import ContentFile
from django.db import transaction
from django.tasks import task
from django.utils import timezone
from django.utils.translation import gettext as _

from netwerken.limits import LimitExceeded, WorkFailed, report_progress, run_limited

from .export_guard import longest_texts, pdf_limits
from .jaarrapport import build_document
from .models import PdfExport
from .models.exports import stale_after
from .pdf import content_hash, render_pdf
from .snapshot import build_snapshot

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 3


def _queue(export: PdfExport):
    """Make the export soon, and watch it in case its worker dies."""
    def enqueue():
        make_pdf.enqueue(export.pk)
        _watch(export.pk)

    transaction.on_commit(enqueue)


def _watch(export_id: int, *, at=None):
    if make_pdf.get_backend().supports_defer:
        make_pdf.using(run_after=at or timezone.now() + stale_after()).enqueue(export_id)


@transaction.atomic
def pdf_export_request(*, nota, retry: bool = False) -> PdfExport:
    """The PDF of the dossier as it is now: an existing one if the content did not change."""
    return _draft_export(build_snapshot(nota), nota=nota)


@transaction.atomic
def jaarrapport_pdf_request(*, jaarrapport) -> PdfExport:
    """The PDF of the yearly report as it is now: an existing one if the content did not change."""
    return _draft_export(build_document(jaarrapport), jaarrapport=jaarrapport)


def _draft_export(document: dict, **owner) -> PdfExport:
    key = content_hash(document, draft=True)
    existing = (
        PdfExport.objects.select_for_update()
        .filter(content_hash=key, version__isnull=True, jaarrapport_version__isnull=True, **owner)
        .exclude(state=PdfExport.State.FAILED)
        .first()
    )
    if existing:
        return pdf_export_recover(export=existing)
    export = PdfExport.objects.create(
        content_hash=key, document=document, draft=True, heartbeat_at=timezone.now(), **owner
    )
    _queue(export)
    return export


def pdf_export_for_version(*, version) -> PdfExport:
    """The PDF of a submitted version, made once (and made again if it got lost)."""
    return _version_export(version, nota=version.nota, version=version)


def jaarrapport_pdf_for_version(*, version) -> PdfExport:
    """The PDF of a submitted yearly report, made once (and made again if it got lost)."""
    return _version_export(version, jaarrapport=version.jaarrapport, jaarrapport_version=version)


def _version_export(frozen, **owner) -> PdfExport:
    existing = frozen.pdf_exports.exclude(state=PdfExport.State.FAILED).first()
    if existing:
        return pdf_export_recover(export=existing)
    export = PdfExport.objects.create(
        content_hash=content_hash(frozen.snapshot, draft=False),
        document=frozen.snapshot,
        draft=False,
        heartbeat_at=timezone.now(),
        **owner,
    )
    _queue(export)
    return export


def pdf_export_retry(*, export: PdfExport) -> PdfExport:
    """A failed export, or one whose worker stopped, queued again with fresh attempts."""
    if export.state == PdfExport.State.FAILED or export.is_stale():
        _requeue(export, attempts=0)
    return export


def pdf_export_recover(*, export: PdfExport) -> PdfExport:
    """Take up an export that lost its worker, and make again a file that went missing."""
    if export.is_stale() or export.file_missing:
        _requeue(export, attempts=0 if export.file_missing else export.attempts)
    return export


def _requeue(export: PdfExport, *, attempts: int):
    export.state, export.error, export.failure, export.progress = PdfExport.State.QUEUED, "", "", ""
    export.attempts, export.heartbeat_at, export.longest_texts = attempts, timezone.now(), []
    export.save(
        update_fields=[
            "state",
            "error",
            "failure",
            "progress",
            "attempts",
            "heartbeat_at",
            "longest_texts",
        ]
    )
    _queue(export)


def pdf_export_render(*, export_id: int) -> PdfExport | None:
    """Make the PDF (the task, and every watch of it: see the module's docstring)."""
    with transaction.atomic():
        export = PdfExport.objects.select_for_update().filter(pk=export_id).first()
        if export is None or export.state in {PdfExport.State.DONE, PdfExport.State.FAILED}:
            return export
        if export.state == PdfExport.State.RUNNING and not export.is_stale():
            _watch(export.pk, at=export.last_sign_of_life + stale_after())
            return export
        if export.attempts >= MAX_ATTEMPTS:
            return _fail(
                export, PdfExport.Failure.INTERRUPTED, f"interrupted {export.attempts} times"
            )
        now = timezone.now()
        export.state, export.progress = PdfExport.State.RUNNING, _("Preparing the text")
        export.attempts, export.started_at, export.heartbeat_at = export.attempts + 1, now, now
        export.save(update_fields=["state", "progress", "attempts", "started_at", "heartbeat_at"])
        _watch(export.pk)

    try:
        pdf, pages, seconds = run_limited(
            _render,
            export.document,
            export.draft,
            export.version_number,
            limits=pdf_limits(),
            on_progress=_Heartbeat(export.pk),
            tick=stale_after().total_seconds() / 4,
        )
    except LimitExceeded as limit:
        log.warning("PDF export %s stopped: %s", export.pk, limit)
        return _fail(export, limit.kind, str(limit), longest=longest_texts(export.document))
    except WorkFailed as error:
        log.error("PDF export %s failed: %s", export.pk, error.details)
        return _fail(export, PdfExport.Failure.ERROR, f"{error.remote_type}: {error}")
    except Exception as error:  # any failure must reach the user as a failed export, not vanish
        log.exception("PDF export %s failed", export.pk)
        return _fail(export, PdfExport.Failure.ERROR, f"{type(error).__name__}: {error}")
    export.file.save(export.filename, ContentFile(pdf), save=False)
    export.state, export.pages, export.seconds = PdfExport.State.DONE, pages, seconds
    export.progress, export.failure, export.error = "", "", ""
    export.finished_at = timezone.now()
    export.save(
        update_fields=[
            "file",
            "state",
            "pages",
            "seconds",
            "progress",
            "failure",
            "error",
            "finished_at",
        ]
    )
    return export


def _render(document, draft, version_number):
    """In the child process: the PDF bytes, its number of pages, the seconds it took."""
    pdf, pages, html_seconds, layout_seconds, _fetcher = render_pdf(
        document, draft=draft, version_number=version_number, report=report_progress,
    )
    return pdf, pages, html_seconds + layout_seconds


def _fail(export, failure, error, *, longest=()):
    export.state, export.failure, export.error = PdfExport.State.FAILED, failure, error
    export.longest_texts, export.progress, export.finished_at = list(longest), "", timezone.now()
    export.save(
        update_fields=["state", "failure", "error", "longest_texts", "progress", "finished_at"]
    )
    return export


class _Heartbeat:
    """In the worker, while the child makes the PDF: shows its progress and proves it is alive."""

    def __init__(self, export_id):
        self.export_id = export_id
        self.label = None
        self.written = time.monotonic()
        self.every = stale_after().total_seconds() / 4

    def __call__(self, step):
        label = _progress_label(step) if step else self.label
        elapsed = time.monotonic() - self.written
        if step is not None and (label == self.label or elapsed < 1) and elapsed < self.every:
            return
        fields = {"heartbeat_at": timezone.now()}
        if label:
            fields["progress"] = label
        PdfExport.objects.filter(pk=self.export_id, state=PdfExport.State.RUNNING).update(**fields)
        self.label, self.written = label, time.monotonic()


def _progress_label(step: str) -> str:
    if "layout" in step:
        page = step.rsplit(" ", 1)[-1]
        return (
            _("Laying out page %(page)s") % {"page": page}
            if page.isdigit()
            else _("Laying out pages")
        )
    if "Creating PDF" in step or "metadata" in step:
        return _("Writing the PDF")
    return _("Preparing the text")


@task()
def make_pdf(export_id: int) -> None:
    """Background work, run by the database-backed worker (`manage.py db_worker`)."""
    pdf_export_render(export_id=export_id)
