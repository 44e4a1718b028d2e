"""Turns a dossier document (see snapshot.py) into what the read-only views and the PDF show:
labels instead of codes, partners by name, budget totals.

Works on the plain document only, so a submitted version shows exactly what was submitted.
"""

import copy
from collections import defaultdict
from decimal import Decimal

import phonenumbers

from netwerken.models import Beheerrol, Partner

from .analyse_document import prepare_analyse
from .budget_totals import document_amounts, document_totals, line_total
from .models import Begrotingspost, Samenwerking, Visie
from .partner_actions import PartnerActions, actions_by_partner
from .vocab import Doelgroep, Drempel, Inspraak

EXPENSE = Begrotingspost.Kind.UITGAVE


def _label(choices, value) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return value or ""


def national_phone(number: str) -> str:
    """+3237101211 -> 03 710 12 11, the way people in Belgium write it."""
    if not number:
        return ""
    try:
        parsed = phonenumbers.parse(number, "BE")
    except phonenumbers.NumberParseException:
        return number
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)


def prepare(document: dict) -> dict:
    document = copy.deepcopy(document)  # never touch a frozen version's own data
    partners = {p["key"]: p for p in document.get("partners", [])}
    for p in partners.values():
        p["kind_label"] = _label(Partner.Kind, p["kind"])
        p["level_label"] = _label(Partner.Level, p["level"])
    gemeenten = {g["nis_code"]: g["name"] for g in document.get("gemeenten", [])}
    for g in document.get("gemeenten", []):
        g["contact"]["phone"] = national_phone(g["contact"].get("phone", ""))
    for p in partners.values():
        p["gemeente_name"] = gemeenten.get(p["gemeente"], "") if p["gemeente"] else ""

    acties = []
    for sd in document.get("doelstellingen", []):
        for od in sd["ods"]:
            for actie in od["acties"]:
                actie["lead_name"] = partners.get(actie["lead_partner"], {}).get("name", "")
                actie["partner_names"] = [partners[k]["name"] for k in actie["partners"] if k in partners]
                actie["doelgroep_labels"] = [_label(Doelgroep, v) for v in actie["doelgroepen"]]
                actie["drempel_labels"] = [_label(Drempel, v) for v in actie["drempels"]]
                actie["inspraak_label"] = _label(Inspraak, actie["inspraak"])
                actie["cost_total"] = sum(Decimal(v) for v in actie["costs"].values())
                acties.append(actie)
    by_partner = actions_by_partner(
        acties, lead=lambda a: a["lead_partner"], joined=lambda a: a["partners"]
    )
    for key, p in partners.items():
        mine = by_partner.get(key) or PartnerActions()
        p["leads"], p["joins"] = mine.leads, mine.joins

    visie = document.get("visie")
    if visie:
        visie["vorm_label"] = _label(Visie.Vorm, visie["vorm"])
        visie["inspraak_label"] = _label(Inspraak, visie["inspraak"])
        visie["question_rows"] = [
            (str(label), visie["questions"].get(name, "")) for name, label in Visie.QUESTIONS
        ]

    document["samenwerking"] = prepare_samenwerking(document.get("samenwerking"), partners)

    document["omgevingsanalyse"] = prepare_analyse(document.get("omgevingsanalyse"), gemeenten)
    return {
        **document,
        "partner_list": list(partners.values()),
        "acties": acties,
        "plan": _plan(document, acties),
        "budget": budget_table(document.get("begroting") or {"years": [], "lines": []}, acties),
    }


def prepare_samenwerking(part: dict | None, partners: dict) -> dict | None:
    """The cooperation agreements with labels and names; None in documents without them."""
    if not part:
        return None
    texts = part.get("texts", {})
    labels = {value: str(label) for value, label in Beheerrol.choices}

    def partner_label(key):
        p = partners.get(key)
        if p is None:
            return ""
        return f"{p['name']} ({p['gemeente_name']})" if p.get("gemeente_name") else p["name"]

    return {
        **part,
        "text_rows": [(str(label), texts.get(name, "")) for name, label, _help in Samenwerking.TEXTS],
        "bodies": [
            {**body, "members": [partner_label(k) for k in body.get("partners", []) if k in partners]}
            for body in part.get("overlegorganen", [])
        ],
        "roles": [
            {
                "label": label,
                "people": [
                    r["person_name"] + (f" ({partners[r['partner']]['name']})" if r.get("partner") in partners else "")
                    for r in part.get("rollen", [])
                    if r["role"] == value
                ],
            }
            for value, label in labels.items()
        ],
    }


def _plan(document, acties):
    years = list(range(document["ronde"]["first_year"], document["ronde"]["last_year"] + 1))
    return [{"year": y, "acties": [a for a in acties if y in a["years"]]} for y in years]


def budget_table(begroting: dict, acties=()) -> dict:
    """Rows with totals per line, totals per year for expenses and income, and the balance."""
    years = [str(y) for y in begroting["years"]]
    sections = {"uitgave": [], "inkomst": []}
    for line in begroting["lines"]:
        amounts = document_amounts(line, years)
        row = {**line, "values": amounts, "total": line_total(amounts)}
        row["kind_label"] = _label(Begrotingspost.Kind, line["kind"])
        sections[line["kind"]].append(row)
    totals = document_totals(begroting)
    action_costs = defaultdict(Decimal)
    for actie in acties:
        for year, amount in actie["costs"].items():
            action_costs[year] += Decimal(amount)
    return {
        "years": years,
        "expenses": sections["uitgave"],
        "income": sections["inkomst"],
        "expense_totals": totals.expense_totals,
        "expense_total": totals.expense_total,
        "income_totals": totals.income_totals,
        "income_total": totals.income_total,
        "balance": totals.balance,
        "balance_total": totals.balance_total,
        "action_costs": [action_costs[y] for y in years],
    }
