"""What a partner confirms, as a fingerprint: when it changes, the confirmation lapses."""

import hashlib
import json


def partner_fingerprints(partners, acties) -> dict[int, str]:
    """{partner pk: hash of its involvement and the actions it leads or joins}."""
    parts = {
        p.pk: {
            "level": p.level,
            "involvement": p.involvement.strip(),
            "future_involvement": p.future_involvement.strip(),
            "actions": [],
        }
        for p in partners
    }
    for actie in acties:
        described = [actie.pk, actie.title, actie.description, sorted(actie.years)]
        if actie.lead_partner_id in parts:
            parts[actie.lead_partner_id]["actions"].append([*described, "lead"])
        for partner in actie.partners.all():
            if partner.pk in parts:
                parts[partner.pk]["actions"].append([*described, "partner"])
    return {
        pk: hashlib.sha256(json.dumps(part, sort_keys=True).encode()).hexdigest()
        for pk, part in parts.items()
    }
