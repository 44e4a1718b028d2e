"""The dossier's side of the one permission mechanism (`netwerken.permissions`).

A dossier can be read by whoever can read its network. What may be done also depends on its
state: the network edits only in the writing states, and partners comment only while the
dossier is open for their comments.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404

from netwerken.permissions import (
    COMMENT,
    EDIT,
    OVERSEE,
    VIEW,
    Access,
    access_for,
    require,
    require_overall,
)

from .models import Afsprakennota, Indienronde


def dossier_access(user, nota: Afsprakennota) -> Access:
    access = access_for(user, nota.netwerk)
    if not nota.is_editable:
        access = access.without(EDIT)
    if access.only_partner and not nota.open_for_partners:
        access = access.without(COMMENT)
    return access


def dossier_for(user, pk, ability: str = VIEW) -> tuple[Afsprakennota, Access]:
    nota = get_object_or_404(Afsprakennota.objects.select_related("netwerk", "ronde"), pk=pk)
    access = dossier_access(user, nota)
    require(access, ability)
    return nota, access


def ronde_for(user, pk=None, ability: str = OVERSEE) -> tuple[Indienronde, Access]:
    """A round seen across all networks (the current one when `pk` is None): 404 for whoever
    may not do `ability` across networks, and when there is no such round."""
    access = require_overall(user, ability)
    if pk is None:
        ronde = Indienronde.objects.current()
        if ronde is None:
            raise Http404
        return ronde, access
    return get_object_or_404(Indienronde, pk=pk), access
