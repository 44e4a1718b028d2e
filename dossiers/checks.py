"""The machinery of the live decree checklist: the data the rules read, and how rules are
registered, run and grouped per section. The rules themselves are in checklist.py."""

import hashlib
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

from django.apps import apps
from django.core.cache import cache as shared_cache
from django.db import connection
from django.db.models import CharField, Count, Max, OuterRef, Subquery, Value
from django.db.models.functions import Cast, Concat
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import get_language

from analyses.models import IndicatorValue
from netwerken.models import DeelnemendeGemeente, Netwerk, Partner, RoleAssignment

from .analyse_checkdata import AnalyseData
from .confirmations import partner_fingerprints
from .partner_actions import PartnerActions, actions_by_partner
from .models import Afsprakennota, PartnerConfirmation, RequiredPartner, Section, Visie
from .models.nota import SECTION_NUMBERS
from .models.doelen import Actie, OperationeleDoelstelling, StrategischeDoelstelling
from .models.voortzetting import Zelfevaluatie
from .models.samenwerking import Monitoringafspraak, Overlegorgaan, GeplandReflectiemoment, Samenwerking
from .services_begroting import BudgetGrid


class DossierData(AnalyseData):
    """Everything the rules read, loaded lazily and once. What it reads must also be in
    `revision` below, or the cached checklist would not see it change."""

    def __init__(self, nota: Afsprakennota):
        self.nota = nota
        self.ronde = nota.ronde

    def url(self, name: str, anchor: str = "") -> str:
        return reverse(name, args=[self.nota.pk]) + (f"#{anchor}" if anchor else "")

    @cached_property
    def visie(self) -> Visie | None:
        return Visie.objects.filter(nota=self.nota).first()

    @cached_property
    def zelfevaluatie(self) -> Zelfevaluatie | None:
        return Zelfevaluatie.objects.filter(nota=self.nota).first()

    @cached_property
    def samenwerking(self) -> Samenwerking | None:
        return Samenwerking.objects.filter(nota=self.nota).first()

    @cached_property
    def overlegorganen(self) -> list[Overlegorgaan]:
        partners = Prefetch("partners", queryset=Partner.objects.select_related("gemeente"))
        return list(self.nota.overlegorganen.prefetch_related(partners))

    @cached_property
    def monitoringafspraken(self) -> list[Monitoringafspraak]:
        rows = list(self.nota.monitoringafspraken.all())
        indicators = {i.pk: i for a in self.acties for i in a.indicators.all()} if any(
            r.indicator_id for r in rows
        ) else {}
        for row in rows:  # the indicator with its action's code, read from the loaded tree
            if row.indicator_id in indicators:
                row.indicator = indicators[row.indicator_id]
        return rows

    @cached_property
    def reflectiemomenten(self) -> list[GeplandReflectiemoment]:
        return list(self.nota.reflectiemomenten.all())

    @cached_property
    def rollen(self) -> list[RoleAssignment]:
        return list(self.nota.netwerk.role_assignments.select_related("partner"))

    @cached_property
    def deelnemers(self):
        return list(self.nota.netwerk.deelnemende_gemeenten.select_related("gemeente"))

    @cached_property
    def partners(self) -> list[Partner]:
        return list(self.nota.netwerk.partners.select_related("gemeente"))

    @cached_property
    def required_partners(self):
        return list(self.ronde.required_partners.all())

    @cached_property
    def doelen(self) -> list[StrategischeDoelstelling]:
        """The whole tree: SDs with their ODs with their actions, partners and costs."""
        acties = Actie.objects.select_related("lead_partner", "herkomst").prefetch_related(
            "partners", "kosten", "indicators"
        )
        ods = OperationeleDoelstelling.objects.prefetch_related(Prefetch("acties", queryset=acties))
        doelen = list(
            self.nota.strategische_doelstellingen.prefetch_related(
                Prefetch("operationele_doelstellingen", queryset=ods)
            )
        )
        for sd in doelen:  # codes read their parents' positions: no query per item
            for od in sd.operationele_doelstellingen.all():
                od.sd = sd
                for actie in od.acties.all():
                    actie.od = od
        return doelen

    @cached_property
    def acties(self) -> list[Actie]:
        return [a for sd in self.doelen for od in sd.operationele_doelstellingen.all() for a in od.acties.all()]

    @cached_property
    def confirmations(self) -> dict:
        """{partner pk: the newest confirmation} for this dossier."""
        newest = {}
        for confirmation in self.nota.confirmations.select_related("by").order_by("at", "pk"):
            newest[confirmation.partner_id] = confirmation
        return newest

    @cached_property
    def partner_actions(self) -> dict[int, PartnerActions]:
        """{partner pk: the actions it leads and those it joins}."""
        return actions_by_partner(self.acties)

    def actions_of(self, partner) -> PartnerActions:
        return self.partner_actions.get(partner.pk) or PartnerActions()

    @cached_property
    def partner_fingerprints(self) -> dict:
        return partner_fingerprints(self.partners, self.acties, self.partner_actions)

    def confirmation_state(self, partner) -> str:
        """"confirmed", "declined", "lapsed" (it changed since) or "open"."""
        confirmation = self.confirmations.get(partner.pk)
        if confirmation is None:
            return "open"
        if confirmation.fingerprint != self.partner_fingerprints.get(partner.pk):
            return "lapsed"
        return confirmation.answer

    @cached_property
    def begrotingsposten(self):
        return list(
            self.nota.begrotingsposten.select_related("gemeente").prefetch_related("bedragen")
        )

    @cached_property
    def begroting(self):
        return BudgetGrid(self.nota, data=self)


