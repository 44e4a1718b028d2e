"""The exchange format: a whole dossier as JSON, out and back in (docs/dossier-format.md).

Export is the dossier document of snapshot.py. Import checks everything first and reports every
problem with its place in the JSON ("$.doelstellingen[0].ods[1].acties[2].years"); only a
document without problems is imported, in one transaction.
"""

import json
import re
from dataclasses import dataclass
from decimal import Decimal

import phonenumbers
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _

from .analyse_exchange import import_analyse, validate_analyse
from netwerken import bounds
from netwerken.fields import amount_range_message, too_long_message, visible_text
from netwerken.numbers import format_count
from netwerken.models import DeelnemendeGemeente, Gemeente, Netwerk, Partner

from .models import (
    Actie,
    ActieIndicator,
    ActieKost,
    Afsprakennota,
    Begrotingsbedrag,
    Begrotingspost,
    Indienronde,
    OperationeleDoelstelling,
    StrategischeDoelstelling,
    Visie,
    Zelfevaluatie,
)
from .exchange_samenwerking import check_samenwerking, import_samenwerking
from .services_voortzetting import carry_over_plan, carry_over_record
from .snapshot import FORMAT, FORMAT_VERSION, READABLE_VERSIONS, build_snapshot
from .vocab import Doelgroep, Drempel, Inspraak


def export_json(nota) -> str:
    return json.dumps(build_snapshot(nota), ensure_ascii=False, indent=2, sort_keys=True)


@dataclass(frozen=True)
class Problem:
    path: str
    message: str

    def __str__(self):
        return f"{self.path}: {self.message}"


class ImportRefused(Exception):
    def __init__(self, problems):
        super().__init__("; ".join(map(str, problems)))
        self.problems = problems


MONEY = re.compile(bounds.MONEY_PATTERN, re.ASCII)


class _Checker:
    def __init__(self):
        self.problems: list[Problem] = []

    def fail(self, path, message):
        self.problems.append(Problem(path, str(message)))

    def mapping(self, value, path) -> dict:
        if not isinstance(value, dict):
            self.fail(path, _("expected an object"))
            return {}
        return value

    def listing(self, value, path, max_items=None) -> list:
        if not isinstance(value, list):
            self.fail(path, _("expected a list"))
            return []
        if max_items is not None and len(value) > max_items:
            self.fail(path, _("at most %(limit)s items (this list has %(count)s)") % {
                "limit": format_count(max_items), "count": format_count(len(value))})
        return value

    def text(self, obj, key, path, *, max_length, required=False) -> str:
        value = obj.get(key, "")
        if value is None:
            value = ""
        if not isinstance(value, str):
            self.fail(f"{path}.{key}", _("expected text"))
            return ""
        if required and not value.strip():
            self.fail(f"{path}.{key}", _("may not be empty"))
        if len(value) > max_length:
            self.fail(f"{path}.{key}", too_long_message(max_length, len(value)))
        return value

    def rich_text(self, obj, key, path, *, max_length) -> str:
        """Rich text counts what the reader sees; its markup has a bound of its own."""
        value = self.text(obj, key, path, max_length=bounds.RICH_TEXT_MARKUP)
        shown = len(visible_text(value))
        if shown > max_length:
            self.fail(f"{path}.{key}", too_long_message(max_length, shown))
        return value

    def choice(self, obj, key, path, choices, *, blank=True) -> str:
        value = obj.get(key, "") or ""
        if value == "" and blank:
            return ""
        if value not in choices:
            self.fail(f"{path}.{key}", _("“%(value)s” is not one of: %(choices)s") % {
                "value": value, "choices": ", ".join(choices)})
        return value

    def money(self, value, path):
        """Money is text with exactly two decimals ("62000.00"): no number, NaN, exponent or sign."""
        if not isinstance(value, str) or not MONEY.fullmatch(value):
            shown = value if isinstance(value, str) else json.dumps(value)
            self.fail(path, _("“%(value)s” is not an amount: write text with exactly two decimals, "
                              "like \"1250.50\"") % {"value": shown})
            return None
        amount = Decimal(value)
        if not bounds.MONEY_MIN <= amount <= bounds.MONEY_MAX:
            self.fail(path, amount_range_message())
            return None
        return amount

    def phone(self, value, path) -> str:
        if not value:
            return ""
        if not isinstance(value, str) or len(value) > bounds.SHORT_TEXT:
            self.fail(path, _("“%(value)s” is not a valid phone number") % {"value": str(value)[:40]})
            return ""
        try:
            number = phonenumbers.parse(value, "BE")
        except phonenumbers.NumberParseException:
            number = None
        if number is None or not phonenumbers.is_valid_number(number):
            self.fail(path, _("“%(value)s” is not a valid phone number") % {"value": value})
            return ""
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)

    def email(self, value, path) -> str:
        if not value:
            return ""
        if not isinstance(value, str):
            self.fail(path, _("expected text"))
            return ""
        if len(value) > bounds.EMAIL:
            self.fail(path, too_long_message(bounds.EMAIL, len(value)))
            return ""
        try:
            validate_email(value)
        except ValidationError:
            self.fail(path, _("“%(value)s” is not a valid email address") % {"value": value})
        return value


