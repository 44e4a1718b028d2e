"""The one permission mechanism of the project.

Who may do what in a network follows from the person's roles there. The table below is the whole
rule; views, templates and tests all ask `Access`, never the roles themselves.

A person who may not see a network gets 404 (it might as well not exist); one who may see it but
not do what they asked gets 403.
"""

from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from .models import Membership, Netwerk, Partner

VIEW = "view"
EDIT = "edit"  # the network, its partners and municipalities, its dossiers
MANAGE_MEMBERS = "manage_members"
COMMENT = "comment"
# Take the network's steps in the workflow: open the consultation and submit.
SUBMIT = "submit"
CONFIRM = "confirm"  # confirm the involvement of the partner one speaks for
REVIEW = "review"
INTERNAL = "internal"  # publiq-internal notes and comments
# Import indicator values. They are shared by all networks: coordinators may import those of
# the municipalities of their own networks, reviewers and administrators those of all.
IMPORT_VALUES = "import_values"
# Score the network in its self-scan: everyone who works in it, not publiq.
SELF_SCAN = "self_scan"
# Create or change the Flemish reference value of an indicator: it is compared with every
# municipality of every network, so only publiq staff set it.
SET_FLEMISH_REFERENCE = "set_flemish_reference"
# Follow every network of a round: the round overview, the coverage of Flanders, their exports.
# Not tied to one network: see `overall_access`.
OVERSEE = "oversee"
# Record the yearly follow-up of an approved dossier. Unlike EDIT it is not taken away when the
# dossier is frozen: carrying out the plan starts once it is approved.
FOLLOW_UP = "follow_up"
# Create a new network (and then invite its coordinator). Not tied to one network.
CREATE_NETWORK = "create_network"
# Open Django's administration site. Not tied to one network.
USE_ADMIN_SITE = "use_admin_site"

ADMIN = "admin"
REVIEWER = "reviewer"
# Django's own "staff status": the administration site, nothing in the networks.
STAFF = "staff"

ABILITIES: dict[str, frozenset[str]] = {
    ADMIN: frozenset(
        {
            VIEW, EDIT, MANAGE_MEMBERS, COMMENT, SUBMIT, REVIEW, INTERNAL, IMPORT_VALUES,
            SET_FLEMISH_REFERENCE, OVERSEE, FOLLOW_UP, CREATE_NETWORK,
        }
    ),
    Membership.Role.COORDINATOR: frozenset(
        {VIEW, EDIT, MANAGE_MEMBERS, COMMENT, SUBMIT, IMPORT_VALUES, SELF_SCAN, FOLLOW_UP}
    ),
    Membership.Role.PARTNER: frozenset({VIEW, COMMENT, CONFIRM, SELF_SCAN}),
    REVIEWER: frozenset(
        {VIEW, COMMENT, REVIEW, INTERNAL, IMPORT_VALUES, SET_FLEMISH_REFERENCE, OVERSEE}
    ),
    STAFF: frozenset({USE_ADMIN_SITE}),
}


@dataclass(frozen=True)
class Access:
    """What one user may do in one network."""

    roles: frozenset[str] = frozenset()
    partner: Partner | None = None
    abilities: frozenset[str] = field(init=False)

    def __post_init__(self):
        abilities = frozenset().union(*(ABILITIES[role] for role in self.roles))
        object.__setattr__(self, "abilities", abilities)

    def can(self, ability: str) -> bool:
        return ability in self.abilities

    can_view = property(lambda self: self.can(VIEW))
    can_edit = property(lambda self: self.can(EDIT))
    can_manage_members = property(lambda self: self.can(MANAGE_MEMBERS))
    can_comment = property(lambda self: self.can(COMMENT))
    can_confirm = property(lambda self: self.can(CONFIRM))
    can_submit = property(lambda self: self.can(SUBMIT))
    can_review = property(lambda self: self.can(REVIEW))
    can_see_internal = property(lambda self: self.can(INTERNAL))
    can_import_values = property(lambda self: self.can(IMPORT_VALUES))
    can_self_scan = property(lambda self: self.can(SELF_SCAN))
    can_follow_up = property(lambda self: self.can(FOLLOW_UP))
    can_set_flemish_reference = property(lambda self: self.can(SET_FLEMISH_REFERENCE))
    can_oversee = property(lambda self: self.can(OVERSEE))
    can_create_network = property(lambda self: self.can(CREATE_NETWORK))
    can_use_admin_site = property(lambda self: self.can(USE_ADMIN_SITE))

    @property
    def only_partner(self) -> bool:
        """Whether the user is in the network as a partner and nothing else: what such a user
        may do can also depend on the dossier's state (commenting only during consultation)."""
        return self.roles == {Membership.Role.PARTNER}

    def without(self, *abilities: str) -> "Access":
        """The same access with some abilities taken away (e.g. editing a submitted dossier)."""
        access = Access(roles=self.roles, partner=self.partner)
        object.__setattr__(access, "abilities", self.abilities - set(abilities))
        return access

    @property
    def role_label(self) -> str:
        from django.utils.translation import gettext as _

        labels = {
            ADMIN: _("administrator"),
            REVIEWER: _("publiq staff member"),
            Membership.Role.COORDINATOR: _("coordinator"),
            Membership.Role.PARTNER: _("partner"),
        }
        order = [Membership.Role.COORDINATOR, Membership.Role.PARTNER, REVIEWER, ADMIN]
        return ", ".join(str(labels[r]) for r in order if r in self.roles)


