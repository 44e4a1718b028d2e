from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from netwerken.keep import form_data, login_required_keeping_post
from netwerken.permissions import EDIT

from .access import dossier_for
from .concurrency import save_form
from .forms import VisieForm
from .fragments import cached_fragment
from .models import Section, Visie
from .views import dossier_context


@login_required_keeping_post
@require_http_methods(["GET", "POST"])
def visie(request, pk):
    nota, access = dossier_for(request.user, pk, EDIT if request.method == "POST" else "view")
    instance = Visie.objects.filter(nota=nota).first() or Visie(nota=nota)
    form = VisieForm(form_data(request), instance=instance) if access.can_edit else None
    result = save_form(
        request, form, message=_("The vision has been saved."),
        success_url=reverse("dossier_visie", args=[nota.pk]),
    )
    if result.done:
        return result.done
    context = dossier_context(
        nota,
        access,
        section=Section.VISIE,
        form=result.form,
        visie=instance,
        conflict=result.conflict,
        questions=[(name, label, getattr(instance, name)) for name, label in Visie.QUESTIONS],
    )
    if result.form is not None and not result.form.is_bound:  # the form as stored: the same
        # for every editor until the next revision, so rendered once (crispy is slow)
        shown = {"form": result.form, "questions": context["questions"], "conflict": None}
        context["form_part"] = cached_fragment(request, context, _FORM, lambda: shown)
    return render(request, "dossiers/visie.html", context, status=result.status)


_FORM = "dossiers/includes/_visie_form.html"
