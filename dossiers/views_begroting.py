"""The multi-year budget grid.

Without JavaScript it is one form: type the amounts, press Save, and everything is saved or
nothing is. With JavaScript (htmx) each cell is saved when the user leaves it, and the totals,
the balance and the checklist update in place.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from netwerken.keep import form_data, login_required_keeping_post
from netwerken.permissions import EDIT, VIEW

from .access import dossier_for
from .checklist import DossierData
from .fragments import cached_fragment
from .models import Section
from .services_begroting import BudgetGrid, BudgetRefused, budget_save, read_typed, unversioned
from .views import dossier_context


def _page(request, nota, access, grid, data=None, status=200):
    data = data or DossierData(nota)
    context = dossier_context(
        nota, access, data, section=Section.BEGROTING, grid=grid, save_texts=_save_texts(),
    )
    return render(request, "dossiers/begroting.html", context, status=status)


def _stored_page(request, nota, access):
    """The budget as stored, its big part rendered once per revision (dossiers/fragments.py)."""
    data = DossierData(nota)
    context = dossier_context(nota, access, data, section=Section.BEGROTING)
    context["budget"] = cached_fragment(
        request, context, "dossiers/includes/_begroting_grid.html",
        lambda: {"grid": data.begroting, "save_texts": _save_texts()},
    )
    return render(request, "dossiers/begroting.html", context)


def _save_texts() -> dict:
    """What begroting.js says when a cell save does not reach the server or the server fails."""
    return {
        "network": _("The server cannot be reached. Trying again in %(seconds)s seconds."),
        "server": _("The server had a problem. Trying again in %(seconds)s seconds."),
        "gave_up": _("It still did not work. Your amount is kept here: try again, or copy it and "
                     "reload the page."),
        "forbidden": _("You can no longer change this budget (it may have been submitted). Copy "
                       "your amount and reload the page."),
        "other": _("Error %(status)s. Your amount is kept here: try again, or copy it and reload "
                   "the page."),
        "retry": _("Try again"),
        "not_saved": _("Not saved."),
    }


def _refuse_unversioned(nota, data, names) -> BudgetGrid:
    """The grid with a message on every amount sent without its version; nothing is saved."""
    grid = BudgetGrid(nota)
    for name in names:
        key, _sep, year = name[2:].rpartition("-")
        cell = grid.cell(key, int(year)) if year.isdigit() else None
        if cell is not None:
            cell.typed = data.get(name, "")
            cell.error = _(
                "This amount was sent without the version it was typed over, so it could "
                "overwrite a colleague's change. It has not been saved: reload the page and type "
                "it again."
            )
    return grid


@login_required_keeping_post
@require_http_methods(["GET", "POST"])
def grid(request, pk):
    nota, access = dossier_for(request.user, pk, EDIT if request.method == "POST" else VIEW)
    posted = form_data(request)
    if request.method == "POST":
        done_url = reverse("dossier_begroting", args=[nota.pk])
        done = _("The budget has been saved.")
        if "take_actions" in request.POST:
            posted = _action_costs(nota)
            done_url += "#acties-vergelijking"
            done = _("The line for actions now holds the actions' estimated costs.")
        if missing := unversioned(posted):
            messages.error(request, _("Nothing has been saved: correct the amounts marked below."))
            return _page(request, nota, access, _refuse_unversioned(nota, posted, missing), status=400)
        try:
            budget_save(nota=nota, data=posted)
        except BudgetRefused as refused:
            messages.error(request, _("Nothing has been saved: correct the amounts marked below."))
            return _page(request, nota, access, refused.grid, status=422)
        messages.success(request, done)
        return redirect(done_url)
    if posted is None or not access.can_edit:
        return _stored_page(request, nota, access)
    # Typed before the session expired: shown again, unsaved, to check and save.
    data = DossierData(nota)
    read_typed(data.begroting, posted)
    return _page(request, nota, access, data.begroting, data)


def _action_costs(nota) -> dict:
    """The line for actions filled with the actions' estimated costs, year by year, as posted data."""
    current = BudgetGrid(nota)
    values = {}
    for cell, cost in zip(current.lines["acties"].cells, current.action_costs):
        values[cell.name] = str(cost) if cost else ""
        values[cell.version_name] = str(cell.version)
    return values


@login_required_keeping_post(page=lambda pk: reverse("dossier_begroting", args=[pk]))
@require_POST
def cell(request, pk):
    """Save one cell (or one line's explanation) and answer with that cell and the new totals."""
    nota, access = dossier_for(request.user, pk, EDIT)
    fields = [name for name in request.POST if name[:2] in {"c-", "n-"}]
    if len(fields) != 1:
        raise Http404
    name = fields[0]
    status = 200
    if unversioned(request.POST):
        saved, status = _refuse_unversioned(nota, request.POST, [name]), 400
    else:
        try:
            saved = budget_save(nota=nota, data=request.POST)
        except BudgetRefused as refused:
            # 409: someone else changed the amount meanwhile; 422: the amount itself is wrong.
            conflict = any(c.conflict for c in refused.errors)
            saved, status = refused.grid, 409 if conflict else 422
    data = DossierData(nota)
    context = dossier_context(nota, access, data, section=Section.BEGROTING, grid=saved)
    context["fresh"] = data.begroting  # the totals as stored
    if name.startswith("n-"):
        line = saved.lines.get(name[2:])
        if line is None:
            raise Http404
        context.update(line=line, template="dossiers/includes/_begroting_note.html")
    else:
        key, _sep, year = name[2:].rpartition("-")
        target = saved.cell(key, int(year)) if year.isdigit() else None
        if target is None:
            raise Http404
        context.update(
            cell=target, line=target.line, line_total=context["fresh"].lines[key].total,
            template="dossiers/includes/_begroting_cell.html",
        )
    return render(request, "dossiers/includes/_begroting_saved.html", context, status=status)