NO_ACCESS = Access()


def _global_roles(user) -> set[str]:
    """The roles a user holds in every network, from the flags on their account."""
    roles = set()
    if user.is_superuser:
        roles.add(ADMIN)
    if user.is_reviewer:
        roles.add(REVIEWER)
    return roles


def access_for(user, netwerk: Netwerk) -> Access:
    """The access of `user` to `netwerk` (one query for members, none for others)."""
    if not user.is_authenticated or not user.is_active:
        return NO_ACCESS
    membership = (
        Membership.objects.filter(user=user, netwerk=netwerk).select_related("partner").first()
    )
    if membership is None:
        return member_access(user, None, None)
    return member_access(user, membership.role, membership.partner)


def member_access(user, role: str | None, partner) -> Access:
    """The access of `user`, whose membership of a network (if any) has `role` and `partner`."""
    if not user.is_authenticated or not user.is_active:
        return NO_ACCESS
    roles = _global_roles(user)
    if role:
        roles.add(role)
    return Access(roles=frozenset(roles), partner=partner)


def overall_access(user) -> Access:
    """The access of `user` to what spans all networks (no query): only the roles that do not
    depend on a membership count, so a coordinator or partner has none here."""
    if not user.is_authenticated or not user.is_active:
        return NO_ACCESS
    roles = _global_roles(user)
    if user.is_staff:
        roles.add(STAFF)
    return Access(roles=frozenset(roles))


def require_overall(user, ability: str = OVERSEE) -> Access:
    """404 for whoever may not `ability` across all networks; else their access."""
    access = overall_access(user)
    if not access.can(ability):
        raise Http404
    return access


def require(access: Access, ability: str) -> None:
    """404 for those who may not see the network, 403 for those who may not do this."""
    if not access.can_view:
        raise Http404
    if not access.can(ability):
        raise PermissionDenied


def netwerk_for(user, pk, ability: str = VIEW) -> tuple[Netwerk, Access]:
    """The network `pk` with the user's access, or 404/403 as `require` says."""
    netwerk = get_object_or_404(Netwerk, pk=pk)
    access = access_for(user, netwerk)
    require(access, ability)
    return netwerk, access


def visible_netwerken(user) -> QuerySet:
    """The networks `user` may open: all for whoever may view across networks, else those
    they are a member of."""
    if overall_access(user).can_view:
        return Netwerk.objects.all()
    if not user.is_authenticated or not user.is_active:
        return Netwerk.objects.none()
    return Netwerk.objects.filter(memberships__user=user)


def membership_netwerk_ids(user, ability: str) -> frozenset[int]:
    """The networks in which `user`'s membership alone grants `ability` (one query)."""
    memberships = Membership.objects.filter(user=user).only("netwerk_id", "role")
    return frozenset(m.netwerk_id for m in memberships if ability in ABILITIES[m.role])


def netwerk_partners(netwerk: Netwerk) -> QuerySet:
    """The active users who speak for a partner in `netwerk`."""
    return get_user_model().objects.filter(
        memberships__netwerk=netwerk, memberships__role=Membership.Role.PARTNER, is_active=True
    )


def publiq_reviewers() -> QuerySet:
    """The active publiq staff members: those a dossier can be assigned to for review."""
    return get_user_model().objects.filter(is_reviewer=True, is_active=True)
