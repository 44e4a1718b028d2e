"""The yearly report of a working year: its page (the document, what is missing, the partners'
answers, comments), its workflow steps, a partner's confirmation, the submitted versions with
publiq's remarks per section, and its PDF and Word file."""

import logging

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from netwerken.limits import LimitExceeded, WorkFailed, run_limited
from netwerken.permissions import COMMENT, CONFIRM, EDIT, REVIEW, VIEW, access_for, require

from .access import dossier_for
from .docx_jaarrapport import build_jaarrapport_docx
from .export_guard import word_limits
from .exports import (
    jaarrapport_pdf_for_version,
    jaarrapport_pdf_request,
    pdf_export_recover,
    pdf_export_retry,
)
from .forms_jaarrapport import (
    JaarrapportCommentForm,
    JaarrapportConfirmationForm,
    JaarrapportRemarkForm,
)
from .jaarrapport import build_document, partner_part, rules
from .models import PdfExport, RapportSection, Werkjaar
from .review_memory import DECISIONS
from .services import Refused
from .services_jaarrapport import (
    anchors,
    jaarrapport_comment,
    jaarrapport_confirm,
    jaarrapport_of,
    jaarrapport_remarks_save,
    jaarrapport_transition,
    partner_states,
)
from .services_opvolging import has_follow_up
from .snapshot import sha256_of
from .states import Status
from .views import dossier_context
from .workflow_jaarrapport import BY_NAME, available

log = logging.getLogger(__name__)


def _jaarrapport_for(user, pk, year, ability=VIEW):
    """The yearly report of working year `year` of the approved dossier `pk`, with what the user
    may do there: 404 for outsiders, 403 for who may not do `ability`. A partner comments and
    confirms only while the report is open for it."""
    nota, dossier_access = dossier_for(user, pk, VIEW)
    if not has_follow_up(nota):
        raise Http404
    werkjaar = get_object_or_404(Werkjaar, nota=nota, year=year)
    werkjaar.nota = nota
    jaarrapport = jaarrapport_of(werkjaar)
    # The report has its own state: what the dossier's state allows or forbids does not count here.
    access = access_for(user, nota.netwerk).without(EDIT)
    if access.only_partner and not jaarrapport.open_for_partners:
        access = access.without(COMMENT, CONFIRM)
    require(access, ability)
    return jaarrapport, dossier_access, access


def _context(jaarrapport, dossier_access, access, **extra):
    werkjaar = jaarrapport.werkjaar
    return dossier_context(
        werkjaar.nota,
        dossier_access,
        werkjaar=werkjaar,
        jaarrapport=jaarrapport,
        report_access=access,
        report_status=jaarrapport.status_label(staff=access.can_review),
        **extra,
    )


def _back(jaarrapport, anchor=""):
    url = reverse("jaarrapport", args=[jaarrapport.werkjaar.nota_id, jaarrapport.werkjaar.year])
    return redirect(url + anchor)


