"""The dossier as one document: a plain, JSON-ready dict of everything in it.

The same document is frozen in a submitted version, compared between versions, rendered as the
read-only dossier and the PDF, and exported. Its format is described in docs/dossier-format.md;
raise FORMAT_VERSION when its meaning changes.

Loading uses `DossierData`, so building a document costs a fixed number of queries.
"""

import hashlib
import json
from decimal import Decimal

from django.conf import settings
from django.utils import timezone, translation

from .analyse_snapshot import analyse_snapshot
from .checklist import DossierData
from .models import Samenwerking, Visie
from .richtext import plain_text

FORMAT = "afsprakennota"
FORMAT_VERSION = 2
# Versions an import still reads: version 1 had no cooperation agreements (samenwerking).
READABLE_VERSIONS = (1, 2)


def money(value) -> str:
    return f"{Decimal(value or 0):.2f}"


def canonical_json(document: dict) -> str:
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def sha256_of(document: dict) -> str:
    return hashlib.sha256(canonical_json(document).encode()).hexdigest()


def build_snapshot(nota, data: DossierData | None = None) -> dict:
    # Labels drawn into the charts are in the users' language, whoever asks (a command, a task).
    with translation.override(settings.LANGUAGE_CODE):
        return _build(nota, data or DossierData(nota))


def _build(nota, data: DossierData) -> dict:
    netwerk, ronde = nota.netwerk, nota.ronde
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "made_at": timezone.now().isoformat(timespec="seconds"),
        "status": nota.status,
        "ronde": {
            "name": ronde.name,
            "deadline": timezone.localtime(ronde.deadline).isoformat(timespec="minutes"),
            "first_year": ronde.first_year,
            "last_year": ronde.last_year,
        },
        "netwerk": {
            "name": netwerk.name,
            "igs_name": netwerk.igs_name,
            "referentieregio": netwerk.referentieregio,
        },
        "gemeenten": [_gemeente(d) for d in data.deelnemers],
        "partners": [_partner(p, data) for p in data.partners],
        "visie": _visie(data.visie),
        "samenwerking": _samenwerking(data),
        "doelstellingen": [_sd(sd) for sd in data.doelen],
        "begroting": _begroting(data),
        "omgevingsanalyse": _omgevingsanalyse(data),
        "zelfevaluatie": _zelfevaluatie(data.zelfevaluatie),
    }


def _zelfevaluatie(item) -> dict | None:
    if item is None or not plain_text(item.text):
        return None
    return {"text": item.text, "text_plain": plain_text(item.text)}


def _gemeente(d) -> dict:
    return {
        "nis_code": d.gemeente.nis_code,
        "name": d.gemeente.name,
        "kind": d.gemeente.kind,
        "contact": {
            "name": d.contact_name,
            "function": d.contact_function,
            "email": d.contact_email,
            "phone": d.contact_phone.as_e164 if d.contact_phone else "",
            "address": d.contact_address,
        },
    }


def partner_key(partner_id) -> str:
    return f"p{partner_id}"


def _partner(p, data) -> dict:
    confirmation = data.confirmations.get(p.pk)
    return {
        "key": partner_key(p.pk),
        "name": p.name,
        "kind": p.kind,
        "gemeente": p.gemeente.nis_code if p.gemeente_id else None,
        "level": p.level,
        "contact": {
            "name": p.contact_name,
            "email": p.contact_email,
            "phone": p.contact_phone.as_e164 if p.contact_phone else "",
        },
        "involvement": p.involvement,
        "future_involvement": p.future_involvement,
        "confirmation": (
            {
                "answer": confirmation.answer,
                "remark": confirmation.remark,
                "by": str(confirmation.by) if confirmation.by else "",
                "at": timezone.localtime(confirmation.at).isoformat(timespec="minutes"),
                "current": confirmation.fingerprint == data.partner_fingerprints.get(p.pk),
            }
            if confirmation
            else None
        ),
    }


def _visie(visie) -> dict | None:
    if visie is None:
        return None
    return {
        "text": visie.text,
        "text_plain": plain_text(visie.text),
        "vorm": visie.vorm,
        "vorm_motivation": visie.vorm_motivation,
        "questions": {name: getattr(visie, name) for name, _label in Visie.QUESTIONS},
        "inspraak": visie.inspraak,
    }


def _samenwerking(data) -> dict | None:
    """The cooperation agreements, or None while nothing of them is written."""
    agreements = data.samenwerking
    if not (agreements or data.overlegorganen or data.monitoringafspraken or data.reflectiemomenten):
        return None
    return {
        "texts": {
            name: getattr(agreements, name) if agreements else ""
            for name, _label, _help in Samenwerking.TEXTS
        },
        "overlegorganen": [
            {
                "name": body.name,
                "purpose": body.purpose,
                "partners": sorted(partner_key(p.pk) for p in body.partners.all()),
                "people": body.people,
                "per_year": body.per_year,
            }
            for body in data.overlegorganen
        ],
        "rollen": [
            {
                "role": r.role,
                "person_name": r.person_name,
                "partner": partner_key(r.partner_id) if r.partner_id else None,
            }
            for r in data.rollen
        ],
        "monitoring": [_monitoring(row) for row in data.monitoringafspraken],
        "reflectiemomenten": [
            {"moment": m.moment, "year": m.year, "participants": m.participants}
            for m in data.reflectiemomenten
        ],
    }


def _monitoring(row) -> dict:
    indicator = row.indicator if row.indicator_id else None
    return {
        "actie": indicator.actie.code if indicator else None,
        "indicator": indicator.name if indicator else None,
        "measure": row.measure,
        "moment": row.moment,
        "by_whom": row.by_whom,
    }


def _sd(sd) -> dict:
    return {
        "key": f"sd{sd.pk}",
        "code": sd.code,
        "title": sd.title,
        "description": sd.description,
        "ods": [_od(sd, od) for od in sd.operationele_doelstellingen.all()],
    }


def _od(sd, od) -> dict:
    od.sd = sd  # codes read the parent's position; avoid a query per objective
    return {
        "key": f"od{od.pk}",
        "code": od.code,
        "title": od.title,
        "description": od.description,
        "acties": [_actie(od, a) for a in od.acties.all()],
    }


def _actie(od, a) -> dict:
    a.od = od
    return {
        "key": f"a{a.pk}",
        "code": a.code,
        "title": a.title,
        "description": a.description,
        "years": sorted(a.years),
        "lead_partner": partner_key(a.lead_partner_id) if a.lead_partner_id else None,
        "partners": sorted(partner_key(p.pk) for p in a.partners.all()),
        "doelgroepen": list(a.doelgroepen),
        "drempels": list(a.drempels),
        "inspraak": a.inspraak,
        "indicators": [{"name": i.name, "target": i.target} for i in a.indicators.all()],
        "costs": {str(k.year): money(k.amount) for k in a.kosten.all()},
    }


def _begroting(data) -> dict:
    years = data.ronde.years
    lines = []
    for post in data.begrotingsposten:
        if not post.bedragen.all() and not post.note:
            continue  # a line that was typed in and emptied again
        amounts = {str(b.year): money(b.amount) for b in post.bedragen.all()}
        lines.append(
            {
                "key": f"b{post.pk}",
                "kind": post.kind,
                "category": post.category,
                "label": str(post),
                "gemeente": post.gemeente.nis_code if post.gemeente_id else None,
                "note": post.note,
                "amounts": {str(y): amounts.get(str(y), money(0)) for y in years},
            }
        )
    return {"years": years, "lines": lines}


def _omgevingsanalyse(data) -> dict | None:
    return analyse_snapshot(data)
