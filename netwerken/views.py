from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from .forms import DeelnemendeGemeenteForm, GemeentenBulkForm, NetwerkForm, PartnerForm
from .models import DeelnemendeGemeente, Gemeente
from .permissions import CREATE_NETWORK, EDIT, netwerk_for, overall_access, visible_netwerken

PAGE_SIZE = 25


@login_required
@require_GET
def home(request):
    netwerken = (
        visible_netwerken(request.user)
        .annotate(
            n_gemeenten=Count("deelnemende_gemeenten", distinct=True),
            n_partners=Count("partners", distinct=True),
        )
        .order_by("name")
    )
    page = Paginator(netwerken, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "netwerken/home.html", {"page": page})


@login_required
@require_http_methods(["GET", "POST"])
def netwerk_create(request):
    if not overall_access(request.user).can(CREATE_NETWORK):
        raise PermissionDenied
    form = NetwerkForm(request.POST or None)
    if form.is_valid():
        netwerk = form.save()
        messages.success(request, _("The network has been created. Now invite its coordinator."))
        return redirect("members", pk=netwerk.pk)
    return render(request, "netwerken/netwerk_form.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def netwerk_edit(request, pk):
    netwerk, access = netwerk_for(request.user, pk, EDIT)
    form = NetwerkForm(request.POST or None, instance=netwerk)
    if form.is_valid():
        form.save()
        messages.success(request, _("The network has been saved."))
        return redirect(netwerk)
    return render(
        request, "netwerken/netwerk_form.html", {"form": form, "netwerk": netwerk, "access": access}
    )


def _gemeente_suggestions():
    return Gemeente.objects.only("name", "nis_code", "kind")


@login_required
@require_http_methods(["GET", "POST"])
def gemeente_add(request, pk):
    netwerk, access = netwerk_for(request.user, pk, EDIT)
    form = DeelnemendeGemeenteForm(request.POST or None, netwerk=netwerk)
    bulk_form = GemeentenBulkForm(netwerk=netwerk)
    if form.is_valid():
        form.save()
        messages.success(
            request, _("%(gemeente)s has been added.") % {"gemeente": form.instance.gemeente}
        )
        return redirect(netwerk.get_absolute_url() + "#gemeenten")
    return render(
        request,
        "netwerken/gemeente_form.html",
        {
            "netwerk": netwerk,
            "access": access,
            "form": form,
            "bulk_form": bulk_form,
            "suggestions": _gemeente_suggestions(),
        },
    )


@login_required
@require_http_methods(["POST"])
def gemeenten_bulk_add(request, pk):
    netwerk, access = netwerk_for(request.user, pk, EDIT)
    bulk_form = GemeentenBulkForm(request.POST, netwerk=netwerk)
    if bulk_form.is_valid():
        gemeenten = bulk_form.cleaned_data["gemeenten"]
        with transaction.atomic():
            DeelnemendeGemeente.objects.bulk_create(
                DeelnemendeGemeente(netwerk=netwerk, gemeente=g) for g in gemeenten
            )
        messages.success(
            request,
            _("%(count)d municipalities have been added. Fill in their contacts.")
            % {"count": len(gemeenten)},
        )
        return redirect(netwerk.get_absolute_url() + "#gemeenten")
    return render(
        request,
        "netwerken/gemeente_form.html",
        {
            "netwerk": netwerk,
            "access": access,
            "form": DeelnemendeGemeenteForm(netwerk=netwerk),
            "bulk_form": bulk_form,
            "suggestions": _gemeente_suggestions(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def gemeente_edit(request, pk, deelnemer_pk):
    netwerk, access = netwerk_for(request.user, pk, EDIT)
    deelnemer = get_object_or_404(netwerk.deelnemende_gemeenten, pk=deelnemer_pk)
    form = DeelnemendeGemeenteForm(request.POST or None, instance=deelnemer, netwerk=netwerk)
    if form.is_valid():
        form.save()
        messages.success(
            request, _("%(gemeente)s has been saved.") % {"gemeente": deelnemer.gemeente}
        )
        return redirect(netwerk.get_absolute_url() + "#gemeenten")
    return render(
        request,
        "netwerken/gemeente_form.html",
        {
            "netwerk": netwerk,
            "access": access,
            "form": form,
            "deelnemer": deelnemer,
            "suggestions": _gemeente_suggestions(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def gemeente_remove(request, pk, deelnemer_pk):
    netwerk, access = netwerk_for(request.user, pk, EDIT)
    deelnemer = get_object_or_404(
        netwerk.deelnemende_gemeenten.select_related("gemeente"), pk=deelnemer_pk
    )
    blocking = list(netwerk.partners.filter(gemeente=deelnemer.gemeente))
    if request.method == "POST" and not blocking:
        deelnemer.delete()
        messages.success(
            request,
            _("%(gemeente)s no longer takes part in the network.")
            % {"gemeente": deelnemer.gemeente},
        )
        return redirect(netwerk.get_absolute_url() + "#gemeenten")
    return render(
        request,
        "netwerken/gemeente_confirm_remove.html",
        {"netwerk": netwerk, "access": access, "deelnemer": deelnemer, "blocking": blocking},
        status=409 if request.method == "POST" else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def partner_add(request, pk):
    netwerk, access = netwerk_for(request.user, pk, EDIT)
    form = PartnerForm(request.POST or None, netwerk=netwerk)
    if form.is_valid():
        partner = form.save()
        messages.success(request, _("%(partner)s has been added.") % {"partner": partner})
        return redirect(netwerk.get_absolute_url() + "#partners")
    return render(
        request, "netwerken/partner_form.html", {"netwerk": netwerk, "access": access, "form": form}
    )


@login_required
@require_http_methods(["GET", "POST"])
def partner_edit(request, pk, partner_pk):
    netwerk, access = netwerk_for(request.user, pk, EDIT)
    partner = get_object_or_404(netwerk.partners, pk=partner_pk)
    form = PartnerForm(request.POST or None, instance=partner, netwerk=netwerk)
    if form.is_valid():
        form.save()
        messages.success(request, _("%(partner)s has been saved.") % {"partner": partner})
        return redirect(netwerk.get_absolute_url() + "#partners")
    return render(
        request,
        "netwerken/partner_form.html",
        {"netwerk": netwerk, "access": access, "form": form, "partner": partner},
    )


@login_required
@require_http_methods(["GET", "POST"])
def partner_remove(request, pk, partner_pk):
    netwerk, access = netwerk_for(request.user, pk, EDIT)
    partner = get_object_or_404(
        netwerk.partners.prefetch_related(
            Prefetch("memberships", to_attr="speakers"),
        ),
        pk=partner_pk,
    )
    leads = list(partner.geleide_acties.select_related("od__sd", "nota__ronde"))
    joins = list(partner.acties.select_related("od__sd", "nota__ronde"))
    if request.method == "POST" and not leads:
        partner.delete()
        messages.success(request, _("%(partner)s has been removed.") % {"partner": partner})
        return redirect(netwerk.get_absolute_url() + "#partners")
    return render(
        request,
        "netwerken/partner_confirm_remove.html",
        {"netwerk": netwerk, "access": access, "partner": partner, "leads": leads, "joins": joins},
        status=409 if request.method == "POST" else 200,
    )
