"""The dossier's side of the one permission mechanism (`netwerken.permissions`).

A dossier can be read by whoever can read its network. Editing also needs the dossier to be in
a state that allows it.
"""

from django.shortcuts import get_object_or_404

from netwerken.permissions import EDIT, VIEW, Access, access_for, require

from .models import Afsprakennota


def dossier_access(user, nota: Afsprakennota) -> Access:
    access = access_for(user, nota.netwerk)
    if not nota.is_editable:
        access = access.without(EDIT)
    return access


def dossier_for(user, pk, ability: str = VIEW) -> tuple[Afsprakennota, Access]:
    nota = get_object_or_404(Afsprakennota.objects.select_related("netwerk", "ronde"), pk=pk)
    access = dossier_access(user, nota)
    require(access, ability)
    return nota, access
