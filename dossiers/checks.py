"""The machinery of the live decree checklist: the data the rules read, and how rules are
registered, run and grouped per section. The rules themselves are in checklist.py."""

from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import Prefetch
from django.urls import reverse

from analyses.checkdata import AnalyseData
from netwerken.models import Partner

from .confirmations import partner_fingerprints
from .models import Afsprakennota, Section, Visie
from .models.nota import SECTION_NUMBERS
from .models.doelen import Actie, OperationeleDoelstelling, StrategischeDoelstelling


class DossierData(AnalyseData):
    """Everything the rules read, loaded lazily and once."""

    def __init__(self, nota: Afsprakennota):
        self.nota = nota
        self.ronde = nota.ronde

    def url(self, name: str, anchor: str = "") -> str:
        return reverse(name, args=[self.nota.pk]) + (f"#{anchor}" if anchor else "")

    @cached_property
    def visie(self) -> Visie | None:
        return Visie.objects.filter(nota=self.nota).first()

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
        acties = Actie.objects.select_related("lead_partner").prefetch_related(
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
    def partner_fingerprints(self) -> dict:
        return partner_fingerprints(self.partners, self.acties)

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
        from .services_begroting import BudgetGrid

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
