"""The yearly report's content, as one document: what the working year's follow-up recorded and
the network's latest self-scan. The page, the submitted version (frozen with its SHA-256), the
PDF and the Word file all read this one document; the rules for submitting it read it too.

Built in a fixed number of queries, whatever the number of actions.
"""

import hashlib
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from .models import ActieKost, ActieOpvolging, Begrotingspost, Zelfscan
from .models.opvolging import needs_explanation
from .partner_actions import actions_by_partner
from .services_opvolging import budget_totals, metingen, realisaties
from .snapshot import canonical_json, money
from .zelfscan import chart, respondents, spread

FORMAT = "jaarrapport"
FORMAT_VERSION = 1


def build_document(jaarrapport) -> dict:
    """The yearly report as it stands now."""
    werkjaar = jaarrapport.werkjaar
    nota = werkjaar.nota
    with translation.override(settings.LANGUAGE_CODE):
        rows = list(realisaties(werkjaar))
        return {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "made_at": timezone.now().isoformat(timespec="seconds"),
            "year": werkjaar.year,
            "ronde": {
                "name": nota.ronde.name,
                "first_year": nota.ronde.first_year,
                "last_year": nota.ronde.last_year,
            },
            "netwerk": {
                "name": nota.netwerk.name,
                "igs_name": nota.netwerk.igs_name,
                "referentieregio": nota.netwerk.referentieregio,
            },
            "acties": _acties(werkjaar),
            "metingen": [_meting(m) for m in metingen(werkjaar)],
            "begroting": _begroting(rows),
            "reflectiemomenten": [_moment(m) for m in werkjaar.reflectiemomenten.all()],
            "bijsturingen": [
                _bijsturing(b)
                for b in werkjaar.bijsturingen.select_related("actie__od__sd", "post__gemeente")
            ],
            "zelfscan": _zelfscan(nota.netwerk),
        }


def _amount(value) -> str | None:
    return None if value is None else money(value)


def _acties(werkjaar) -> list[dict]:
    rows = (
        ActieOpvolging.objects.filter(werkjaar=werkjaar)
        .select_related("actie__od__sd", "actie__lead_partner")
        .prefetch_related("partners", "actie__partners")
    )
    estimated = dict(
        ActieKost.objects.filter(actie__nota_id=werkjaar.nota_id, year=werkjaar.year).values_list(
            "actie_id", "amount"
        )
    )
    rows = sorted(
        rows,
        key=lambda r: (r.actie.od.sd.position, r.actie.od.position, r.actie.position, r.actie.pk),
    )
    return [_actie(row, estimated.get(row.actie_id)) for row in rows]


def _actie(row, estimated) -> dict:
    actie = row.actie
    return {
        "actie_id": actie.pk,
        "code": actie.code,
        "title": actie.title,
        "status": row.status,
        "status_label": str(capfirst(row.get_status_display())),
        "done": row.done,
        "participants": row.participants,
        "participants_kansengroepen": row.participants_kansengroepen,
        "lead_partner": {"id": actie.lead_partner_id, "name": actie.lead_partner.name}
        if actie.lead_partner_id
        else None,
        "joined_ids": sorted(p.pk for p in actie.partners.all()),
        "took_part": [p.name for p in row.partners.all()],
        "estimated": _amount(estimated),
        "cost": _amount(row.cost),
    }


def _meting(m) -> dict:
    return {
        "actie_code": m.indicator.actie.code,
        "indicator": m.indicator.name,
        "target": m.indicator.target,
        "value": m.value,
        "remark": m.remark,
    }


def _begroting(rows) -> dict:
    """Expenses first, then income, as in the afsprakennota's budget; the totals are the
    follow-up's own (`services_opvolging.budget_totals`)."""
    rows = sorted(rows, key=lambda r: r.post.kind != Begrotingspost.Kind.UITGAVE)
    labels = {
        Begrotingspost.Kind.UITGAVE: _("Total expenses"),
        Begrotingspost.Kind.INKOMST: _("Total income"),
    }
    return {
        "lines": [
            {
                "kind": row.post.kind,
                "kind_label": str(row.post.get_kind_display()),
                "label": str(row.post),
                "planned": money(row.planned),
                "realised": _amount(row.amount),
                "difference": _amount(row.difference),
                "deviates": row.deviates,
                "explanation": row.explanation,
            }
            for row in rows
        ],
        "totals": [
            {
                "kind": kind,
                "label": labels[kind],
                "planned": money(total["planned"]),
                "realised": money(total["realised"]),
                "difference": money(total["realised"] - total["planned"]),
            }
            for kind, total in budget_totals(rows).items()
        ],
    }


