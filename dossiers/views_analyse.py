"""The omgevingsanalyse of a dossier: the hub, the figures, the network picture; and the
dashboard of a network."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from analyses.figures import build_figures, dashboard_cards
from analyses.models import Indicator
from analyses.netwerkbeeld import netwerkbeeld
from netwerken.keep import form_data, login_required_keeping_post
from netwerken.permissions import EDIT, VIEW, netwerk_for

from . import analyse_questions as questions
from .access import dossier_for
from .analyse_figures import indicators_fingerprint
from .checklist import DossierData
from .concurrency import save_form
from .forms_analyse import IndicatorChoiceForm, InterpretationForm
from .fragments import PageAddress, cached_fragment
from .models import GekozenIndicator, Section
from .services_analyse import analyse_choose_indicators
from .views import dossier_context


def analyse_context(nota, access, data=None, *, page, **extra):
    data = data or DossierData(nota)
    return dossier_context(
        nota, access, data, section=Section.OMGEVINGSANALYSE, analyse_page=page, **extra
    )


def _figures(nota, data):
    return build_figures(
        [(k.indicator, k) for k in data.analyse_keuzes],
        [d.gemeente for d in data.deelnemers],
        prefix=f"d{nota.pk}",
    )


@login_required
@require_GET
def hub(request, pk):
    nota, access = dossier_for(request.user, pk)
    data = DossierData(nota)
    context = analyse_context(
        nota, access, data, page="overzicht", can_import=access.can_import_values
    )

    def parts():
        analyses = [
            (kind, label, data.kwalitatieve_analyses.get(kind), len(questions.QUESTIONS[kind]))
            for kind, label in questions.KINDS
        ]
        return {
            "keuzes": data.analyse_keuzes,
            "aantallen": data.analyse_aantallen,
            "analyses": analyses,
        }

    # The indicators' own names (set by publiq) are not in the dossier's revision.
    context["parts"] = cached_fragment(
        request, context, "dossiers/analyse/includes/_hub_parts.html", parts,
        fresh_with=(indicators_fingerprint(nota),),
    )
    return render(request, "dossiers/analyse/hub.html", context)


@login_required
@require_GET
def cijfers(request, pk):
    nota, access = dossier_for(request.user, pk)
    data = DossierData(nota)
    context = analyse_context(
        nota, access, data, page="cijfers", can_import=access.can_import_values
    )

    def figures():
        return {
            "figures": _figures(nota, data),
            "can_import": access.can_import_values,
            "request": PageAddress.of(request),
        }

    # The indicators' own texts (set by publiq) are not in the dossier's revision.
    context["figures"] = cached_fragment(
        request, context, "dossiers/analyse/includes/_figures.html", figures,
        fresh_with=(indicators_fingerprint(nota),),
    )
    return render(request, "dossiers/analyse/cijfers.html", context)


@login_required_keeping_post
@require_http_methods(["GET", "POST"])
def indicatoren(request, pk):
    nota, access = dossier_for(request.user, pk, EDIT)
    data = DossierData(nota)
    form = IndicatorChoiceForm(form_data(request), nota=nota)
    if request.method == "POST" and form.is_valid():
        added, removed = analyse_choose_indicators(
            nota=nota, indicators=form.cleaned_data["indicators"]
        )
        if added or removed:
            messages.success(
                request,
                _("The choice of indicators has been saved: %(added)s added, %(removed)s removed.")
                % {"added": len(added), "removed": len(removed)},
            )
        else:
            messages.info(request, _("Nothing changed in the choice of indicators."))
        return redirect("analyse_cijfers", pk=nota.pk)
    dekking = data.analyse_dekking
    n_gemeenten = len(data.deelnemers)
    options = [
        (indicator, len(dekking.get(indicator.pk, ())), n_gemeenten)
        for indicator in form.fields["indicators"].queryset
    ]
    context = analyse_context(nota, access, data, page="cijfers", form=form, options=options)
    return render(request, "dossiers/analyse/indicatoren.html", context)


@login_required_keeping_post
@require_http_methods(["GET", "POST"])
def duiding(request, pk, keuze_pk):
    nota, access = dossier_for(request.user, pk, EDIT if request.method == "POST" else VIEW)
    keuze = get_object_or_404(GekozenIndicator.objects.select_related("indicator"), pk=keuze_pk, nota=nota)
    form = InterpretationForm(form_data(request), instance=keuze) if access.can_edit else None
    url = reverse("analyse_cijfers", args=[nota.pk])
    result = save_form(
        request, form,
        message=_("What %(indicator)s means for the network has been saved.")
        % {"indicator": keuze.indicator},
        success_url=f"{url}#indicator-{keuze.indicator.code}",
    )
    if result.done:
        return result.done
    data = DossierData(nota)
    figures = build_figures(
        [(keuze.indicator, keuze)], [d.gemeente for d in data.deelnemers], prefix=f"d{nota.pk}"
    )
    context = analyse_context(
        nota, access, data, page="cijfers", keuze=keuze, form=result.form,
        conflict=result.conflict, figure=figures[0],
    )
    return render(request, "dossiers/analyse/duiding.html", context, status=result.status)


@login_required
@require_GET
def netwerkbeeld_view(request, pk):
    nota, access = dossier_for(request.user, pk)
    data = DossierData(nota)
    context = analyse_context(nota, access, data, page="netwerkbeeld")
    context["picture"] = cached_fragment(
        request, context, "dossiers/analyse/includes/_netwerkbeeld.html",
        lambda: {"beeld": netwerkbeeld(data.deelnemers, data.partners)},
    )
    return render(request, "dossiers/analyse/netwerkbeeld.html", context)


@login_required
@require_GET
def dashboard(request, pk):
    netwerk, access = netwerk_for(request.user, pk)
    dossiers = list(netwerk.dossiers.select_related("ronde"))
    followed = GekozenIndicator.objects.filter(nota__netwerk=netwerk).values("indicator")
    chosen = Indicator.objects.filter(pk__in=followed).order_by("name")
    gemeenten = [d.gemeente for d in netwerk.deelnemende_gemeenten.select_related("gemeente")]
    figures = build_figures([(i, None) for i in chosen], gemeenten, prefix=f"n{netwerk.pk}")
    context = {
        "netwerk": netwerk,
        "access": access,
        "cards": dashboard_cards(figures),
        "dossiers": dossiers,
        "can_import": access.can_import_values,
    }
    return render(request, "dossiers/analyse/dashboard.html", context)
