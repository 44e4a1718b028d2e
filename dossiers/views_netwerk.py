"""A network's own page: its municipalities, partners and management roles, and its dossier of
each submission round (which is why it lives here and not in netwerken, which knows no rounds)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from netwerken.models import BEHEERROL_UITLEG, Beheerrol, Partner
from netwerken.permissions import netwerk_for

from .models import Indienronde


@login_required
@require_GET
def netwerk_detail(request, pk):
    netwerk, access = netwerk_for(request.user, pk)
    deelnemers = netwerk.deelnemende_gemeenten.select_related("gemeente")
    partners = netwerk.partners.select_related("gemeente")
    roles = netwerk.role_assignments.select_related("partner")
    dossiers = {d.ronde_id: d for d in netwerk.dossiers.all()}
    rondes = [(ronde, dossiers.get(ronde.pk)) for ronde in Indienronde.objects.all()]
    return render(
        request,
        "netwerken/netwerk_detail.html",
        {
            "netwerk": netwerk,
            "access": access,
            "deelnemers": deelnemers,
            "partners": partners,
            "role_rows": _role_rows(roles),
            "blind_spots": _blind_spots(deelnemers, partners),
            "rondes": rondes,
        },
    )


def _role_rows(assignments):
    by_role = {}
    for assignment in assignments:
        by_role.setdefault(assignment.role, []).append(assignment)
    return [
        {"label": label, "uitleg": BEHEERROL_UITLEG[value], "people": by_role.get(value, [])}
        for value, label in Beheerrol.choices
    ]


def _blind_spots(deelnemers, partners) -> list[str]:
    """Plain warnings about the make-up of the network, shown on its page."""
    warnings = []
    if not any(p.kind in Partner.POVERTY_KINDS for p in partners):
        warnings.append(
            _(
                "No association where people in poverty speak, nor another poverty "
                "organisation, is a partner yet."
            )
        )
    incomplete = [str(d.gemeente) for d in deelnemers if not d.contact_complete]
    if incomplete:
        warnings.append(
            _("The contact details are incomplete for: %(names)s.") % {"names": ", ".join(incomplete)}
        )
    return warnings
