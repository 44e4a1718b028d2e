from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from netwerken.keep import form_data, login_required_keeping_post
from netwerken.permissions import EDIT

from .access import dossier_for
from .concurrency import differences, last_editor, rebind_after_conflict, save_or_conflict
from .forms import VisieForm
from .models import Section, Visie
from .views import dossier_context


@login_required_keeping_post
@require_http_methods(["GET", "POST"])
def visie(request, pk):
    nota, access = dossier_for(request.user, pk, EDIT if request.method == "POST" else "view")
    instance = Visie.objects.filter(nota=nota).first() or Visie(nota=nota)
    form = VisieForm(form_data(request), instance=instance) if access.can_edit else None
    conflict = None
    if request.method == "POST" and form.is_valid():
        saved, current = save_or_conflict(form)
        if saved:
            messages.success(request, _("The vision has been saved."))
            return redirect("dossier_visie", pk=nota.pk)
        who, when = last_editor(current)
        conflict = {"rows": differences(form, current), "who": who, "when": when}
        form = rebind_after_conflict(VisieForm, request.POST, current)
    context = dossier_context(
        nota,
        access,
        section=Section.VISIE,
        form=form,
        visie=instance,
        conflict=conflict,
        questions=[(name, label, getattr(instance, name)) for name, label in Visie.QUESTIONS],
    )
    return render(request, "dossiers/visie.html", context, status=409 if conflict else 200)
