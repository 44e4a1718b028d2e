"""Which actions a partner leads and which it joins: computed here only.

The partners page, the confirmation page, the load per partner, the checklist, the fingerprint a
confirmation is checked against, and the document (PDF and Word, read from a version's
snapshot) all ask this one function. It works on actions as models and as the snapshot's dicts:
`lead` and `joined` say where an action keeps its lead partner and its other partners.
"""

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class PartnerActions:
    """The actions of one partner, each list in the order of the actions."""

    leads: list = field(default_factory=list)
    joins: list = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.leads) + len(self.joins)

    def __bool__(self) -> bool:
        return bool(self.leads or self.joins)


def _lead_of(actie) -> Hashable | None:
    return actie.lead_partner_id


def _joined_by(actie) -> Iterable[Hashable]:
    return [partner.pk for partner in actie.partners.all()]


def actions_by_partner(
    acties: Iterable[Any],
    *,
    lead: Callable[[Any], Hashable | None] = _lead_of,
    joined: Callable[[Any], Iterable[Hashable]] = _joined_by,
) -> dict[Hashable, PartnerActions]:
    """{partner key: its PartnerActions} for every partner that leads or joins an action. By
    default for Actie models (their partners prefetched), keyed by the partner's pk."""
    found: dict[Hashable, PartnerActions] = {}
    for actie in acties:
        key = lead(actie)
        if key is not None:
            found.setdefault(key, PartnerActions()).leads.append(actie)
        for key in joined(actie):
            found.setdefault(key, PartnerActions()).joins.append(actie)
    return found