def validate_document(document, *, ronde=None, netwerk=None):
    """Every problem in the document, and the round it belongs in. Reads, never writes."""
    c = _Checker()
    doc = c.mapping(document, "$")
    if doc.get("format") != FORMAT:
        c.fail("$.format", _("this is not an afsprakennota document"))
    if doc.get("format_version") not in READABLE_VERSIONS:
        c.fail("$.format_version", _("version %(v)s is not supported (expected %(e)s)") % {
            "v": doc.get("format_version"), "e": FORMAT_VERSION})
    if c.problems:
        return c.problems, None

    r = c.mapping(doc.get("ronde"), "$.ronde")
    if ronde is None:
        ronde = Indienronde.objects.filter(
            first_year=r.get("first_year"), last_year=r.get("last_year")
        ).first()
        if ronde is None:
            c.fail("$.ronde", _("no submission round for %(first)s-%(last)s") % {
                "first": r.get("first_year"), "last": r.get("last_year")})
    years = set(ronde.years) if ronde else set()

    n = c.mapping(doc.get("netwerk"), "$.netwerk")
    if netwerk is None:
        name = c.text(n, "name", "$.netwerk", required=True, max_length=bounds.NAME)
        c.text(n, "igs_name", "$.netwerk", required=True, max_length=bounds.NAME)
        c.text(n, "referentieregio", "$.netwerk", required=True, max_length=bounds.NAME)
        if name and Netwerk.objects.filter(name=name).exists():
            c.fail("$.netwerk.name", _("a network with this name exists already; import into it instead"))
    elif ronde and Afsprakennota.objects.filter(netwerk=netwerk, ronde=ronde).exists():
        c.fail("$.ronde", _("this network already has an afsprakennota for this round"))

    known = dict(Gemeente.objects.values_list("nis_code", "pk"))
    nis_codes = set()
    for i, g in enumerate(c.listing(doc.get("gemeenten", []), "$.gemeenten", bounds.GEMEENTEN)):
        path = f"$.gemeenten[{i}]"
        g = c.mapping(g, path)
        code = g.get("nis_code")
        if code not in known:
            c.fail(f"{path}.nis_code", _("unknown NIS code “%(code)s”") % {"code": code})
        elif code in nis_codes:
            c.fail(f"{path}.nis_code", _("this municipality appears twice"))
        nis_codes.add(code)
        contact = c.mapping(g.get("contact", {}), f"{path}.contact")
        c.text(contact, "name", f"{path}.contact", max_length=bounds.NAME)
        c.text(contact, "function", f"{path}.contact", max_length=bounds.NAME)
        c.text(contact, "address", f"{path}.contact", max_length=bounds.ADDRESS)
        c.email(contact.get("email"), f"{path}.contact.email")
        c.phone(contact.get("phone"), f"{path}.contact.phone")

    partner_keys = set()
    for i, p in enumerate(c.listing(doc.get("partners", []), "$.partners", bounds.PARTNERS)):
        path = f"$.partners[{i}]"
        p = c.mapping(p, path)
        if p.get("key") in partner_keys or not p.get("key"):
            c.fail(f"{path}.key", _("every partner needs its own key"))
        partner_keys.add(p.get("key"))
        c.text(p, "name", path, required=True, max_length=bounds.NAME)
        c.text(p, "involvement", path, max_length=bounds.TEXT)
        c.text(p, "future_involvement", path, max_length=bounds.TEXT)
        c.choice(p, "kind", path, Partner.Kind.values, blank=False)
        c.choice(p, "level", path, Partner.Level.values, blank=False)
        if p.get("gemeente") and p.get("gemeente") not in nis_codes:
            c.fail(f"{path}.gemeente", _("not one of the participating municipalities"))
        contact = c.mapping(p.get("contact", {}), f"{path}.contact")
        c.text(contact, "name", f"{path}.contact", max_length=bounds.NAME)
        c.email(contact.get("email"), f"{path}.contact.email")
        c.phone(contact.get("phone"), f"{path}.contact.phone")

    if doc.get("visie") is not None:
        v = c.mapping(doc["visie"], "$.visie")
        c.rich_text(v, "text", "$.visie", max_length=bounds.LONG_TEXT)
        c.text(v, "vorm_motivation", "$.visie", max_length=bounds.TEXT)
        c.choice(v, "vorm", "$.visie", Visie.Vorm.values)
        c.choice(v, "inspraak", "$.visie", Inspraak.values)
        questions = c.mapping(v.get("questions", {}), "$.visie.questions")
        for name in questions:
            if name not in dict(Visie.QUESTIONS):
                c.fail(f"$.visie.questions.{name}", _("unknown question"))
            else:
                c.text(questions, name, "$.visie.questions", max_length=bounds.TEXT)
    if doc.get("zelfevaluatie") is not None:
        z = c.mapping(doc["zelfevaluatie"], "$.zelfevaluatie")
        c.rich_text(z, "text", "$.zelfevaluatie", max_length=bounds.LONG_TEXT)

    actions = 0
    indicators = set()  # (action code, indicator name) the monitoring plan may refer to
    sds = c.listing(doc.get("doelstellingen", []), "$.doelstellingen", bounds.STRATEGIC_OBJECTIVES)
    for i, sd in enumerate(sds):
        sd_path = f"$.doelstellingen[{i}]"
        sd = c.mapping(sd, sd_path)
        c.text(sd, "title", sd_path, required=True, max_length=bounds.TITLE)
        c.text(sd, "description", sd_path, max_length=bounds.DESCRIPTION)
        ods = c.listing(sd.get("ods", []), f"{sd_path}.ods", bounds.OPERATIONAL_PER_STRATEGIC)
        for j, od in enumerate(ods):
            od_path = f"{sd_path}.ods[{j}]"
            od = c.mapping(od, od_path)
            c.text(od, "title", od_path, required=True, max_length=bounds.TITLE)
            c.text(od, "description", od_path, max_length=bounds.DESCRIPTION)
            acties = c.listing(od.get("acties", []), f"{od_path}.acties", bounds.ACTIONS_PER_OPERATIONAL)
            actions += len(acties)
            for k, a in enumerate(acties):
                a = c.mapping(a, f"{od_path}.acties[{k}]")
                _check_actie(c, a, f"{od_path}.acties[{k}]", years, partner_keys)
                code = f"A{i + 1}.{j + 1}.{k + 1}"  # what the action's code will be once imported
                listed = a.get("indicators") if isinstance(a.get("indicators"), list) else []
                indicators |= {(code, i.get("name")) for i in listed if isinstance(i, dict)}
    if actions > bounds.ACTIONS:
        c.fail("$.doelstellingen", _("at most %(limit)s actions in a dossier (this one has %(count)s)") % {
            "limit": format_count(bounds.ACTIONS), "count": format_count(actions)})

    b = c.mapping(doc.get("begroting") or {"lines": []}, "$.begroting")
    seen = set()
    for i, line in enumerate(c.listing(b.get("lines", []), "$.begroting.lines", bounds.BUDGET_LINES)):
        path = f"$.begroting.lines[{i}]"
        line = c.mapping(line, path)
        kind = c.choice(line, "kind", path, Begrotingspost.Kind.values, blank=False)
        category = c.choice(line, "category", path, Begrotingspost.Category.values, blank=False)
        expected = Begrotingspost.INCOME if kind == "inkomst" else Begrotingspost.EXPENSES
        if category and kind and category not in expected:
            c.fail(f"{path}.category", _("does not belong with this kind of line"))
        if category == "gemeente" and line.get("gemeente") not in nis_codes:
            c.fail(f"{path}.gemeente", _("not one of the participating municipalities"))
        identity = (category, line.get("gemeente") if category == "gemeente" else None)
        if identity in seen:
            c.fail(path, _("this budget line appears twice"))
        seen.add(identity)
        c.text(line, "note", path, max_length=bounds.TITLE)
        for year, amount in c.mapping(line.get("amounts", {}), f"{path}.amounts").items():
            if not str(year).isdigit() or int(year) not in years:
                c.fail(f"{path}.amounts.{year}", _("year outside the subsidy period"))
            c.money(amount, f"{path}.amounts.{year}")

    if doc.get("samenwerking") is not None:
        check_samenwerking(c, c.mapping(doc["samenwerking"], "$.samenwerking"), years, partner_keys, indicators)
    validate_analyse(c, doc.get("omgevingsanalyse"), "$.omgevingsanalyse", nis_codes=nis_codes)
    return c.problems, ronde


