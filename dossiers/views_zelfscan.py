"""The network's Arrow Roots self-scans: the list and their course over the years, answering,
the spread per domain, and a weak domain turned into an action."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from netwerken.permissions import EDIT, SELF_SCAN, VIEW, netwerk_for

from .access import dossier_for
from .forms_zelfscan import ToActionForm, ZelfscanForm, ZelfscanOpenForm
from .models import OperationeleDoelstelling
from .models.zelfscan import Domein, Zelfscan
from .workflow import EDITABLE
from .zelfscan import chart, respondents, spread, zelfscan_answer, zelfscan_open, zelfscan_to_action


def _scan(netwerk, scan_pk) -> Zelfscan:
    return get_object_or_404(Zelfscan, netwerk=netwerk, pk=scan_pk)


def _dossier_to_plan_in(netwerk):
    """The dossier a new action goes to: the network's newest one that can still be edited."""
    return netwerk.dossiers.filter(status__in=EDITABLE).select_related("ronde").first()


@login_required
@require_http_methods(["GET", "POST"])
def zelfscan_list(request, pk):
    netwerk, access = netwerk_for(request.user, pk, EDIT if request.method == "POST" else VIEW)
    form = ZelfscanOpenForm(request.POST or None) if access.can_edit else None
    if request.method == "POST" and form.is_valid():
        scan = zelfscan_open(netwerk=netwerk, user=request.user, title=form.cleaned_data["title"])
        messages.success(request, _("The self-scan is open: every member can now fill it in."))
        return redirect("zelfscan_detail", pk=netwerk.pk, scan_pk=scan.pk)
    scans = list(netwerk.zelfscans.all())
    course = [(scan, spread(scan)) for scan in scans[:6]]
    rows = [
        (domein.label, [items[i] for _scan, items in course]) for i, domein in enumerate(Domein)
    ]
    return render(
        request,
        "dossiers/zelfscan_list.html",
        {"netwerk": netwerk, "access": access, "form": form, "scans": scans,
         "course": [scan for scan, _items in course], "rows": rows},
    )


@login_required
@require_http_methods(["GET"])
def zelfscan_detail(request, pk, scan_pk):
    netwerk, access = netwerk_for(request.user, pk, VIEW)
    scan = _scan(netwerk, scan_pk)
    items = spread(scan)
    nota = _dossier_to_plan_in(netwerk) if access.can_edit else None
    doelstellingen = (
        OperationeleDoelstelling.objects.filter(nota=nota).select_related("sd").order_by("sd__position", "position")
        if nota else OperationeleDoelstelling.objects.none()
    )
    mine = scan.scores.filter(user=request.user).exists()
    return render(
        request,
        "dossiers/zelfscan_detail.html",
        {
            "netwerk": netwerk, "access": access, "scan": scan, "items": items,
            "respondents": respondents(scan), "mine": mine,
            "chart": chart(items, title=_("Spread of the scores per domain: %(scan)s") % {"scan": scan.title}),
            "nota": nota, "doelstellingen": list(doelstellingen),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def zelfscan_fill(request, pk, scan_pk):
    netwerk, access = netwerk_for(request.user, pk, SELF_SCAN)
    scan = _scan(netwerk, scan_pk)
    if scan.closed:
        messages.error(request, _("This self-scan is closed. Ask the coordinator to open a new one."))
        return redirect("zelfscan_detail", pk=netwerk.pk, scan_pk=scan.pk)
    current = {s.domein: (s.score, s.remark) for s in scan.scores.filter(user=request.user)}
    form = ZelfscanForm(request.POST or None, initial_scores=current)
    if request.method == "POST" and form.is_valid():
        zelfscan_answer(scan=scan, user=request.user, partner=access.partner, answers=form.answers())
        messages.success(request, _("Thank you: your scores have been saved."))
        return redirect("zelfscan_detail", pk=netwerk.pk, scan_pk=scan.pk)
    return render(
        request,
        "dossiers/zelfscan_fill.html",
        {"netwerk": netwerk, "access": access, "scan": scan, "form": form},
    )


@login_required
@require_POST
def zelfscan_close(request, pk, scan_pk):
    netwerk, _access = netwerk_for(request.user, pk, EDIT)
    scan = _scan(netwerk, scan_pk)
    scan.closed = not scan.closed
    scan.save(update_fields=["closed"])
    messages.success(request, _("The self-scan is closed.") if scan.closed else _("The self-scan is open again."))
    return redirect("zelfscan_detail", pk=netwerk.pk, scan_pk=scan.pk)


@login_required
@require_POST
def zelfscan_action(request, pk, scan_pk):
    netwerk, _access = netwerk_for(request.user, pk, EDIT)
    scan = _scan(netwerk, scan_pk)
    nota = _dossier_to_plan_in(netwerk)
    if nota is None:
        messages.error(request, _("The network has no dossier that can still be changed."))
        return redirect("zelfscan_detail", pk=netwerk.pk, scan_pk=scan.pk)
    nota, _access = dossier_for(request.user, nota.pk, EDIT)
    form = ToActionForm(
        request.POST, doelstellingen=OperationeleDoelstelling.objects.filter(nota=nota).select_related("sd")
    )
    if not form.is_valid():
        messages.error(request, _("Choose the operational objective the action belongs to."))
        return redirect("zelfscan_detail", pk=netwerk.pk, scan_pk=scan.pk)
    with transaction.atomic():
        actie = zelfscan_to_action(scan=scan, domein=form.cleaned_data["domein"], od=form.cleaned_data["od"])
    messages.success(request, _("Action %(code)s has been added. Make it concrete: who, when, for whom.") % {"code": actie.code})
    return redirect("actie_edit", pk=nota.pk, actie_pk=actie.pk)