@login_required
@require_GET
def jaarrapport(request, pk, year):
    report, dossier_access, access = _jaarrapport_for(request.user, pk, year)
    document = build_document(report)
    comments = report.comments.visible_to(access).select_related("author")
    context = _context(
        report,
        dossier_access,
        access,
        doc=document,
        rules=rules(document, pk),
        report_steps=available(report.status, access),
        partners=partner_states(report, document),
        comments=comments,
        versions=report.versions.select_related("submitted_by").defer("snapshot"),
        comment_form=JaarrapportCommentForm(
            anchors=anchors(document), internal=access.can_see_internal
        ),
        own_part=partner_part(document, access.partner.pk) if access.partner else None,
    )
    return render(request, "dossiers/jaarrapport/detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def jaarrapport_step(request, pk, year, name):
    step = BY_NAME.get(name)
    if step is None:
        raise Http404
    report, dossier_access, access = _jaarrapport_for(request.user, pk, year, step.ability)
    error = None
    if request.method == "POST":
        last = report.transitions.first()
        if last is not None and last.name == name and report.status == step.target:
            messages.info(request, _("Already done: %(step)s.") % {"step": step.label})
            return _back(report)
        try:
            jaarrapport_transition(
                jaarrapport=report, name=name, user=request.user, note=request.POST.get("note", "")
            )
        except Refused as refused:
            error = str(refused)
        else:
            messages.success(request, _("Done: %(step)s.") % {"step": step.label})
            return _back(report)
    document = build_document(report) if name == "submit" else None
    context = _context(
        report,
        dossier_access,
        access,
        step=step,
        error=error,
        note=request.POST.get("note", ""),
        allowed_now=report.status in step.sources,
        is_decision=name in DECISIONS,
        rules=rules(document, pk) if document else None,
    )
    return render(request, "dossiers/jaarrapport/step.html", context, status=400 if error else 200)


@login_required
@require_POST
def jaarrapport_comment_post(request, pk, year):
    report, _dossier_access, access = _jaarrapport_for(request.user, pk, year, COMMENT)
    document = build_document(report)
    form = JaarrapportCommentForm(
        request.POST, anchors=anchors(document), internal=access.can_see_internal
    )
    if not form.is_valid():
        messages.error(
            request, _("Your comment was not saved: write it and choose what it is about.")
        )
        return _back(report, "#opmerkingen")
    section, anchor = form.target()
    try:
        jaarrapport_comment(
            jaarrapport=report,
            user=request.user,
            body=form.cleaned_data["body"],
            section=section,
            anchor=anchor,
            visibility=form.cleaned_data.get("visibility") or "network",
            document=document,
        )
    except Refused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, _("Your comment has been posted."))
    return _back(report, "#opmerkingen")


@login_required
@require_http_methods(["GET", "POST"])
def jaarrapport_confirm_part(request, pk, year):
    report, dossier_access, access = _jaarrapport_for(request.user, pk, year, CONFIRM)
    if access.partner is None:
        raise Http404
    form = JaarrapportConfirmationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            jaarrapport_confirm(
                jaarrapport=report,
                partner=access.partner,
                user=request.user,
                answer=form.cleaned_data["answer"],
                remark=form.cleaned_data["remark"],
            )
        except Refused as refused:
            form.add_error(None, str(refused))
        else:
            messages.success(request, _("Thank you: the coordinator sees your answer."))
            return _back(report, "#partners")
    context = _context(
        report,
        dossier_access,
        access,
        form=form,
        partner=access.partner,
        acties=partner_part(build_document(report), access.partner.pk),
    )
    return render(
        request, "dossiers/jaarrapport/confirm.html", context, status=400 if form.errors else 200
    )


def _version(report, number):
    return get_object_or_404(report.versions.select_related("submitted_by"), number=number)


@login_required
@require_http_methods(["GET", "POST"])
def jaarrapport_version(request, pk, year, number):
    """A submitted version as it was frozen; publiq writes its remarks per section beside it."""
    ability = REVIEW if request.method == "POST" else VIEW
    report, dossier_access, access = _jaarrapport_for(request.user, pk, year, ability)
    version = _version(report, number)
    remarks = {r.section: r for r in version.remarks.all()}
    editing = (
        access.can_review
        and report.status == Status.INGEDIEND
        and version == report.versions.first()
    )
    if request.method == "POST" and not editing:
        messages.error(
            request, _("Remarks are written while the yearly report waits for publiq's decision.")
        )
        return redirect(request.path)
    forms = {
        value: JaarrapportRemarkForm(
            request.POST if request.method == "POST" else None,
            prefix=value,
            instance=remarks.get(value),
            section_label=label,
        )
        for value, label in RapportSection.choices
    }
    if request.method == "POST" and all(form.is_valid() for form in forms.values()):
        jaarrapport_remarks_save(
            version=version,
            user=request.user,
            remarks={
                value: {f: form.cleaned_data[f] for f in form.Meta.fields}
                for value, form in forms.items()
                if form.has_changed() or form.instance.pk
            },
        )
        messages.success(request, _("Your remarks have been saved."))
        return redirect(request.path)
    context = _context(
        report,
        dossier_access,
        access,
        version=version,
        doc=version.snapshot,
        intact=sha256_of(version.snapshot) == version.sha256,
        # The network reads publiq's remarks once publiq decided on the version.
        remarks=remarks if access.can_review or version.decision else {},
        remark_forms=forms if editing else None,
    )
    return render(
        request,
        "dossiers/jaarrapport/version.html",
        context,
        status=400 if request.method == "POST" else 200,
    )