def _check_actie(c, a, path, years, partner_keys):
    c.text(a, "title", path, required=True, max_length=bounds.TITLE)
    c.text(a, "description", path, max_length=bounds.DESCRIPTION)
    action_years = c.listing(a.get("years", []), f"{path}.years", len(years))
    for year in action_years:
        if year not in years:
            c.fail(f"{path}.years", _("%(year)s is outside the subsidy period") % {"year": year})
    lead = a.get("lead_partner")
    if lead is not None and lead not in partner_keys:
        c.fail(f"{path}.lead_partner", _("refers to an unknown partner “%(key)s”") % {"key": lead})
    for key in c.listing(a.get("partners", []), f"{path}.partners", bounds.PARTNERS):
        if key not in partner_keys:
            c.fail(f"{path}.partners", _("refers to an unknown partner “%(key)s”") % {"key": key})
    for value in c.listing(a.get("doelgroepen", []), f"{path}.doelgroepen", len(Doelgroep.values)):
        if value not in Doelgroep.values:
            c.fail(f"{path}.doelgroepen", _("unknown target group “%(value)s”") % {"value": value})
    for value in c.listing(a.get("drempels", []), f"{path}.drempels", len(Drempel.values)):
        if value not in Drempel.values:
            c.fail(f"{path}.drempels", _("unknown threshold “%(value)s”") % {"value": value})
    c.choice(a, "inspraak", path, Inspraak.values)
    indicators = c.listing(a.get("indicators", []), f"{path}.indicators", bounds.INDICATORS_PER_ACTION)
    for i, indicator in enumerate(indicators):
        indicator = c.mapping(indicator, f"{path}.indicators[{i}]")
        c.text(indicator, "name", f"{path}.indicators[{i}]", required=True, max_length=bounds.TITLE)
        c.text(indicator, "target", f"{path}.indicators[{i}]", required=True, max_length=bounds.NAME)
    for year, amount in c.mapping(a.get("costs", {}), f"{path}.costs").items():
        if not str(year).isdigit() or int(year) not in years:
            c.fail(f"{path}.costs.{year}", _("year outside the subsidy period"))
        c.money(amount, f"{path}.costs.{year}")


