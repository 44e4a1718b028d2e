"""What changed between two dossier documents (see snapshot.py), section by section.

Texts are compared word by word (difflib from the standard library) and shown with <ins> and
<del>; objectives, actions, partners, municipalities and budget lines are matched by their key.
"""

import difflib
import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from netwerken.models import Beheerrol
from netwerken.numbers import format_euro

from . import analyse_questions as questions
from .budget_totals import document_totals
from .models import Bevraging, Samenwerking, Section, SwotItem
from .richtext import plain_text
from .vocab import Doelgroep, Drempel

_TOKENS = re.compile(r"\s+|[^\s]+")


def inline_diff(old: str, new: str):
    """HTML of `new` with removed words in <del> and added words in <ins>."""
    a, b = _TOKENS.findall(old or ""), _TOKENS.findall(new or "")
    out = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(escape("".join(a[i1:i2])))
            continue
        if op in {"delete", "replace"}:
            out.append(f"<del>{escape(''.join(a[i1:i2]))}</del>")
        if op in {"insert", "replace"}:
            out.append(f"<ins>{escape(''.join(b[j1:j2]))}</ins>")
    return mark_safe("".join(out))


@dataclass
class Change:
    kind: str  # "added", "removed", "changed"
    label: str
    details: list = field(default_factory=list)  # [(field label, html or text)]


@dataclass
class SectionDiff:
    section: str
    label: str
    changes: list[Change] = field(default_factory=list)
    totals: list = field(default_factory=list)


def _text_changes(pairs):
    """[(label, old, new)] -> [(label, inline diff)] for the texts that differ."""
    return [(label, inline_diff(old, new)) for label, old, new in pairs if (old or "") != (new or "")]


def _as_text(value) -> str:
    """Lists, mappings and lists of mappings as a short readable text."""
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_as_text(v)}" for k, v in value.items())
    if isinstance(value, list):
        return "; ".join(_as_text(v) if isinstance(v, dict) else str(v) for v in value)
    return "" if value is None else str(value)


def _by_key(items):
    return {item["key"]: item for item in items}


def _compare_items(old_items, new_items, label, fields):
    changes = []
    old, new = _by_key(old_items), _by_key(new_items)
    for key, item in new.items():
        if key not in old:
            changes.append(Change("added", label(item)))
            continue
        details = _text_changes(
            [(name, _as_text(old[key].get(f)), _as_text(item.get(f))) for f, name in fields]
        )
        if details:
            changes.append(Change("changed", label(item), details))
    for key, item in old.items():
        if key not in new:
            changes.append(Change("removed", label(item)))
    return changes


def _with_partner_names(document: dict) -> dict:
    """A copy in which actions name their partners instead of referring to them by key."""
    import copy

    document = copy.deepcopy(document)
    names = {p["key"]: p["name"] for p in document.get("partners", [])}
    for sd in document.get("doelstellingen", []):
        for od in sd["ods"]:
            for actie in od["acties"]:
                actie["lead_partner"] = names.get(actie["lead_partner"], "")
                actie["partners"] = sorted(names.get(k, k) for k in actie["partners"])
    return document


def compare(old: dict, new: dict) -> list[SectionDiff]:
    old, new = _with_partner_names(old), _with_partner_names(new)
    sections = {value: SectionDiff(value, str(label)) for value, label in Section.choices}

    names = {g["nis_code"]: g["name"] for g in [*old.get("gemeenten", []), *new.get("gemeenten", [])]}
    sections[Section.OMGEVINGSANALYSE].changes = _analyse(
        _with_gemeente_names(old.get("omgevingsanalyse") or {}, names),
        _with_gemeente_names(new.get("omgevingsanalyse") or {}, names),
    )

    ov, nv = old.get("visie") or {}, new.get("visie") or {}
    details = _text_changes(
        [(_("Vision"), ov.get("text_plain", ""), nv.get("text_plain", "")),
         (_("Form of participation"), ov.get("vorm", ""), nv.get("vorm", "")),
         (_("Why this form"), ov.get("vorm_motivation", ""), nv.get("vorm_motivation", ""))]
        + [
            (name, (ov.get("questions") or {}).get(name, ""), (nv.get("questions") or {}).get(name, ""))
            for name in sorted(set(ov.get("questions") or {}) | set(nv.get("questions") or {}))
        ]
    )
    if details:
        sections[Section.VISIE].changes.append(Change("changed", _("Vision"), details))

    fields_sd = [("title", _("Title")), ("description", _("Description"))]
    fields_actie = fields_sd + [
        ("years", _("Working years")),
        ("lead_partner", _("Lead partner")),
        ("partners", _("Other partners")),
        ("costs", _("Estimated costs")),
        ("indicators", _("Indicators")),
    ]
    code_title = lambda item: f"{item['code']} {item['title']}"  # noqa: E731
    old_sds, new_sds = old.get("doelstellingen", []), new.get("doelstellingen", [])
    doel_changes = _compare_items(old_sds, new_sds, code_title, fields_sd)
    old_ods = [od for sd in old_sds for od in sd["ods"]]
    new_ods = [od for sd in new_sds for od in sd["ods"]]
    doel_changes += _compare_items(old_ods, new_ods, code_title, fields_sd)
    doel_changes += _compare_items(
        [a for od in old_ods for a in od["acties"]],
        [a for od in new_ods for a in od["acties"]],
        code_title,
        fields_actie,
    )
    sections[Section.DOELSTELLINGEN].changes = doel_changes

    sections[Section.PARTNERS].changes = _compare_items(
        old.get("partners", []),
        new.get("partners", []),
        lambda p: p["name"],
        [("involvement", _("Involved today")), ("future_involvement", _("Will be involved")),
         ("level", _("Involvement level"))],
    )

    gemeente_key = lambda items: [{**g, "key": g["nis_code"]} for g in items]  # noqa: E731
    sections[Section.GEMEENTEN].changes = _compare_items(
        gemeente_key(old.get("gemeenten", [])),
        gemeente_key(new.get("gemeenten", [])),
        lambda g: g["name"],
        [("contact", _("Contact"))],
    )

    sections[Section.SAMENWERKING].changes = _samenwerking(old, new)
    sections[Section.BEGROTING].changes, sections[Section.BEGROTING].totals = _budget(old, new)
    return list(sections.values())