@dataclass(frozen=True)
class Rule:
    name: str
    section: str
    title: str
    blocking: bool
    url_name: str
    anchor: str
    check: object


# What a rule returns when the dossier holds nothing it could check yet (no actions for "every
# action has a lead partner"). Such a rule neither passes nor fails: it says so, and is not
# counted as met. Another rule (there is at least one action...) asks for the missing things.
NOTHING_TO_CHECK = None


@dataclass
class Check:
    rule: Rule
    problems: list[str] | None  # NOTHING_TO_CHECK, or the problems found (none: passed)
    url: str

    @property
    def nothing_to_check(self) -> bool:
        return self.problems is NOTHING_TO_CHECK

    @property
    def passed(self) -> bool:
        return self.problems == []

    @property
    def failed(self) -> bool:
        return bool(self.problems)

    @property
    def blocking(self) -> bool:
        return self.rule.blocking

    @property
    def title(self) -> str:
        return str(self.rule.title)


RULES: list[Rule] = []


def rule(section, title, *, url_name, anchor="", blocking=True):
    """Register a rule. `url_name` is where the coordinator fixes it."""

    def register(func):
        RULES.append(Rule(func.__name__, section, title, blocking, url_name, anchor, func))
        return func

    return register


@dataclass
class SectionStatus:
    section: str
    label: str
    checks: list[Check] = field(default_factory=list)

    @property
    def number(self) -> str:
        return SECTION_NUMBERS[self.section]

    @property
    def total(self) -> int:
        return len(self.checks)

    @property
    def passed(self) -> int:
        return sum(c.passed for c in self.checks)

    @property
    def complete(self) -> bool:
        """No blocking rule fails, and something was checked: a section of which every rule has
        nothing to check yet is not complete."""
        return any(c.passed for c in self.checks) and not any(
            c.failed for c in self.checks if c.blocking
        )

    @property
    def warnings(self) -> list[Check]:
        return [c for c in self.checks if c.failed and not c.blocking]


@dataclass
class Checklist:
    checks: list[Check]

    @property
    def blocking_failures(self) -> list[Check]:
        return [c for c in self.checks if c.blocking and c.failed]

    @property
    def warnings(self) -> list[Check]:
        return [c for c in self.checks if not c.blocking and c.failed]

    @property
    def ready(self) -> bool:
        return not self.blocking_failures

    def sections(self) -> list[SectionStatus]:
        statuses = {value: SectionStatus(value, label) for value, label in Section.choices}
        for check in self.checks:
            statuses[check.rule.section].checks.append(check)
        return list(statuses.values())

    def for_section(self, section) -> SectionStatus:
        return next(s for s in self.sections() if s.section == section)


def run_checklist(nota: Afsprakennota, data: DossierData | None = None) -> Checklist:
    data = data or DossierData(nota)
    return Checklist([Check(r, _problems(r, data), data.url(r.url_name, r.anchor)) for r in RULES])


def _problems(rule: Rule, data: DossierData) -> list[str] | None:
    problems = rule.check(data)
    return NOTHING_TO_CHECK if problems is NOTHING_TO_CHECK else [str(p) for p in problems]


# --- The checklist computed once per revision of the dossier ---------------------------------

# Every dossier page shows the checklist, and computing it reads the whole dossier: most of a
# page's time. So it is kept in the database cache (web processes share nothing else) under the
# dossier's revision: a fingerprint, read in one query, that every change to what DossierData
# reads alters. Models with history (simple_history) get a new history row on every save and
# delete, so the newest history row of the dossier's parts tells any edit; the few parts without
# history count their rows. What the rules read of the round is in the key itself.
# Rules may change with a new release: the key holds a digest of the code too.
CHECKLIST_TIMEOUT = 24 * 3600  # entries of old revisions are never read again; let them expire


def revision(nota: Afsprakennota) -> str:
    """The dossier's revision: changes whenever anything the checklist reads changes."""
    sql, params = _revision_sql()
    with connection.cursor() as cursor:
        cursor.execute(sql, [nota.pk if p == _SOME_PK else p for p in params])
        parts = list(cursor.fetchone())
    ronde = nota.ronde
    parts += [ronde.first_year, ronde.last_year, ronde.min_action_years, ronde.min_indicators]
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:32]