@transaction.atomic
def import_document(document, *, ronde=None, netwerk=None, user=None) -> Afsprakennota:
    """Create the dossier the document describes. Raises ImportRefused with every problem."""
    problems, ronde = validate_document(document, ronde=ronde, netwerk=netwerk)
    if problems:
        raise ImportRefused(problems)
    doc = document
    gemeenten = {g.nis_code: g for g in Gemeente.objects.filter(nis_code__in=[x["nis_code"] for x in doc["gemeenten"]])}
    new_network = netwerk is None
    if new_network:
        netwerk = Netwerk.objects.create(**{k: doc["netwerk"][k] for k in ("name", "igs_name", "referentieregio")})
    for g in doc["gemeenten"]:
        contact = g.get("contact", {})
        DeelnemendeGemeente.objects.get_or_create(
            netwerk=netwerk,
            gemeente=gemeenten[g["nis_code"]],
            defaults={
                "contact_name": contact.get("name", ""),
                "contact_function": contact.get("function", ""),
                "contact_email": contact.get("email", ""),
                "contact_phone": contact.get("phone", ""),
                "contact_address": contact.get("address", ""),
            },
        )
    partners = {p["key"]: _partner(netwerk, p, gemeenten) for p in doc["partners"]}
    nota = Afsprakennota.objects.create(netwerk=netwerk, ronde=ronde, created_by=user)
    if doc.get("visie"):
        v = doc["visie"]
        Visie.objects.create(
            nota=nota,
            text=v.get("text", ""),
            vorm=v.get("vorm", ""),
            vorm_motivation=v.get("vorm_motivation", ""),
            inspraak=v.get("inspraak", ""),
            **{name: v.get("questions", {}).get(name, "") for name, _label in Visie.QUESTIONS},
        )
    if doc.get("zelfevaluatie"):
        Zelfevaluatie.objects.create(nota=nota, text=doc["zelfevaluatie"].get("text", ""))
    for i, sd_doc in enumerate(doc["doelstellingen"], start=1):
        sd = StrategischeDoelstelling.objects.create(
            nota=nota, position=i, title=sd_doc["title"], description=sd_doc.get("description", "")
        )
        for j, od_doc in enumerate(sd_doc["ods"], start=1):
            od = OperationeleDoelstelling.objects.create(
                sd=sd, position=j, title=od_doc["title"], description=od_doc.get("description", "")
            )
            for k, a in enumerate(od_doc["acties"], start=1):
                _actie(od, k, a, partners)
    for position, line in enumerate((doc.get("begroting") or {}).get("lines", [])):
        post = Begrotingspost.objects.create(
            nota=nota,
            kind=line["kind"],
            category=line["category"],
            gemeente=gemeenten.get(line.get("gemeente")) if line["category"] == "gemeente" else None,
            note=line.get("note", ""),
            position=position,
        )
        Begrotingsbedrag.objects.bulk_create(
            Begrotingsbedrag(post=post, year=int(year), amount=Decimal(amount))
            for year, amount in line.get("amounts", {}).items()
        )
    if doc.get("samenwerking"):
        import_samenwerking(nota, doc["samenwerking"], partners, with_roles=new_network)
    import_analyse(nota, doc.get("omgevingsanalyse"))
    return nota