def _samenwerking(old_doc, new_doc):
    """The agreements' texts word by word; bodies, roles, monitoring lines and reflection moments
    matched by what identifies them (they have no key). Version 1 documents have none of it."""
    names = {p["key"]: p["name"] for p in [*old_doc.get("partners", []), *new_doc.get("partners", [])]}
    old, new = old_doc.get("samenwerking") or {}, new_doc.get("samenwerking") or {}
    ot, nt = old.get("texts") or {}, new.get("texts") or {}
    details = _text_changes(
        [(str(label), plain_text(ot.get(name, "")), plain_text(nt.get(name, "")))
         for name, label, _help in Samenwerking.TEXTS]
    )
    changes = [Change("changed", _("Cooperation agreements"), details)] if details else []
    named = lambda bodies: [  # noqa: E731
        {**b, "partners": sorted(names.get(k, k) for k in b.get("partners", []))} for b in bodies
    ]
    changes += _compare_items(
        _keyed(named(old.get("overlegorganen", [])), "name"),
        _keyed(named(new.get("overlegorganen", [])), "name"),
        lambda b: _("Consultation body “%(name)s”") % {"name": b["name"]},
        [("purpose", _("Purpose")), ("partners", _("Partners")), ("people", _("Other people")),
         ("per_year", _("Meetings a year"))],
    )
    roles = dict(Beheerrol.choices)
    role = lambda r: f"{roles.get(r['role'], r['role'])}: {r['person_name']}"  # noqa: E731
    old_roles, new_roles = {role(r) for r in old.get("rollen", [])}, {role(r) for r in new.get("rollen", [])}
    changes += [Change("added", _("Network role – %(item)s") % {"item": r}) for r in sorted(new_roles - old_roles)]
    changes += [Change("removed", _("Network role – %(item)s") % {"item": r}) for r in sorted(old_roles - new_roles)]
    measured = lambda m: " · ".join(x for x in [m.get("actie"), m.get("indicator"), m.get("measure")] if x)  # noqa: E731
    changes += _compare_items(
        _keyed([{**m, "what": measured(m)} for m in old.get("monitoring", [])], "what"),
        _keyed([{**m, "what": measured(m)} for m in new.get("monitoring", [])], "what"),
        lambda m: _("Monitoring: %(what)s") % {"what": m["what"]},
        [("moment", _("When")), ("by_whom", _("By whom"))],
    )
    changes += _compare_items(
        _keyed(old.get("reflectiemomenten", []), "year", "moment"),
        _keyed(new.get("reflectiemomenten", []), "year", "moment"),
        lambda m: _("Reflection moment: %(moment)s (%(year)s)") % {
            "moment": m["moment"], "year": m["year"] or _("every year")},
        [("participants", _("Who takes part"))],
    )
    return changes


