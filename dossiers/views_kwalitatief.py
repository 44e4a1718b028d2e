"""The qualitative analysis of a dossier: the guided questions, and the lists of items (SWOT,
thresholds, kansengroepen, hearings of people in poverty) with their add, edit and remove pages.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from dossiers.access import dossier_for
from dossiers.checklist import DossierData
from dossiers.concurrency import save_form
from netwerken.keep import form_data, login_required_keeping_post
from netwerken.permissions import EDIT, VIEW

from . import analyse_questions as questions
from .analyse_conflicts import answer_differences, item_differences
from .forms_analyse import BevragingForm, DrempelForm, KansengroepForm, KwalitatieveAnalyseForm, SwotItemForm
from .models import Bevraging, Drempelbeschrijving, Kansengroep, KwalitatieveAnalyse, SwotItem
from .views_analyse import analyse_context


@dataclass(frozen=True)
class ItemKind:
    model: type
    form: type
    page: str  # the url name of the page that lists these items
    anchor: str
    add_title: object
    edit_title: object
    saved: object
    removed: object


ITEMS = {
    "swot": ItemKind(
        SwotItem, SwotItemForm, "analyse_swot", "swot",
        gettext_lazy("Add a SWOT item"), gettext_lazy("Edit SWOT item"),
        gettext_lazy("The SWOT item has been saved."), gettext_lazy("The SWOT item has been removed."),
    ),
    "drempels": ItemKind(
        Drempelbeschrijving, DrempelForm, "analyse_drempels", "drempels",
        gettext_lazy("Describe a threshold"), gettext_lazy("Edit threshold"),
        gettext_lazy("The threshold has been saved."), gettext_lazy("The threshold has been removed."),
    ),
    "kansengroepen": ItemKind(
        Kansengroep, KansengroepForm, "analyse_drempels", "kansengroepen",
        gettext_lazy("Add a kansengroep"), gettext_lazy("Edit kansengroep"),
        gettext_lazy("The kansengroep has been saved."), gettext_lazy("The kansengroep has been removed."),
    ),
    "bevragingen": ItemKind(
        Bevraging, BevragingForm, "analyse_stem", "bevragingen",
        gettext_lazy("Add how people in poverty were heard"), gettext_lazy("Edit hearing"),
        gettext_lazy("The hearing has been saved."), gettext_lazy("The hearing has been removed."),
    ),
}


def _item_kind(kind) -> ItemKind:
    if kind not in ITEMS:
        raise Http404
    return ITEMS[kind]


def _list_url(nota, spec: ItemKind) -> str:
    return reverse(spec.page, args=[nota.pk]) + f"#{spec.anchor}"


@login_required_keeping_post
@require_http_methods(["GET", "POST"])
def kwalitatief(request, pk, kind):
    nota, access = dossier_for(request.user, pk, EDIT if request.method == "POST" else VIEW)
    if kind not in questions.QUESTIONS:
        raise Http404
    analysis = KwalitatieveAnalyse.objects.filter(nota=nota, kind=kind).first()
    analysis = analysis or KwalitatieveAnalyse(nota=nota, kind=kind)
    form = KwalitatieveAnalyseForm(form_data(request), instance=analysis) if access.can_edit else None
    result = save_form(
        request, form,
        message=_("The %(analysis)s has been saved.") % {"analysis": questions.label(kind).lower()},
        success_url=reverse("analyse_kwalitatief", kwargs={"pk": nota.pk, "kind": kind}),
        compare=answer_differences,
    )
    if result.done:
        return result.done
    context = analyse_context(
        nota,
        access,
        page=kind,
        kind=kind,
        title=questions.label(kind),
        intro=questions.INTROS[kind],
        analysis=analysis,
        form=result.form,
        conflict=result.conflict,
    )
    return render(request, "dossiers/analyse/kwalitatief.html", context, status=result.status)


@login_required
@require_GET
def swot(request, pk):
    nota, access = dossier_for(request.user, pk)
    items = list(nota.swot_items.all())
    quadrants = [
        (value, label, [i for i in items if i.kind == value]) for value, label in SwotItem.Kind.choices
    ]
    context = analyse_context(nota, access, page="swot", quadrants=quadrants)
    return render(request, "dossiers/analyse/swot.html", context)


@login_required
@require_GET
def drempels(request, pk):
    nota, access = dossier_for(request.user, pk)
    context = analyse_context(
        nota,
        access,
        page="drempels",
        drempels=list(nota.drempels.prefetch_related("gemeenten")),
        kansengroepen=list(nota.kansengroepen.prefetch_related("gemeenten")),
    )
    return render(request, "dossiers/analyse/drempels.html", context)


@login_required
@require_GET
def stem(request, pk):
    nota, access = dossier_for(request.user, pk)
    bevragingen = list(nota.bevragingen.all())
    context = analyse_context(
        nota,
        access,
        page="stem",
        bevragingen=bevragingen,
        total=sum(b.participants for b in bevragingen),
    )
    return render(request, "dossiers/analyse/stem.html", context)


@login_required_keeping_post
@require_http_methods(["GET", "POST"])
def item_add(request, pk, kind):
    nota, access = dossier_for(request.user, pk, EDIT)
    spec = _item_kind(kind)
    form = spec.form(form_data(request), nota=nota)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, spec.saved)
        return redirect(_list_url(nota, spec))
    context = analyse_context(
        nota, access, page=_page_of(spec), spec=spec, form=form, title=spec.add_title,
        back=_list_url(nota, spec),
    )
    return render(request, "dossiers/analyse/item_form.html", context)


@login_required_keeping_post
@require_http_methods(["GET", "POST"])
def item_edit(request, pk, kind, item_pk):
    nota, access = dossier_for(request.user, pk, EDIT)
    spec = _item_kind(kind)
    item = get_object_or_404(spec.model, pk=item_pk, nota=nota)
    form = spec.form(form_data(request), instance=item, nota=nota)
    result = save_form(
        request, form, message=spec.saved, success_url=_list_url(nota, spec),
        form_kwargs={"nota": nota}, compare=item_differences,
    )
    if result.done:
        return result.done
    context = analyse_context(
        nota, access, page=_page_of(spec), spec=spec, form=result.form, title=spec.edit_title,
        conflict=result.conflict, back=_list_url(nota, spec),
    )
    return render(request, "dossiers/analyse/item_form.html", context, status=result.status)


@login_required
@require_http_methods(["GET", "POST"])
def item_remove(request, pk, kind, item_pk):
    nota, access = dossier_for(request.user, pk, EDIT)
    spec = _item_kind(kind)
    item = get_object_or_404(spec.model, pk=item_pk, nota=nota)
    if request.method == "POST":
        item.delete()
        messages.success(request, spec.removed)
        return redirect(_list_url(nota, spec))
    context = analyse_context(
        nota, access, page=_page_of(spec), spec=spec, item=item, back=_list_url(nota, spec)
    )
    return render(request, "dossiers/analyse/item_confirm_remove.html", context)


def _page_of(spec: ItemKind) -> str:
    return {"analyse_swot": "swot", "analyse_drempels": "drempels", "analyse_stem": "stem"}[spec.page]