def _partner(netwerk, p, gemeenten) -> Partner:
    gemeente = gemeenten.get(p.get("gemeente")) if p.get("gemeente") else None
    key = str(p["key"])
    if key.startswith("p") and key[1:].isdigit():
        same = netwerk.partners.filter(pk=int(key[1:])).first()
        if same is not None:
            return same
    existing = netwerk.partners.filter(name=p["name"], gemeente=gemeente).first()
    if existing is not None:
        return existing
    contact = p.get("contact", {})
    return Partner.objects.create(
        netwerk=netwerk,
        name=p["name"],
        kind=p["kind"],
        gemeente=gemeente,
        level=p["level"],
        contact_name=contact.get("name", ""),
        contact_email=contact.get("email", ""),
        contact_phone=contact.get("phone", ""),
        involvement=p.get("involvement", ""),
        future_involvement=p.get("future_involvement", ""),
    )


def _actie(od, position, a, partners):
    actie = Actie.objects.create(
        od=od,
        position=position,
        title=a["title"],
        description=a.get("description", ""),
        years=sorted(a.get("years", [])),
        lead_partner=partners.get(a.get("lead_partner")),
        doelgroepen=a.get("doelgroepen", []),
        drempels=a.get("drempels", []),
        inspraak=a.get("inspraak", ""),
    )
    actie.partners.set([partners[k] for k in a.get("partners", [])])
    ActieIndicator.objects.bulk_create(
        ActieIndicator(actie=actie, name=i["name"], target=i["target"]) for i in a.get("indicators", [])
    )
    ActieKost.objects.bulk_create(
        ActieKost(actie=actie, year=int(year), amount=Decimal(amount))
        for year, amount in a.get("costs", {}).items()
    )


def for_round(document: dict, ronde: Indienronde) -> dict:
    """The document fitted to another round: years outside its period are left out."""
    years = set(ronde.years)
    doc = json.loads(json.dumps(document))
    doc["ronde"] = {"name": ronde.name, "first_year": ronde.first_year, "last_year": ronde.last_year}
    for sd in doc.get("doelstellingen", []):
        for od in sd["ods"]:
            for a in od["acties"]:
                a["years"] = [y for y in a["years"] if y in years]
                a["costs"] = {y: v for y, v in a["costs"].items() if int(y) in years}
    for line in (doc.get("begroting") or {}).get("lines", []):
        line["amounts"] = {y: v for y, v in line["amounts"].items() if int(y) in years}
    if doc.get("samenwerking"):
        moments = doc["samenwerking"].get("reflectiemomenten", [])
        doc["samenwerking"]["reflectiemomenten"] = [
            m for m in moments if m.get("year") is None or m["year"] in years
        ]
    doc["format_version"] = FORMAT_VERSION
    return doc


def dossier_copy_to_round(*, nota, ronde, user=None) -> Afsprakennota:
    """Start a dossier for another round from this one's latest submitted version (or, if never
    submitted, from how it is now)."""
    latest = nota.versions.order_by("-number").first()
    document = for_round(latest.snapshot if latest else build_snapshot(nota), ronde)
    with transaction.atomic():
        plan = carry_over_plan(nota, document, ronde)
        copy = import_document(document, ronde=ronde, netwerk=nota.netwerk, user=user)
        if plan is not None:
            carry_over_record(source=nota, nota=copy, plan=plan)
    return copy
