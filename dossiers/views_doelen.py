"""Strategic and operational objectives and their actions: the tree, the plan per working year
and the load per partner, and the forms to write them."""

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from netwerken.keep import form_data, login_required_keeping_post
from netwerken.permissions import EDIT

from .access import dossier_for
from .checklist import DossierData
from .concurrency import save_form
from .fragments import cached_fragment
from .forms_doelen import (
    ActieForm,
    IndicatorFormSet,
    OperationeleDoelstellingForm,
    StrategischeDoelstellingForm,
)
from .models import Actie, ActieKost, OperationeleDoelstelling, Section, StrategischeDoelstelling
from .services_doelen import item_delete, item_move, next_position
from .views import dossier_context


def _tree_url(nota, item=None):
    anchor = f"#{item._meta.model_name}-{item.pk}" if item is not None else ""
    return reverse("dossier_doelstellingen", args=[nota.pk]) + anchor


def _context(nota, access, data=None, **extra):
    return dossier_context(nota, access, data, section=Section.DOELSTELLINGEN, **extra)


@login_required
@require_GET
def tree(request, pk):
    nota, access = dossier_for(request.user, pk)
    data = DossierData(nota)
    context = _context(nota, access, data)
    context["tree"] = cached_fragment(
        request, context, "dossiers/includes/_doelen_tree.html", lambda: {"doelen": data.doelen}
    )
    return render(request, "dossiers/doelen_tree.html", context)


@login_required
@require_GET
def plan(request, pk):
    """Per working year of the round: the actions planned and their estimated cost."""
    nota, access = dossier_for(request.user, pk)
    data = DossierData(nota)
    context = _context(nota, access, data)
    context["plan"] = cached_fragment(
        request, context, "dossiers/includes/_doelen_plan.html",
        lambda: {"years": _plan_years(nota, data)},
    )
    return render(request, "dossiers/doelen_plan.html", context)


def _plan_years(nota, data):
    years = []
    for year in nota.ronde.years:
        rows = []
        for actie in data.acties:
            if year in actie.years:
                cost = next((k.amount for k in actie.kosten.all() if k.year == year), None)
                rows.append({"actie": actie, "cost": cost})
        years.append(
            {
                "year": year,
                "rows": rows,
                "total": sum((r["cost"] or Decimal(0) for r in rows), Decimal(0)),
                "needs_actions": year in nota.ronde.action_years,
            }
        )
    return years


def _load_row(partner, mine) -> dict:
    return {"partner": partner, "leads": mine.leads, "joins": mine.joins, "total": mine.total}


@login_required
@require_GET
def load(request, pk):
    """How many actions each partner leads or joins: where the work of the network lands."""
    nota, access = dossier_for(request.user, pk)
    data = DossierData(nota)
    context = _context(nota, access, data)
    context["load"] = cached_fragment(
        request, context, "dossiers/includes/_doelen_load.html", lambda: _load_rows(data)
    )
    return render(request, "dossiers/doelen_load.html", context)


def _load_rows(data) -> dict:
    rows = sorted(
        (_load_row(p, data.actions_of(p)) for p in data.partners),
        key=lambda row: (-len(row["leads"]), -row["total"], row["partner"].name),
    )
    led = len([a for a in data.acties if a.lead_partner_id])
    top = _concentration(rows, led)
    biggest = max((row["total"] for row in rows), default=0)
    for row in rows:
        row["share"] = round(100 * row["total"] / biggest) if biggest else 0
    return {"rows": rows, "top": top, "idle": [r for r in rows if not r["total"]], "led": led}


