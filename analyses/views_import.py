"""Importing indicator values: upload, choose the columns, check the preview, confirm; and undo.

Each step reads and writes the batch in the database, so any web process can serve the next.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from .access import batch_for, require_import
from .forms_import import ImportMappingForm, ImportUploadForm
from .importplan import plan_import
from .importreading import decimal_notes
from .models import ImportBatch
from .parsing import FileProblem
from .services import (
    ImportRefused,
    import_batch_accept_name,
    import_batch_cancel,
    import_batch_confirm,
    import_batch_create,
    import_batch_map,
    import_batch_reread,
    import_batch_undo,
)

RECENT = 20


def _safe_next(request, url) -> str:
    ok = url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return url if ok else ""


@login_required
@require_http_methods(["GET", "POST"])
def upload(request):
    scope = require_import(request.user)
    back = _safe_next(request, request.POST.get("next") or request.GET.get("next"))
    initial = {}
    if request.GET.get("indicator"):
        initial["indicator"] = request.GET["indicator"]
    form = ImportUploadForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            batch = import_batch_create(
                indicator=form.cleaned_data["indicator"],
                uploaded=form.cleaned_data["file"],
                user=request.user,
                return_to=back,
            )
        except FileProblem as problem:
            form.add_error("file", str(problem))
        else:
            return redirect("import_mapping", batch_pk=batch.pk)
    recent = (
        ImportBatch.objects.visible_to(request.user, sees_all=scope.everything)
        .exclude(status=ImportBatch.Status.CANCELLED)
        .select_related("indicator", "uploaded_by")
        .defer("rows", "source")[:RECENT]
    )
    context = {"form": form, "scope": scope, "recent": recent, "back": back}
    return render(request, "analyses/import_upload.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def mapping(request, batch_pk):
    batch, scope = batch_for(request.user, batch_pk)
    if batch.status in {ImportBatch.Status.READING, ImportBatch.Status.UNREADABLE}:
        # The worker reads the file; the page looks again every two seconds until it is done.
        return render(request, "analyses/import_reading.html", {"batch": batch, "step": 2})
    if not batch.is_open:
        return redirect("import_preview", batch_pk=batch.pk)
    form = ImportMappingForm(request.POST or None, batch=batch)
    if request.method == "POST" and form.is_valid():
        if form.sheet_changed():
            import_batch_reread(batch=batch, options={"sheet": form.cleaned_data["sheet"]}, guess=True)
            return redirect("import_mapping", batch_pk=batch.pk)
        import_batch_map(batch=batch, mapping=form.mapping())
        if form.filter_changed():
            import_batch_reread(batch=batch, options=form.read_options(), guess=False)
            return redirect("import_mapping", batch_pk=batch.pk)
        return redirect("import_preview", batch_pk=batch.pk)
    context = {"batch": batch, "form": form, "sample": batch.rows[:12], "step": 2}
    return render(request, "analyses/import_mapping.html", context)


@login_required
@require_http_methods(["GET"])
def preview(request, batch_pk):
    batch, scope = batch_for(request.user, batch_pk)
    if batch.status in {
        ImportBatch.Status.UPLOADED,
        ImportBatch.Status.READING,
        ImportBatch.Status.UNREADABLE,
    }:
        return redirect("import_mapping", batch_pk=batch.pk)
    context = {"batch": batch, "scope": scope, "step": 3}
    if batch.status == ImportBatch.Status.MAPPED:
        context["plan"] = plan_import(batch, scope)
        context["decimal_notes"] = decimal_notes(batch)
        context["decimal_form"] = ImportMappingForm(batch=batch)
        context["earlier"] = (
            ImportBatch.objects.filter(
                indicator=batch.indicator,
                file_sha256=batch.file_sha256,
                status=ImportBatch.Status.IMPORTED,
            )
            .defer("rows", "source")
            .first()
        )
    else:
        context["changes"] = batch.changes.select_related("gemeente")[:500]
    return render(request, "analyses/import_preview.html", context)


@login_required
@require_POST
def confirm(request, batch_pk):
    batch, scope = batch_for(request.user, batch_pk)
    try:
        batch, plan = import_batch_confirm(batch=batch, scope=scope)
    except ImportRefused as refusal:
        messages.error(request, str(refusal))
        return redirect("import_preview", batch_pk=batch.pk)
    except IntegrityError:
        messages.error(
            request,
            _("Someone imported figures of this indicator at the same moment. Nothing was imported; try again."),
        )
        return redirect("import_preview", batch_pk=batch.pk)
    if plan.changes:
        messages.success(
            request,
            _("Imported: %(new)s new and %(changed)s changed values; %(same)s were already there.")
            % {"new": len(plan.new), "changed": len(plan.changed), "same": len(plan.unchanged)},
        )
    else:
        messages.info(
            request,
            _("Nothing changed: all %(same)s values in the file were already there.")
            % {"same": len(plan.unchanged)},
        )
    return redirect(batch.return_to or "import_upload")


@login_required
@require_POST
def accept_name(request, batch_pk):
    """The user accepts the suggested municipality for a name the file spells differently."""
    batch, _scope = batch_for(request.user, batch_pk)
    try:
        gemeente = import_batch_accept_name(
            batch=batch, name=request.POST.get("name", ""), nis_code=request.POST.get("nis_code", "")
        )
    except ImportRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(
            request,
            _("“%(name)s” is read as %(gemeente)s in this import.")
            % {"name": request.POST.get("name", ""), "gemeente": gemeente},
        )
    return redirect("import_preview", batch_pk=batch.pk)


@login_required
@require_POST
def cancel(request, batch_pk):
    batch, _scope = batch_for(request.user, batch_pk)
    try:
        import_batch_cancel(batch=batch)
    except ImportRefused as refusal:
        messages.error(request, str(refusal))
        return redirect("import_preview", batch_pk=batch.pk)
    messages.info(request, _("The import has been cancelled; nothing was changed."))
    return redirect(batch.return_to or "import_upload")


@login_required
@require_http_methods(["GET", "POST"])
def undo(request, batch_pk):
    batch, _scope = batch_for(request.user, batch_pk)
    if request.method == "POST":
        try:
            import_batch_undo(batch=batch, user=request.user)
        except ImportRefused as refusal:
            messages.error(request, str(refusal))
            return redirect("import_preview", batch_pk=batch.pk)
        messages.success(request, _("The import has been undone: the previous figures are back."))
        return redirect("import_preview", batch_pk=batch.pk)
    return render(request, "analyses/import_undo.html", {"batch": batch})