def _budget(old, new):
    ob, nb = old.get("begroting") or {"years": [], "lines": []}, new.get("begroting") or {"years": [], "lines": []}
    changes = []
    old_lines, new_lines = _by_key(ob["lines"]), _by_key(nb["lines"])
    euro = lambda amount: format_euro(Decimal(amount))  # noqa: E731
    for key, line in new_lines.items():
        before = old_lines.get(key)
        if before is None:
            amounts = [(year, euro(amount)) for year, amount in line["amounts"].items() if Decimal(amount)]
            changes.append(Change("added", line["label"], amounts))
            continue
        details = [
            (year, f"{euro(before['amounts'].get(year, '0'))} → {euro(amount)}")
            for year, amount in line["amounts"].items()
            if Decimal(before["amounts"].get(year, "0")) != Decimal(amount)
        ]
        if details:
            changes.append(Change("changed", line["label"], details))
    for key, line in old_lines.items():
        if key not in new_lines:
            changes.append(Change("removed", line["label"]))
    old_t, new_t = document_totals(ob), document_totals(nb)
    totals = [
        (_("Total expenses"), old_t.expense_total, new_t.expense_total),
        (_("Total income"), old_t.income_total, new_t.income_total),
        (_("Balance"), old_t.balance_total, new_t.balance_total),
    ]
    return changes, totals


def _keyed(items, *fields):
    """Give items without a key of their own one: their identifying fields, numbered when repeated."""
    seen = {}
    keyed = []
    for item in items:
        identity = "|".join(str(item.get(f, "")) for f in fields)
        seen[identity] = seen.get(identity, 0) + 1
        keyed.append({**item, "key": f"{identity}#{seen[identity]}"})
    return keyed


def _with_gemeente_names(analyse: dict, names: dict) -> dict:
    """A copy of the analysis that names municipalities instead of giving their NIS code."""
    named = lambda codes: sorted(names.get(c, c) for c in codes)  # noqa: E731
    return {
        **analyse,
        "indicators": [
            {**i, "values": {names.get(c, c): v for c, v in sorted(i.get("values", {}).items())}}
            for i in analyse.get("indicators", [])
        ],
        "drempels": [{**d, "gemeenten": named(d.get("gemeenten", []))} for d in analyse.get("drempels", [])],
        "kansengroepen": [
            {**k, "gemeenten": named(k.get("gemeenten", []))} for k in analyse.get("kansengroepen", [])
        ],
    }


def _analyse(old, new):
    label = lambda choices, value: str(dict(choices).get(value, value))  # noqa: E731
    changes = _compare_items(
        [{**i, "key": i["code"]} for i in old.get("indicators", [])],
        [{**i, "key": i["code"]} for i in new.get("indicators", [])],
        lambda i: _("Indicator “%(name)s”") % {"name": i["name"]},
        [("interpretation", _("What the figures mean for the network")),
         ("values", _("Figures")), ("reference", _("Flemish reference"))],
    )
    old_q = {part["kind"]: part.get("answers", {}) for part in old.get("kwalitatief", [])}
    new_q = {part["kind"]: part.get("answers", {}) for part in new.get("kwalitatief", [])}
    for kind, kind_label in questions.KINDS:
        details = _text_changes(
            [(str(q), old_q.get(kind, {}).get(key, ""), new_q.get(kind, {}).get(key, ""))
             for key, q in questions.QUESTIONS[kind]]
        )
        if details:
            changes.append(Change("changed", str(kind_label), details))
    swot_text = lambda s: f"{label(SwotItem.Kind.choices, s['kind'])}: {s['text']}"  # noqa: E731
    old_swot, new_swot = [swot_text(s) for s in old.get("swot", [])], [swot_text(s) for s in new.get("swot", [])]
    changes += [Change("added", _("SWOT – %(item)s") % {"item": t}) for t in new_swot if t not in old_swot]
    changes += [Change("removed", _("SWOT – %(item)s") % {"item": t}) for t in old_swot if t not in new_swot]
    changes += _compare_items(
        _keyed(old.get("drempels", []), "drempel"),
        _keyed(new.get("drempels", []), "drempel"),
        lambda d: _("Threshold: %(label)s") % {"label": label(Drempel.choices, d["drempel"])},
        [("description", _("Description")), ("doelgroepen", _("Groups")), ("gemeenten", _("Municipalities"))],
    )
    changes += _compare_items(
        _keyed(old.get("kansengroepen", []), "doelgroep", "name"),
        _keyed(new.get("kansengroepen", []), "doelgroep", "name"),
        lambda k: _("Kansengroep: %(label)s") % {"label": " – ".join(
            x for x in [label(Doelgroep.choices, k["doelgroep"]), k.get("name")] if x)},
        [("description", _("Description")), ("gemeenten", _("Municipalities"))],
    )
    changes += _compare_items(
        _keyed(old.get("bevragingen", []), "method", "period"),
        _keyed(new.get("bevragingen", []), "method", "period"),
        lambda b: f"{label(Bevraging.Method.choices, b['method'])} ({b['period']})",
        [("participants", _("Number of people")), ("description", _("What came out of it"))],
    )
    return changes
