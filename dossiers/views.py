from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import IntegrityError, transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from netwerken.permissions import EDIT, netwerk_for

from .access import dossier_for
from .checklist import DossierData, run_checklist
from .history import dossier_history
from .models import Afsprakennota, Indienronde, Section


def dossier_context(nota, access, data=None, **extra):
    """What every dossier page needs: the dossier, the access, the checklist for the section nav."""
    data = data or DossierData(nota)
    checklist = run_checklist(nota, data)
    return {
        "nota": nota,
        "netwerk": nota.netwerk,
        "access": access,
        "checklist": checklist,
        "sections": checklist.sections(),
        **extra,
    }


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
@require_GET
def overview(request, pk):
    nota, access = dossier_for(request.user, pk)
    return render(request, "dossiers/overview.html", dossier_context(nota, access))


@login_required
@require_GET
def gemeenten(request, pk):
    nota, access = dossier_for(request.user, pk)
    data = DossierData(nota)
    context = dossier_context(nota, access, data, section=Section.GEMEENTEN)
    context["deelnemers"] = data.deelnemers
    context["can_edit_network"] = access.can_edit
    return render(request, "dossiers/gemeenten.html", context)


@login_required
@require_GET
def partners(request, pk):
    nota, access = dossier_for(request.user, pk)
    data = DossierData(nota)
    leads, joins = {}, {}
    for actie in data.acties:
        if actie.lead_partner_id:
            leads.setdefault(actie.lead_partner_id, []).append(actie)
        for partner in actie.partners.all():
            joins.setdefault(partner.pk, []).append(actie)
    rows = [
        {"partner": p, "leads": leads.get(p.pk, []), "joins": joins.get(p.pk, [])}
        for p in data.partners
    ]
    context = dossier_context(nota, access, data, section=Section.PARTNERS, rows=rows)
    return render(request, "dossiers/partners.html", context)


@login_required
@require_GET
def history(request, pk):
    nota, access = dossier_for(request.user, pk)
    item = request.GET.get("item") or None
    entries = dossier_history(nota, item=item, limit=500)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    context = dossier_context(nota, access, page=page, item=item)
    return render(request, "dossiers/history.html", context)
