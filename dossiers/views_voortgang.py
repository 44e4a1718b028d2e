"""Progress over the working years of an approved dossier (actions, reach, budget, indicators,
the self-scan's course) and the self-evaluation a later round's omgevingsanalyse starts from."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from netwerken.keep import form_data, login_required_keeping_post
from netwerken.permissions import EDIT, VIEW

from .access import dossier_for
from .forms_voortzetting import ZelfevaluatieForm
from .concurrency import differences, last_editor, rebind_after_conflict, save_or_conflict
from .models import Section
from .models.voortzetting import Zelfevaluatie
from .views import dossier_context
from .views_opvolging import _follow_up_for
from .voortgang import voortgang, zelfscan_verloop
from .voortgang_charts import bar_chart, scan_chart, status_chart


def _charts(progress, scans) -> dict:
    years = progress.started
    charts = {}
    if years:
        charts["status"] = status_chart(
            progress.status_rows(), key="vg-status", title=_("Actions by status per working year")
        )
        charts["reach"] = bar_chart(years, [
            (_("participants"), {y: progress.reach[y].participants for y in years}),
            (_("of whom from the kansengroepen"), {y: progress.reach[y].kansengroepen for y in years}),
        ], key="vg-reach", title=_("Reach per working year"))
        charts["budget"] = bar_chart(years, [
            (_("expenses planned"), {y: progress.budget[y].get("uitgave", [0, 0])[0] for y in years}),
            (_("expenses realised"), {y: progress.budget[y].get("uitgave", [0, 0])[1] for y in years}),
        ], key="vg-budget", title=_("Expenses planned and realised per working year"), money=True)
    if scans.first:
        charts["scan"] = scan_chart(
            scans.rows, key="vg-scan", title=_("The self-scan: first and latest"),
            first_label=scans.first.title, latest_label=scans.latest.title if scans.latest else "",
        )
    return charts


@login_required_keeping_post
@require_http_methods(["GET"])
def voortgang_page(request, pk):
    nota, access = _follow_up_for(request.user, pk, VIEW)
    progress = voortgang(nota)
    scans = zelfscan_verloop(nota.netwerk)
    budget_rows = [
        (y, progress.budget[y].get("uitgave"), progress.budget[y].get("inkomst")) for y in progress.started
    ]
    context = dossier_context(
        nota, access, progress=progress, scans=scans, charts=_charts(progress, scans),
        budget_rows=budget_rows,
        reach_rows=[
            (r, [(r.participants.get(y), r.kansengroepen.get(y)) for y in progress.started])
            for r in progress.acties if any(v is not None for v in r.participants.values())
        ],
        indicator_rows=[(i, [i.values.get(y) for y in progress.started]) for i in progress.indicators],
    )
    return render(request, "dossiers/opvolging/voortgang.html", context)


@login_required_keeping_post
@require_http_methods(["GET", "POST"])
def zelfevaluatie(request, pk):
    nota, access = dossier_for(request.user, pk, EDIT if request.method == "POST" else VIEW)
    instance = Zelfevaluatie.objects.filter(nota=nota).first() or Zelfevaluatie(nota=nota)
    form = ZelfevaluatieForm(form_data(request), instance=instance) if access.can_edit else None
    conflict = None
    if request.method == "POST" and form.is_valid():
        saved, current = save_or_conflict(form)
        if saved:
            messages.success(request, _("The self-evaluation has been saved."))
            return redirect("analyse_zelfevaluatie", pk=nota.pk)
        who, when = last_editor(current)
        conflict = {"rows": differences(form, current), "who": who, "when": when}
        form = rebind_after_conflict(ZelfevaluatieForm, request.POST, current)
    context = dossier_context(
        nota, access, section=Section.OMGEVINGSANALYSE, analyse_page="zelfevaluatie",
        form=form, zelfevaluatie=instance, conflict=conflict,
    )
    return render(request, "dossiers/zelfevaluatie.html", context, status=409 if conflict else 200)
