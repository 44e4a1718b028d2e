"""What a partner confirms, as a fingerprint: when it changes, the confirmation lapses."""

import hashlib
import json

from .partner_actions import PartnerActions, actions_by_partner


def _described(actie) -> list:
    return [actie.pk, actie.title, actie.description, sorted(actie.years)]


def _actions(acties, mine: PartnerActions) -> list:
    """The partner's actions in the order of `acties`, an action it leads before one it joins
    (the order the stored fingerprints were made in)."""
    roles = {}
    for actie in mine.leads:
        roles.setdefault(actie.pk, []).append("lead")
    for actie in mine.joins:
        roles.setdefault(actie.pk, []).append("partner")
    return [[*_described(a), role] for a in acties for role in roles.get(a.pk, [])]


def partner_fingerprints(partners, acties, by_partner=None) -> dict[int, str]:
    """{partner pk: hash of its involvement and the actions it leads or joins}. `by_partner`:
    the actions per partner when already known (`actions_by_partner(acties)`)."""
    by_partner = actions_by_partner(acties) if by_partner is None else by_partner
    parts = {
        p.pk: {
            "level": p.level,
            "involvement": p.involvement.strip(),
            "future_involvement": p.future_involvement.strip(),
            "actions": _actions(acties, by_partner.get(p.pk) or PartnerActions()),
        }
        for p in partners
    }
    return {
        pk: hashlib.sha256(json.dumps(part, sort_keys=True).encode()).hexdigest()
        for pk, part in parts.items()
    }