def _moment(m) -> dict:
    return {
        "held_on": m.held_on.isoformat(),
        "participants": m.participants,
        "people_in_poverty": m.people_in_poverty,
        "lessons": m.lessons,
        "decisions": m.decisions,
    }


def _bijsturing(b) -> dict:
    return {
        "description": b.description,
        "from_year": b.from_year,
        "status_label": str(capfirst(b.get_status_display())),
        "actie": str(b.actie) if b.actie_id else "",
        "post": str(b.post) if b.post_id else "",
        "amount": _amount(b.amount),
    }


def _zelfscan(netwerk) -> dict | None:
    scan = Zelfscan.objects.filter(netwerk=netwerk).first()
    if scan is None:
        return None
    title = _("Self-scan “%(title)s”: scores per domain") % {"title": scan.title}
    return {
        "title": scan.title,
        "opened_on": scan.opened_on.isoformat(),
        "respondents": respondents(scan),
        "chart_svg": str(chart(spread(scan), title=title)),
    }


# A partner's part: the actions it leads or joins, as the report describes them.


def partners_with_a_part(document: dict) -> dict:
    """{partner pk: its PartnerActions} for the actions of the report (`partner_actions.py`)."""
    return actions_by_partner(
        document["acties"],
        lead=lambda a: a["lead_partner"]["id"] if a["lead_partner"] else None,
        joined=lambda a: a["joined_ids"],
    )


def partner_part(document: dict, partner_id: int) -> list[dict]:
    """The actions a partner leads, then those it joins."""
    part = partners_with_a_part(document).get(partner_id)
    return [*part.leads, *part.joins] if part else []


def partner_fingerprint(document: dict, partner_id: int) -> str:
    return hashlib.sha256(
        canonical_json({"acties": partner_part(document, partner_id)}).encode()
    ).hexdigest()


# The rules for submitting: each returns the Dutch problems it finds (none: the rule is met).


@dataclass(frozen=True)
class Rule:
    title: str
    problems: list
    url: str


def _acties_reported(document) -> list[str]:
    return [
        _("%(code)s %(title)s: say how far the action got, or why it did not start.")
        % {"code": a["code"], "title": a["title"]}
        for a in document["acties"]
        if a["status"] == ActieOpvolging.Status.NIET_GESTART and not a["done"].strip()
    ]


def _budget_realised(document) -> list[str]:
    return [
        _("%(line)s: fill in the realised amount.") % {"line": line["label"]}
        for line in document["begroting"]["lines"]
        if line["realised"] is None
    ]


def _deviations_explained(document) -> list[str]:
    return [
        _("%(line)s: the realised amount differs more than 10 percent from the plan; explain why.")
        % {"line": line["label"]}
        for line in document["begroting"]["lines"]
        if needs_explanation(Decimal(line["planned"]), _decimal(line["realised"]))
        and not line["explanation"].strip()
    ]


def _decimal(value):
    return None if value is None else Decimal(value)


def rules(document: dict, nota_pk: int) -> list[Rule]:
    year = document["year"]
    werkjaar_url = reverse("opvolging_werkjaar", args=[nota_pk, year])
    begroting_url = reverse("opvolging_begroting", args=[nota_pk, year])
    return [
        Rule(_("Every action has its status"), _acties_reported(document), werkjaar_url),
        Rule(
            _("Every budget line has its realised amount"),
            _budget_realised(document),
            begroting_url,
        ),
        Rule(
            _("Every deviation over 10 percent is explained"),
            _deviations_explained(document),
            begroting_url,
        ),
    ]


def ready(document: dict, nota_pk: int) -> bool:
    return not any(rule.problems for rule in rules(document, nota_pk))
