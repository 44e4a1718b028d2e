"""The dossier's side of the one permission mechanism (`netwerken.permissions`).

A dossier can be read by whoever can read its network. What may be done also depends on its
state: the network edits only in the writing states, and partners comment only while the
dossier is open for their comments.
"""

from django.shortcuts import get_object_or_404

from netwerken.models import Membership
from netwerken.permissions import COMMENT, EDIT, VIEW, Access, access_for, require

from .models import Afsprakennota


def dossier_access(user, nota: Afsprakennota) -> Access:
    access = access_for(user, nota.netwerk)
    if not nota.is_editable:
        access = access.without(EDIT)
    only_partner = access.roles == {Membership.Role.PARTNER}
    if only_partner and not nota.open_for_partners:
        access = access.without(COMMENT)
    return access


def dossier_for(user, pk, ability: str = VIEW) -> tuple[Afsprakennota, Access]:
    nota = get_object_or_404(Afsprakennota.objects.select_related("netwerk", "ronde"), pk=pk)
    access = dossier_access(user, nota)
    require(access, ability)
    return nota, access
