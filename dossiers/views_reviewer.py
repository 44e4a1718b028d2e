"""publiq staff take a dossier to review it themselves (an administrator can also assign one in
the admin). Only for those who review across networks; everyone else gets 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netwerken.permissions import REVIEW, require_overall

from .models import Afsprakennota


@login_required
@require_POST
def take(request, pk):
    require_overall(request.user, REVIEW)
    nota = get_object_or_404(Afsprakennota.objects.select_related("netwerk", "reviewer"), pk=pk)
    if nota.take_review(request.user):
        messages.success(request, _("You review the dossier of %(netwerk)s.") % {"netwerk": nota.netwerk})
    else:
        messages.error(
            request,
            _("%(person)s already reviews this dossier; an administrator can assign it to someone else.")
            % {"person": nota.reviewer},
        )
    back = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return redirect(back)
    return redirect("dossier_review", pk=nota.pk)