# Exports: the PDF in the background (the dossier's machinery), the Word file at once.


def _pdf_urls(report, export) -> dict:
    args = [report.werkjaar.nota_id, report.werkjaar.year, export.pk]
    return {
        "status": reverse("jaarrapport_pdf_status", args=args),
        "download": reverse("jaarrapport_pdf_download", args=args),
        "retry": reverse("jaarrapport_pdf_retry", args=args),
        "back": reverse("jaarrapport", args=args[:2]),
    }


def _export(report, export_pk):
    return get_object_or_404(PdfExport.objects.defer("document"), jaarrapport=report, pk=export_pk)


def _to_status(report, export):
    return redirect(
        "jaarrapport_pdf_status",
        pk=report.werkjaar.nota_id,
        year=report.werkjaar.year,
        export_pk=export.pk,
    )


@login_required
@require_POST
def jaarrapport_pdf(request, pk, year):
    report, _d, _a = _jaarrapport_for(request.user, pk, year)
    return _to_status(report, jaarrapport_pdf_request(jaarrapport=report))


@login_required
@require_GET
def jaarrapport_version_pdf(request, pk, year, number):
    report, _d, _a = _jaarrapport_for(request.user, pk, year)
    export = jaarrapport_pdf_for_version(version=_version(report, number))
    if export.state == PdfExport.State.DONE:
        return redirect(_pdf_urls(report, export)["download"])
    return _to_status(report, export)


@login_required
@require_GET
def jaarrapport_pdf_status(request, pk, year, export_pk):
    report, dossier_access, access = _jaarrapport_for(request.user, pk, year)
    export = pdf_export_recover(export=_export(report, export_pk))
    extra = {"export": export, "pdf_urls": _pdf_urls(report, export), "longest_texts": []}
    if request.htmx:
        return render(
            request, "dossiers/includes/_pdf_status.html", {"nota": report.werkjaar.nota, **extra}
        )
    return render(
        request,
        "dossiers/jaarrapport/pdf_status.html",
        _context(report, dossier_access, access, **extra),
    )


@login_required
@require_POST
def jaarrapport_pdf_retry(request, pk, year, export_pk):
    report, _d, _a = _jaarrapport_for(request.user, pk, year)
    export = pdf_export_retry(export=_export(report, export_pk))
    if export.state == PdfExport.State.QUEUED:
        messages.info(request, _("The PDF is being made again."))
    return _to_status(report, export)


@login_required
@require_GET
def jaarrapport_pdf_download(request, pk, year, export_pk):
    report, _d, _a = _jaarrapport_for(request.user, pk, year)
    export = _export(report, export_pk)
    if export.file_missing:
        pdf_export_recover(export=export)
        messages.info(request, _("The PDF file was no longer there; it is being made again."))
    if export.state != PdfExport.State.DONE:
        return _to_status(report, export)
    return FileResponse(
        export.file.open("rb"),
        as_attachment=True,
        filename=export.filename,
        content_type="application/pdf",
    )


@login_required
@require_GET
def jaarrapport_word(request, pk, year):
    """The yearly report as it is now as a Word document (quick enough to make at once)."""
    report, _d, _a = _jaarrapport_for(request.user, pk, year)
    return _word(request, report, build_document(report), draft=True, name=f"{year}")


@login_required
@require_GET
def jaarrapport_version_word(request, pk, year, number):
    """A submitted version as a Word document, from its frozen content, as its PDF is."""
    report, _d, _a = _jaarrapport_for(request.user, pk, year)
    version = _version(report, number)
    return _word(request, report, version.snapshot, draft=False, name=f"{year}-versie-{number}")


def _word(request, report, document, *, draft, name):
    try:
        data = run_limited(build_jaarrapport_docx, document, draft=draft, limits=word_limits())
    except (LimitExceeded, WorkFailed) as error:
        log.error("Word export of yearly report %s failed: %s", report.pk, error)
        messages.error(
            request,
            _(
                "The Word file could not be made. Try again; if it fails again, tell the administrator."
            ),
        )
        return _back(report)
    response = HttpResponse(
        data, content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    network = slugify(report.werkjaar.nota.netwerk.name)[:60]
    response["Content-Disposition"] = f'attachment; filename="jaarrapport-{network}-{name}.docx"'
    return response
