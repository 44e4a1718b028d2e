"""Getting the dossier as a PDF: asked for here, made in the background, downloaded when ready."""

import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from netwerken.limits import LimitExceeded, WorkFailed, run_limited

from .access import dossier_for
from .docx_export import build_docx
from .exchange import export_json
from .export_guard import describe_texts, longest_texts, word_limits
from .exports import (
    pdf_export_for_version,
    pdf_export_recover,
    pdf_export_request,
    pdf_export_retry,
)
from .models import PdfExport
from .snapshot import build_snapshot
from .views import dossier_context

log = logging.getLogger(__name__)


@login_required
@require_POST
def pdf_request(request, pk):
    nota, _access = dossier_for(request.user, pk)
    export = pdf_export_request(nota=nota)
    return redirect("pdf_status", pk=nota.pk, export_pk=export.pk)


@login_required
@require_GET
def version_pdf(request, pk, number):
    nota, _access = dossier_for(request.user, pk)
    version = get_object_or_404(nota.versions, number=number)
    export = pdf_export_for_version(version=version)
    if export.state == PdfExport.State.DONE:
        return redirect("pdf_download", pk=nota.pk, export_pk=export.pk)
    return redirect("pdf_status", pk=nota.pk, export_pk=export.pk)


def _export(nota, export_pk):
    return get_object_or_404(PdfExport.objects.defer("document"), nota=nota, pk=export_pk)


@login_required
@require_GET
def pdf_status(request, pk, export_pk):
    nota, access = dossier_for(request.user, pk)
    export = pdf_export_recover(export=_export(nota, export_pk))
    context = {"export": export, "longest_texts": describe_texts(export.longest_texts)}
    if request.htmx:
        return render(request, "dossiers/includes/_pdf_status.html", {"nota": nota, **context})
    return render(request, "dossiers/pdf_status.html", dossier_context(nota, access, **context))


@login_required
@require_POST
def pdf_retry(request, pk, export_pk):
    nota, _access = dossier_for(request.user, pk)
    export = pdf_export_retry(export=_export(nota, export_pk))
    if export.state == PdfExport.State.QUEUED:
        messages.info(request, _("The PDF is being made again."))
    return redirect("pdf_status", pk=nota.pk, export_pk=export.pk)


@login_required
@require_GET
def pdf_download(request, pk, export_pk):
    nota, _access = dossier_for(request.user, pk)
    export = _export(nota, export_pk)
    if export.file_missing:
        pdf_export_recover(export=export)
        messages.info(request, _("The PDF file was no longer there; it is being made again."))
    if export.state != PdfExport.State.DONE:
        # Not (or no longer) ready: the status page says why and what to do.
        return redirect("pdf_status", pk=nota.pk, export_pk=export.pk)
    return FileResponse(
        export.file.open("rb"), as_attachment=True, filename=export.filename, content_type="application/pdf"
    )


@login_required
@require_GET
def word_download(request, pk):
    """The dossier as it is now, as a Word document (quick enough to make at once)."""
    nota, _access = dossier_for(request.user, pk)
    document = build_snapshot(nota)
    try:
        data = run_limited(build_docx, document, draft=True, limits=word_limits())
    except LimitExceeded:
        texts = "; ".join(describe_texts(longest_texts(document)))
        messages.error(
            request,
            _(
                "The Word file could not be made: the dossier is too big. "
                "Shorten its longest texts and try again: %(texts)s."
            )
            % {"texts": texts},
        )
        return redirect("dossier_overview", pk=nota.pk)
    except WorkFailed as error:
        log.error("Word export of dossier %s failed: %s", nota.pk, error.details)
        messages.error(
            request,
            _("The Word file could not be made. Try again; if it fails again, tell the administrator."),
        )
        return redirect("dossier_overview", pk=nota.pk)
    response = HttpResponse(
        data,
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    name = f"afsprakennota-{slugify(nota.netwerk.name)[:60]}-{nota.ronde.period_label}.docx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_GET
def json_download(request, pk):
    """The whole dossier in the documented exchange format (docs/dossier-format.md)."""
    nota, _access = dossier_for(request.user, pk)
    response = HttpResponse(export_json(nota), content_type="application/json; charset=utf-8")
    name = f"afsprakennota-{slugify(nota.netwerk.name)[:60]}-{nota.ronde.period_label}.json"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
