"""The yearly follow-up of an approved dossier: the working years, one year's page and the
pages where the coordinator records what happened. Partners and publiq read along."""

from concurrency.exceptions import RecordModifiedError
from concurrency.forms import get_signer
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from netwerken.keep import form_data, login_required_keeping_post
from netwerken.permissions import FOLLOW_UP, VIEW, require

from .access import dossier_for
from .concurrency import save_form
from .forms_opvolging import (
    ActieOpvolgingForm,
    BijsturingForm,
    MetingFormSet,
    RealisatieFormSet,
    ReflectiemomentForm,
)
from .models import Bijsturing, Jaarrapport, Reflectiemoment, Werkjaar
from .states import EDITABLE as REPORT_EDITABLE
from .services_opvolging import (
    actie_opvolgingen,
    budget_totals,
    has_follow_up,
    metingen,
    realisaties,
    werkjaar_start,
    werkjaren_overview,
)
from .views import dossier_context
from .vocab import Doelgroep


def _follow_up_for(user, pk, ability):
    """The approved dossier with the user's access; a dossier that is not approved has none."""
    nota, access = dossier_for(user, pk, ability)
    if not has_follow_up(nota):
        raise Http404
    return nota, access


def _werkjaar(nota, year) -> Werkjaar:
    werkjaar = get_object_or_404(Werkjaar, nota=nota, year=year)
    werkjaar.nota = nota
    return werkjaar


def _year_for(user, pk, year, ability):
    """The approved dossier, one working year and the user's access to its follow-up. Once the
    year's report is submitted its follow-up is read-only, until publiq sends it back: the
    version publiq reviews and the pages behind it stay the same."""
    nota, access = _follow_up_for(user, pk, VIEW)
    jaar = _werkjaar(nota, year)
    jaar.report_frozen = Jaarrapport.objects.filter(werkjaar=jaar).exclude(
        status__in=REPORT_EDITABLE
    ).exists()
    if jaar.report_frozen:
        access = access.without(FOLLOW_UP)
    require(access, ability)
    return nota, access, jaar


def _werkjaar_url(nota, jaar) -> str:
    return reverse("opvolging_werkjaar", kwargs={"pk": nota.pk, "year": jaar.year})


def _ability(request):
    return FOLLOW_UP if request.method == "POST" else VIEW


def _render(request, template, nota, access, status=200, **extra):
    return render(request, template, dossier_context(nota, access, **extra), status=status)


