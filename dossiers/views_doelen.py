from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from .access import dossier_for
from .models import Section
from .views import dossier_context


@login_required
@require_GET
def tree(request, pk):
    nota, access = dossier_for(request.user, pk)
    context = dossier_context(nota, access, section=Section.DOELSTELLINGEN)
    return render(request, "dossiers/doelen_tree.html", context)