_SOME_PK = -7_349_051  # stands for the dossier's id in the SQL made once; no dossier has it


@cache
def _revision_sql():
    """The revision query as SQL, made once: building it through the ORM costs more than running it."""
    parts = _revision_parts()
    rows = Afsprakennota.objects.filter(pk=_SOME_PK).annotate(**parts).values(*parts)
    return rows.query.sql_with_params()


def aggregate_subquery(queryset, aggregate):
    """A subquery of one value over all the queryset's rows (grouped by a constant: no grouping)."""
    rows = queryset.order_by().annotate(_all=Value(1)).values("_all")
    return Subquery(rows.annotate(_value=aggregate).values("_value"))


def _newest(queryset, field="pk"):
    return aggregate_subquery(queryset, Max(field))


@cache
def _revision_parts() -> dict:
    """{annotation name: subquery} over Afsprakennota, built once from the model registry."""
    parts = {}
    for model in apps.get_models():
        history = getattr(model, "history", None)
        if history is None or not hasattr(history, "model"):
            continue
        rows = history.model.objects.all()
        fields = {f.name: f for f in model._meta.fields}
        if "nota" in fields:
            rows = rows.filter(nota_id=OuterRef("pk"))
        elif model is Netwerk:
            rows = rows.filter(id=OuterRef("netwerk_id"))
        elif "netwerk" in fields:
            rows = rows.filter(netwerk_id=OuterRef("netwerk_id"))
        elif parent := _part_of_a_part(model):  # an action's costs, a budget line's amounts
            rows = rows.filter(**{f"{parent}__nota_id": OuterRef("pk")})
        else:  # not tied to a dossier: any change of it counts
            rows = rows.filter(history_id__gt=0)
        parts[f"h_{model._meta.label_lower}"] = _newest(rows, "history_id")
    # Parts without history, or changed in bulk (which writes no history): their rows. Imports
    # change figures in place (bulk_update) and undoing one puts old figures back: both set the
    # values' `updated_at`.
    counted = {
        "confirmations": PartnerConfirmation.objects.filter(nota_id=OuterRef("pk")),
        "deelnemers": DeelnemendeGemeente.objects.filter(netwerk_id=OuterRef("netwerk_id")),
        "partners": Partner.objects.filter(netwerk_id=OuterRef("netwerk_id")),
        "required": RequiredPartner.objects.filter(ronde_id=OuterRef("ronde_id")),
    }
    for name, rows in counted.items():
        parts[f"n_{name}"] = rows_summary(rows, "pk")
    values = {
        "values": IndicatorValue.objects.filter(gemeente__netwerken=OuterRef("netwerk_id")),
        "flemish": IndicatorValue.objects.filter(gemeente__isnull=True),
    }
    for name, rows in values.items():
        parts[f"n_{name}"] = rows_summary(rows, "pk", "updated_at")
    return parts


def rows_summary(queryset, *newest):
    """The rows' count and the newest of each field, as one text in one pass over the rows."""
    pieces = [Cast(Count("pk"), CharField())]
    for name in newest:
        pieces += [Value(":"), Cast(Max(name), CharField())]
    return aggregate_subquery(queryset, Concat(*pieces, output_field=CharField()))


def _part_of_a_part(model) -> str:
    """The name of the model's link to a part of a dossier, or ""."""
    for f in model._meta.fields:
        if f.is_relation and any(g.name == "nota" for g in f.related_model._meta.fields):
            return f.name
    return ""


@cache
def _release() -> str:
    """A digest of the code the rules run and of the Dutch catalogue, so that a new release
    computes every checklist afresh."""
    root = Path(__file__).resolve().parent.parent
    files = sorted([*(root / "dossiers").rglob("*.py"), *(root / "analyses").rglob("*.py")])
    files += list((root / "locale").rglob("*.mo"))
    return hashlib.sha256(b"".join(p.read_bytes() for p in files)).hexdigest()[:12]


def cached_checklist(
    nota: Afsprakennota, data: DossierData | None = None, rev: str | None = None
) -> Checklist:
    """The checklist for showing: computed once per revision of the dossier (see above), `rev`
    when the caller has just read it. Deciding on the dossier (may it be submitted?) runs the
    rules afresh: `run_checklist`."""
    key = f"checklist:{nota.pk}:{get_language()}:{_release()}:{rev or revision(nota)}"
    stored = shared_cache.get(key)
    rules = {r.name: r for r in RULES}
    if stored is not None and {name for name, _problems, _url in stored} == set(rules):
        return Checklist([Check(rules[name], problems, url) for name, problems, url in stored])
    checklist = run_checklist(nota, data)
    stored = [(c.rule.name, c.problems, c.url) for c in checklist.checks]
    shared_cache.set(key, stored, CHECKLIST_TIMEOUT)
    return checklist
