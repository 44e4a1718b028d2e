"""The cooperation agreements: the texts on one page, and the consultation bodies, the lines of
the monitoring plan and the reflection moments, each added, changed and removed on its own."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from netwerken.keep import form_data, login_required_keeping_post
from netwerken.models import BEHEERROL_UITLEG, Beheerrol
from netwerken.permissions import EDIT

from .access import dossier_for
from .checklist import DossierData
from .concurrency import save_form
from .forms_samenwerking import (
    MonitoringafspraakForm,
    OverlegorgaanForm,
    GeplandReflectiemomentForm,
    SamenwerkingForm,
)
from .models import Monitoringafspraak, Overlegorgaan, GeplandReflectiemoment, Samenwerking, Section
from .views import dossier_context

# kind in the URL -> (model, form, anchor on the page, title of a new one)
KINDS = {
    "overleg": (Overlegorgaan, OverlegorgaanForm, "overlegorganen", gettext_lazy("New consultation body")),
    "monitoring": (
        Monitoringafspraak, MonitoringafspraakForm, "monitoring", gettext_lazy("New line of the monitoring plan"),
    ),
    "reflectie": (GeplandReflectiemoment, GeplandReflectiemomentForm, "reflectie", gettext_lazy("New reflection moment")),
}


def roles_of(data) -> list[dict]:
    """The five network roles with who takes them up: part of the agreements' text."""
    taken = {}
    for assignment in data.rollen:
        taken.setdefault(assignment.role, []).append(assignment)
    return [
        {"role": label, "explanation": BEHEERROL_UITLEG.get(value, ""), "people": taken.get(value, [])}
        for value, label in Beheerrol.choices
    ]


def _page_url(nota, anchor=""):
    return reverse("dossier_samenwerking", args=[nota.pk]) + (f"#{anchor}" if anchor else "")


@login_required_keeping_post
@require_http_methods(["GET", "POST"])
def samenwerking(request, pk):
    nota, access = dossier_for(request.user, pk, EDIT if request.method == "POST" else "view")
    data = DossierData(nota)
    instance = data.samenwerking or Samenwerking(nota=nota)
    form = SamenwerkingForm(form_data(request), instance=instance) if access.can_edit else None
    result = save_form(
        request, form, message=_("The cooperation agreements have been saved."),
        success_url=_page_url(nota),
    )
    if result.done:
        return result.done
    form = result.form
    texts = [
        {"name": name, "label": label, "help": help_text, "value": getattr(instance, name),
         "field": form[name] if form else None}
        for name, label, help_text in Samenwerking.TEXTS
    ]
    context = dossier_context(
        nota,
        access,
        data,
        section=Section.SAMENWERKING,
        form=form,
        conflict=result.conflict,
        texts=texts,
        roles=roles_of(data),
        overlegorganen=data.overlegorganen,
        monitoringafspraken=data.monitoringafspraken,
        reflectiemomenten=data.reflectiemomenten,
    )
    return render(request, "dossiers/samenwerking.html", context, status=result.status)


def _kind(kind):
    if kind not in KINDS:
        raise Http404
    return KINDS[kind]


def _item_page(request, nota, access, kind, instance, title):
    _model, form_class, anchor, _new_title = _kind(kind)
    form = form_class(form_data(request), instance=instance, nota=nota)
    result = save_form(
        request, form, message=lambda saved: _("“%(item)s” has been saved.") % {"item": saved},
        success_url=_page_url(nota, anchor), form_kwargs={"nota": nota},
    )
    if result.done:
        return result.done
    context = dossier_context(
        nota, access, section=Section.SAMENWERKING, form=result.form, title=title,
        conflict=result.conflict, back=_page_url(nota, anchor),
    )
    return render(request, "dossiers/samenwerking_form.html", context, status=result.status)


@login_required_keeping_post
@require_http_methods(["GET", "POST"])
def item_add(request, pk, kind):
    nota, access = dossier_for(request.user, pk, EDIT)
    model, _form, _anchor, title = _kind(kind)
    return _item_page(request, nota, access, kind, model(nota=nota), str(title))


@login_required_keeping_post
@require_http_methods(["GET", "POST"])
def item_edit(request, pk, kind, item_pk):
    nota, access = dossier_for(request.user, pk, EDIT)
    model, _form, _anchor, _title = _kind(kind)
    item = get_object_or_404(model, nota=nota, pk=item_pk)
    return _item_page(request, nota, access, kind, item, _("Edit “%(item)s”") % {"item": item})


@login_required
@require_http_methods(["GET", "POST"])
def item_delete(request, pk, kind, item_pk):
    nota, access = dossier_for(request.user, pk, EDIT)
    model, _form, anchor, _title = _kind(kind)
    item = get_object_or_404(model, nota=nota, pk=item_pk)
    if request.method == "POST":
        label = str(item)
        item.delete()
        messages.success(request, _("“%(item)s” has been removed.") % {"item": label})
        return redirect(_page_url(nota, anchor))
    context = dossier_context(
        nota, access, section=Section.SAMENWERKING, item=item, back=_page_url(nota, anchor)
    )
    return render(request, "dossiers/samenwerking_delete.html", context)