@login_required_keeping_post
@require_http_methods(["GET", "POST"])
def opvolging(request, pk):
    nota, access = _follow_up_for(request.user, pk, _ability(request))
    if request.method == "POST":
        try:
            year = int(request.POST.get("year", ""))
        except ValueError:
            year = None
        if year not in nota.ronde.years:
            messages.error(request, _("Choose a working year of the round."))
            return redirect("opvolging", pk=nota.pk)
        try:
            werkjaar_start(nota=nota, year=year, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("opvolging", pk=nota.pk)
        return redirect("opvolging_werkjaar", pk=nota.pk, year=year)
    return _render(
        request, "dossiers/opvolging/overview.html", nota, access, years=werkjaren_overview(nota)
    )


@login_required_keeping_post
@require_http_methods(["GET"])
def werkjaar(request, pk, year):
    nota, access, jaar = _year_for(request.user, pk, year, VIEW)
    rows = list(realisaties(jaar))
    momenten = list(jaar.reflectiemomenten.all())
    return _render(
        request, "dossiers/opvolging/werkjaar.html", nota, access,
        werkjaar=jaar, acties=actie_opvolgingen(jaar), metingen=list(metingen(jaar)),
        realisaties=rows, totals=budget_totals(rows), reflectiemomenten=momenten,
        bijsturingen=list(jaar.bijsturingen.select_related("actie__od__sd", "post__gemeente", "reflectiemoment")),
    )


@login_required_keeping_post
@require_http_methods(["GET", "POST"])
def opvolging_actie(request, pk, year, actie_pk):
    nota, access, jaar = _year_for(request.user, pk, year, FOLLOW_UP)
    row = get_object_or_404(jaar.acties.select_related("actie__od__sd"), actie_id=actie_pk)
    partners = nota.netwerk.partners.all()
    form = ActieOpvolgingForm(form_data(request), instance=row, partners=partners)
    result = save_form(
        request, form,
        message=_("The follow-up of %(code)s has been saved.") % {"code": row.actie.code},
        success_url=_werkjaar_url(nota, jaar), form_kwargs={"partners": partners},
    )
    if result.done:
        return result.done
    return _render(
        request, "dossiers/opvolging/actie_form.html", nota, access, status=result.status,
        werkjaar=jaar, row=row, form=result.form, conflict=result.conflict,
        doelgroepen=[Doelgroep(g).label for g in row.actie.doelgroepen if g in Doelgroep.values],
    )


def _save_formset(formset) -> bool:
    """All rows or none; False when someone else saved one of them in the meantime."""
    try:
        with transaction.atomic():
            formset.save()
    except RecordModifiedError:
        return False
    return True


def _rebound(formset_class, data, queryset, prefix="form"):
    """The person's typing again, now on the stored versions, so that saving again is deliberate."""
    data = data.copy()
    current = {obj.pk: obj for obj in queryset}
    signer = get_signer()
    for i in range(int(data.get(f"{prefix}-TOTAL_FORMS", 0))):
        obj = current.get(int(data.get(f"{prefix}-{i}-id") or 0))
        if obj is not None:
            data[f"{prefix}-{i}-version"] = signer.sign(obj.version)
    return formset_class(data, queryset=queryset)


def _formset_page(request, pk, year, formset_class, rows_of, template, saved_message):
    nota, access, jaar = _year_for(request.user, pk, year, FOLLOW_UP)
    formset = formset_class(form_data(request), queryset=rows_of(jaar))
    conflict = None
    if request.method == "POST" and formset.is_valid():
        if _save_formset(formset):
            messages.success(request, saved_message)
            return redirect("opvolging_werkjaar", pk=nota.pk, year=jaar.year)
        conflict = {"rows": []}
        formset = _rebound(formset_class, request.POST, rows_of(jaar))
    return _render(
        request, template, nota, access, status=409 if conflict else 200,
        werkjaar=jaar, formset=formset, conflict=conflict,
    )


@login_required_keeping_post
@require_http_methods(["GET", "POST"])
def opvolging_indicatoren(request, pk, year):
    return _formset_page(
        request, pk, year, MetingFormSet, metingen, "dossiers/opvolging/indicatoren.html",
        _("The measured values have been saved."),
    )


@login_required_keeping_post
@require_http_methods(["GET", "POST"])
def opvolging_begroting(request, pk, year):
    return _formset_page(
        request, pk, year, RealisatieFormSet, realisaties, "dossiers/opvolging/begroting.html",
        _("The realised budget has been saved."),
    )


def _item_page(request, pk, year, model, item_pk, form_class, template, saved_message, **form_kwargs):
    nota, access, jaar = _year_for(request.user, pk, year, FOLLOW_UP)
    if item_pk is None:
        instance = model(werkjaar=jaar)
    else:
        instance = get_object_or_404(model, werkjaar=jaar, pk=item_pk)
    kwargs = {"werkjaar": jaar} if form_kwargs.get("with_werkjaar") else {}
    form = form_class(form_data(request), instance=instance, **kwargs)
    result = save_form(
        request, form, message=saved_message, success_url=_werkjaar_url(nota, jaar),
        form_kwargs=kwargs,
    )
    if result.done:
        return result.done
    return _render(
        request, template, nota, access, status=result.status,
        werkjaar=jaar, form=result.form, item=instance, conflict=result.conflict,
    )


@login_required_keeping_post
@require_http_methods(["GET", "POST"])
def reflectie(request, pk, year, item_pk=None):
    return _item_page(
        request, pk, year, Reflectiemoment, item_pk, ReflectiemomentForm,
        "dossiers/opvolging/reflectie_form.html", _("The reflection moment has been saved."),
    )


@login_required_keeping_post
@require_http_methods(["GET", "POST"])
def bijsturing(request, pk, year, item_pk=None):
    return _item_page(
        request, pk, year, Bijsturing, item_pk, BijsturingForm,
        "dossiers/opvolging/bijsturing_form.html", _("The proposed change has been saved."),
        with_werkjaar=True,
    )
