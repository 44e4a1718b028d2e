from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from dossiers.access import dossier_for
from dossiers.models import Section
from dossiers.views import dossier_context


@login_required
@require_GET
def dossier_analyse(request, pk):
    nota, access = dossier_for(request.user, pk)
    context = dossier_context(nota, access, section=Section.OMGEVINGSANALYSE)
    return render(request, "analyses/dossier_analyse.html", context)
