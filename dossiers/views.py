from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from netwerken.models import Gemeente
from netwerken.permissions import EDIT, netwerk_for
from netwerken.prepared import PreparedQuery, columns, instance

from .access import dossier_for
from .checklist import DossierData, cached_checklist
from .checks import revision
from .exchange import ImportRefused, dossier_copy_to_round
from .fragments import PageAddress, cached_fragment
from .history import ACTIVITY_KINDS, activity_fingerprint, dossier_activity
from . import workflow
from .models import Afsprakennota, DossierVersion, Indienronde, Section
from .partner_tasks import partner_tasks
from .services import open_threads_by_section


def dossier_context(nota, access, data=None, **extra):
    """What every dossier page needs: the dossier, the access, the checklist for the section nav,
    the workflow steps this person may take, open comments and publiq's remarks per section."""
    rev = revision(nota)
    checklist = cached_checklist(nota, data, rev)
    latest = latest_version(nota)
    remarks = {}
    if latest is not None:
        remarks = {r.section: r for r in latest.remarks.exclude(remark="", verdict="")}
    return {
        "nota": nota,
        "netwerk": nota.netwerk,
        "access": access,
        "checklist": checklist,
        "sections": checklist.sections(),
        "status_label": nota.status_label(staff=access.can_review),
        "steps": workflow.available(nota.status, access),
        "latest_version": latest,
        "open_comments": open_threads_by_section(nota, access),
        "review_remarks": remarks,
        "revision": rev,
        **extra,
    }


def latest_version(nota) -> DossierVersion | None:
    """The dossier's newest submitted version, without its snapshot (a prepared query: every
    dossier page reads it)."""
    rows = _LATEST_VERSION.rows(nota.pk)
    return instance(DossierVersion, rows[0], leave_out=["snapshot"]) if rows else None


_LATEST_VERSION = PreparedQuery(
    lambda pk: DossierVersion.objects.filter(nota_id=pk)
    .order_by("-number")
    .values_list(*columns(DossierVersion, leave_out=["snapshot"]))[:1],
    1,
)


@login_required
@require_POST
def dossier_start(request, pk):
    netwerk, _access = netwerk_for(request.user, pk, EDIT)
    ronde = get_object_or_404(Indienronde, pk=request.POST.get("ronde"))
    try:
        with transaction.atomic():
            nota = Afsprakennota.objects.create(netwerk=netwerk, ronde=ronde, created_by=request.user)
    except IntegrityError:
        nota = Afsprakennota.objects.get(netwerk=netwerk, ronde=ronde)
        messages.info(request, _("This network already has an afsprakennota for this round."))
    return redirect(nota)


@login_required
@require_POST
def dossier_copy(request, pk):
    """Start a round's dossier from another round's dossier of the same network."""
    netwerk, _access = netwerk_for(request.user, pk, EDIT)
    source = get_object_or_404(netwerk.dossiers, pk=request.POST.get("bron"))
    ronde = get_object_or_404(Indienronde, pk=request.POST.get("ronde"))
    try:
        nota = dossier_copy_to_round(nota=source, ronde=ronde, user=request.user)
    except ImportRefused as refused:
        for problem in refused.problems[:10]:
            messages.error(request, str(problem))
        return redirect(netwerk)
    messages.success(
        request,
        _("The afsprakennota has been copied from %(source)s. Check every part for the new period.")
        % {"source": source.ronde},
    )
    return redirect(nota)


@login_required
@require_GET
def overview(request, pk):
    nota, access = dossier_for(request.user, pk)
    data = DossierData(nota)
    tasks = partner_tasks(nota=nota, access=access, user=request.user, data=data)
    context = dossier_context(nota, access, data, tasks=tasks)
    part = "dossiers/includes/_overview_sections.html"
    context["sections_part"] = cached_fragment(request, context, part, dict)
    return render(request, "dossiers/overview.html", context)


@login_required
@require_GET
def gemeenten(request, pk):
    nota, access = dossier_for(request.user, pk)
    data = DossierData(nota)
    context = dossier_context(nota, access, data, section=Section.GEMEENTEN)
    context["can_edit_network"] = access.can_edit
    table = "dossiers/includes/_gemeenten_table.html"
    # The municipalities' own names (reference data, no history) are not in the revision.
    context["table"] = cached_fragment(
        request, context, table, lambda: {"deelnemers": data.deelnemers},
        fresh_with=_MUNICIPALITY_NAMES.rows(nota.netwerk_id),
    )
    return render(request, "dossiers/gemeenten.html", context)


@login_required
@require_GET
def partners(request, pk):
    nota, access = dossier_for(request.user, pk)
    data = DossierData(nota)
    context = dossier_context(nota, access, data, section=Section.PARTNERS)
    context["partners"] = cached_fragment(
        request, context, "dossiers/includes/_partners.html", lambda: {"rows": _partner_rows(data)}
    )
    return render(request, "dossiers/partners.html", context)


def _partner_rows(data) -> list[dict]:
    return [
        {
            "partner": p,
            "leads": data.actions_of(p).leads,
            "joins": data.actions_of(p).joins,
            "state": data.confirmation_state(p),
            "confirmation": data.confirmations.get(p.pk),
        }
        for p in data.partners
    ]


_MUNICIPALITY_NAMES = PreparedQuery(
    lambda netwerk_id: Gemeente.objects.filter(netwerken=netwerk_id)
    .order_by("pk")
    .values_list("pk", "name", "nis_code"),
    1,
)


@login_required
@require_GET
def history(request, pk):
    """The activity in a dossier, newest first, filterable by kind, person or item."""
    nota, access = dossier_for(request.user, pk)
    item = request.GET.get("item") or None
    kind = request.GET.get("soort") if request.GET.get("soort") in ACTIVITY_KINDS else None
    person = request.GET.get("persoon")
    user_id = int(person) if person and person.isdigit() else None
    people = get_user_model().objects.filter(memberships__netwerk=nota.netwerk).order_by("first_name")
    context = dossier_context(
        nota, access, item=item, kind=kind, person=user_id, kinds=ACTIVITY_KINDS, people=people,
    )

    def page():
        entries = dossier_activity(nota, access, kind=kind, user_id=user_id, item=item)
        paged = Paginator(entries, 50).get_page(request.GET.get("page"))
        return {"page": paged, "request": PageAddress.of(request)}

    # Comments and workflow steps are not in the revision: their own fingerprint is.
    context["activity"] = cached_fragment(
        request, context, "dossiers/includes/_history_list.html", page,
        vary=(item, kind, user_id, request.GET.get("page")),
        fresh_with=activity_fingerprint(nota),
    )
    return render(request, "dossiers/history.html", context)