def _concentration(rows, led):
    """The fewest partners that lead 80% of the actions, when that is a small group."""
    if led < 5:
        return None
    count, covered = 0, 0
    for row in rows:
        if covered >= 0.8 * led:
            break
        covered += len(row["leads"])
        count += 1
    if count <= max(3, len(rows) // 5):
        return {"partners": count, "percent": round(100 * covered / led)}
    return None


# --- Strategic and operational objectives ------------------------------------------------------


def _save_objective(request, nota, access, form_class, instance, *, title, on_new=None):
    form = form_class(form_data(request), instance=instance)
    if request.method == "POST" and on_new and not instance.pk and form.is_valid():
        on_new(form.instance)
    result = save_form(
        request, form, message=_saved_message, success_url=lambda saved: _tree_url(nota, saved),
    )
    if result.done:
        return result.done, None
    context = _context(
        nota, access, form=result.form, item=instance, title=title, conflict=result.conflict
    )
    return None, render(request, "dossiers/doel_form.html", context, status=result.status)


def _saved_message(saved) -> str:
    return _("%(item)s has been saved.") % {"item": saved.code}


@login_required_keeping_post
@require_http_methods(["GET", "POST"])
def sd_add(request, pk):
    nota, access = dossier_for(request.user, pk, EDIT)
    item = StrategischeDoelstelling(nota=nota)

    def place(sd):
        sd.position = next_position(nota.strategische_doelstellingen.all())

    done, page = _save_objective(
        request, nota, access, StrategischeDoelstellingForm, item,
        title=_("New strategic objective"), on_new=place,
    )
    return done or page


@login_required_keeping_post
@require_http_methods(["GET", "POST"])
def sd_edit(request, pk, sd_pk):
    nota, access = dossier_for(request.user, pk, EDIT)
    item = get_object_or_404(nota.strategische_doelstellingen, pk=sd_pk)
    done, page = _save_objective(
        request, nota, access, StrategischeDoelstellingForm, item,
        title=_("Edit %(code)s") % {"code": item.code},
    )
    return done or page


@login_required_keeping_post
@require_http_methods(["GET", "POST"])
def od_add(request, pk, sd_pk):
    nota, access = dossier_for(request.user, pk, EDIT)
    sd = get_object_or_404(nota.strategische_doelstellingen, pk=sd_pk)
    item = OperationeleDoelstelling(sd=sd, nota=nota)

    def place(od):
        od.position = next_position(sd.operationele_doelstellingen.all())

    done, page = _save_objective(
        request, nota, access, OperationeleDoelstellingForm, item,
        title=_("New operational objective under %(code)s") % {"code": sd.code}, on_new=place,
    )
    return done or page


def _od(nota, od_pk):
    return get_object_or_404(OperationeleDoelstelling.objects.select_related("sd"), nota=nota, pk=od_pk)


@login_required_keeping_post
@require_http_methods(["GET", "POST"])
def od_edit(request, pk, od_pk):
    nota, access = dossier_for(request.user, pk, EDIT)
    item = _od(nota, od_pk)
    done, page = _save_objective(
        request, nota, access, OperationeleDoelstellingForm, item,
        title=_("Edit %(code)s") % {"code": item.code},
    )
    return done or page


# --- Actions ---------------------------------------------------------------------------------


def _save_actie_parts(form, formset, actie):
    formset.instance = actie
    formset.save()
    costs = form.costs()
    actie.kosten.exclude(year__in=costs).delete()
    for year, amount in costs.items():
        ActieKost.objects.update_or_create(actie=actie, year=year, defaults={"amount": amount})


def _actie_page(request, nota, access, actie, *, title):
    data = form_data(request)
    form = ActieForm(data, instance=actie, nota=nota)
    formset = IndicatorFormSet(data, instance=actie, prefix="indicatoren")
    # The action, its indicators and costs are saved all or nothing.
    result = save_form(
        request, form, valid=formset.is_valid(),
        also=lambda saved: _save_actie_parts(form, formset, saved),
        message=_saved_message, success_url=lambda saved: _tree_url(nota, saved),
        form_kwargs={"nota": nota},
    )
    if result.done:
        return result.done
    if result.conflict:
        formset = IndicatorFormSet(request.POST, instance=result.current, prefix="indicatoren")
    context = _context(
        nota, access, form=result.form, formset=formset, actie=actie, title=title,
        conflict=result.conflict,
    )
    return render(request, "dossiers/actie_form.html", context, status=result.status)


@login_required_keeping_post
@require_http_methods(["GET", "POST"])
def actie_add(request, pk, od_pk):
    nota, access = dossier_for(request.user, pk, EDIT)
    od = _od(nota, od_pk)
    actie = Actie(od=od, nota=nota, position=next_position(od.acties.all()))
    return _actie_page(request, nota, access, actie, title=_("New action under %(code)s") % {"code": od.code})


def _actie(nota, actie_pk):
    return get_object_or_404(Actie.objects.select_related("od__sd"), nota=nota, pk=actie_pk)


@login_required_keeping_post
@require_http_methods(["GET", "POST"])
def actie_edit(request, pk, actie_pk):
    nota, access = dossier_for(request.user, pk, EDIT)
    actie = _actie(nota, actie_pk)
    return _actie_page(request, nota, access, actie, title=_("Edit %(code)s") % {"code": actie.code})


# --- Moving and removing ---------------------------------------------------------------------


def _item(nota, kind, item_pk):
    if kind == "sd":
        return get_object_or_404(nota.strategische_doelstellingen, pk=item_pk)
    if kind == "od":
        return _od(nota, item_pk)
    if kind == "actie":
        return _actie(nota, item_pk)
    raise Http404


@login_required
@require_POST
def item_move_view(request, pk, kind, item_pk):
    nota, _access = dossier_for(request.user, pk, EDIT)
    item = _item(nota, kind, item_pk)
    direction = -1 if request.POST.get("direction") == "up" else 1
    if item_move(item=item, direction=direction):
        item.refresh_from_db()
        messages.success(request, _("Moved: the numbers have been updated."))
    return redirect(_tree_url(nota, item))


@login_required
@require_http_methods(["GET", "POST"])
def item_delete_view(request, pk, kind, item_pk):
    nota, access = dossier_for(request.user, pk, EDIT)
    item = _item(nota, kind, item_pk)
    if request.method == "POST":
        label = str(item)
        item_delete(item=item)
        messages.success(request, _("%(item)s has been removed; the numbers have been updated.") % {"item": label})
        return redirect(_tree_url(nota))
    contents = []
    if kind == "sd":
        for od in item.operationele_doelstellingen.prefetch_related("acties"):
            od.sd = item
            contents.append(od)
            contents.extend(od.acties.all())
    elif kind == "od":
        contents = list(item.acties.all())
    context = _context(nota, access, item=item, contents=contents)
    return render(request, "dossiers/doel_confirm_delete.html", context)
