"""Moving a dossier through its workflow, and its submitted versions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from .access import dossier_for
from .diff import compare
from .document import prepare
from .review_memory import DECISIONS, compose_letter
from .services import Refused, dossier_transition
from .snapshot import sha256_of
from .views import dossier_context
from .workflow import BY_NAME


@login_required
@require_http_methods(["GET", "POST"])
def transition(request, pk, name):
    nota, access = dossier_for(request.user, pk)
    step = BY_NAME.get(name)
    if step is None:
        raise Http404
    if not access.can(step.ability):
        raise PermissionDenied
    error = None
    last = nota.transitions.order_by("-at", "-pk").first() if request.method == "POST" else None
    if last is not None and last.name == name and nota.status == step.target:
        # The same step sent twice (a double click, a resent form): it is done already.
        messages.info(request, _("Already done: %(step)s.") % {"step": step.label})
        return redirect(nota)
    if request.method == "POST":
        try:
            dossier_transition(nota=nota, name=name, user=request.user, note=request.POST.get("note", ""))
        except Refused as refused:
            error = str(refused)
        else:
            messages.success(request, _("Done: %(step)s.") % {"step": step.label})
            return redirect(nota)
    note = request.POST.get("note", "")
    latest = nota.versions.order_by("-number").first()
    if request.method == "GET" and name in DECISIONS and latest is not None:
        note = compose_letter(latest, name, reviewer=request.user)
    context = dossier_context(nota, access, step=step, error=error, note=note, is_decision=name in DECISIONS)
    context["allowed_now"] = nota.status in step.sources
    return render(request, "dossiers/transition.html", context, status=400 if error else 200)


@login_required
@require_GET
def versions(request, pk):
    nota, access = dossier_for(request.user, pk)
    context = dossier_context(
        nota, access, versions=nota.versions.select_related("submitted_by").defer("snapshot")
    )
    return render(request, "dossiers/versions.html", context)


def _version(nota, number):
    return get_object_or_404(nota.versions.select_related("submitted_by"), number=number)


@login_required
@require_GET
def version_detail(request, pk, number):
    nota, access = dossier_for(request.user, pk)
    version = _version(nota, number)
    context = dossier_context(
        nota,
        access,
        version=version,
        doc=prepare(version.snapshot),
        intact=sha256_of(version.snapshot) == version.sha256,
    )
    return render(request, "dossiers/version_detail.html", context)


@login_required
@require_GET
def version_diff(request, pk, number):
    nota, access = dossier_for(request.user, pk)
    version = _version(nota, number)
    previous = nota.versions.filter(number__lt=number).order_by("-number").first()
    if previous is None:
        raise Http404
    context = dossier_context(
        nota,
        access,
        version=version,
        previous=previous,
        diff=compare(previous.snapshot, version.snapshot),
    )
    return render(request, "dossiers/version_diff.html", context)
