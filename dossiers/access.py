"""The dossier's side of the one permission mechanism (`netwerken.permissions`).

A dossier can be read by whoever can read its network. What may be done also depends on its
state: the network edits only in the writing states, and partners comment only while the
dossier is open for their comments.
"""

from django.db.models import OuterRef, Subquery
from django.http import Http404
from django.shortcuts import get_object_or_404

from netwerken.models import Membership, Netwerk, Partner
from netwerken.permissions import (
    COMMENT,
    EDIT,
    OVERSEE,
    VIEW,
    Access,
    access_for,
    member_access,
    require,
    require_overall,
)
from netwerken.prepared import PreparedQuery, columns, instance

from .models import Afsprakennota, Indienronde


def dossier_access(user, nota: Afsprakennota) -> Access:
    return _limited(access_for(user, nota.netwerk), nota)


def _limited(access: Access, nota: Afsprakennota) -> Access:
    """The network's access, less what the dossier's state does not allow."""
    if not nota.is_editable:
        access = access.without(EDIT)
    if access.only_partner and not nota.open_for_partners:
        access = access.without(COMMENT)
    return access


def dossier_for(user, pk, ability: str = VIEW) -> tuple[Afsprakennota, Access]:
    """The dossier `pk` (with its network and round) and the user's access, read in one query
    (every dossier page starts here); 404/403 as `require` says."""
    if not user.is_authenticated:
        raise Http404
    rows = _DOSSIER_AND_MEMBERSHIP.rows(int(pk), user.pk)
    if not rows:
        raise Http404
    nota, role, partner_id = _dossier_of(rows[0])
    partner = Partner.objects.get(pk=partner_id) if partner_id else None
    access = _limited(member_access(user, role, partner), nota)
    require(access, ability)
    return nota, access


def _dossier_and_membership(pk, user_id):
    member = Membership.objects.filter(user_id=user_id, netwerk_id=OuterRef("netwerk_id"))
    member = member.order_by("pk")
    return Afsprakennota.objects.filter(pk=pk).values_list(
        *columns(Afsprakennota),
        *columns(Netwerk, "netwerk__"),
        *columns(Indienronde, "ronde__"),
        Subquery(member.values("role")[:1]),
        Subquery(member.values("partner_id")[:1]),
    )


_DOSSIER_AND_MEMBERSHIP = PreparedQuery(_dossier_and_membership, 2)


def _dossier_of(row):
    """(dossier with its network and round, membership role, membership partner id)."""
    netwerk_at = len(Afsprakennota._meta.concrete_fields)
    ronde_at = netwerk_at + len(Netwerk._meta.concrete_fields)
    nota = instance(Afsprakennota, row)
    netwerk, ronde = instance(Netwerk, row, netwerk_at), instance(Indienronde, row, ronde_at)
    Afsprakennota._meta.get_field("netwerk").set_cached_value(nota, netwerk)
    Afsprakennota._meta.get_field("ronde").set_cached_value(nota, ronde)
    return nota, row[-2], row[-1]


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
