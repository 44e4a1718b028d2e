"""The live decree checklist: small named rules, each saying what is still missing and where.

A rule is a function that takes the loaded dossier and returns the list of problems it finds, in
Dutch, each one a sentence the coordinator can act on. No problems means the rule passes.
Blocking rules must pass before the dossier can be submitted; the others are warnings.

The data a rule reads is loaded once per checklist by `DossierData`, in a fixed number of
queries, however large the dossier.
"""

from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import Prefetch
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

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


@dataclass
class Check:
    rule: Rule
    problems: list[str]
    url: str

    @property
    def passed(self) -> bool:
        return not self.problems

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
        return all(c.passed for c in self.checks if c.blocking)

    @property
    def warnings(self) -> list[Check]:
        return [c for c in self.checks if not c.passed and not c.blocking]


@dataclass
class Checklist:
    checks: list[Check]

    @property
    def blocking_failures(self) -> list[Check]:
        return [c for c in self.checks if c.blocking and not c.passed]

    @property
    def warnings(self) -> list[Check]:
        return [c for c in self.checks if not c.blocking and not c.passed]

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
    return Checklist(
        [
            Check(r, [str(p) for p in r.check(data)], data.url(r.url_name, r.anchor))
            for r in RULES
        ]
    )


# --- Visie -----------------------------------------------------------------------------------


@rule(Section.VISIE, gettext_lazy("The vision is written"), url_name="dossier_visie", anchor="id_text")
def visie_written(d: DossierData):
    if d.visie is None or not d.visie.has_text:
        return [_("The vision has no text yet.")]
    return []


@rule(
    Section.VISIE,
    gettext_lazy("A form of participation is chosen"),
    url_name="dossier_visie",
    anchor="id_vorm",
)
def participation_form_chosen(d: DossierData):
    if d.visie is None or not d.visie.vorm:
        return [_("Choose whether the network aims for taking part, having a share, or both.")]
    if not d.visie.vorm_motivation.strip():
        return [_("Explain why the network chose this form of participation.")]
    return []


@rule(
    Section.VISIE,
    gettext_lazy("The guiding questions are answered"),
    url_name="dossier_visie",
    anchor="vragen",
    blocking=False,
)
def guiding_questions_answered(d: DossierData):
    if d.visie is None:
        return [_("None of the guiding questions is answered yet.")]
    return [
        _("Not answered yet: %(question)s") % {"question": q} for q in d.visie.unanswered_questions
    ]


@rule(
    Section.VISIE,
    gettext_lazy("People in poverty took part in the vision"),
    url_name="dossier_visie",
    anchor="id_inspraak",
    blocking=False,
)
def visie_inspraak(d: DossierData):
    if d.visie is None or not d.visie.inspraak:
        return [_("Say how people in poverty took part in writing the vision.")]
    if d.visie.inspraak == "niet":
        return [_("People in poverty did not take part in writing the vision.")]
    return []


# --- Doelstellingen en acties -----------------------------------------------------------------


@rule(
    Section.DOELSTELLINGEN,
    gettext_lazy("There is at least one strategic objective"),
    url_name="dossier_doelstellingen",
)
def doelen_present(d: DossierData):
    return [] if d.doelen else [_("Add the strategic objectives that translate the vision.")]


@rule(
    Section.DOELSTELLINGEN,
    gettext_lazy("Every strategic objective has an operational objective"),
    url_name="dossier_doelstellingen",
)
def sd_have_od(d: DossierData):
    return [
        _("%(code)s has no operational objective yet.") % {"code": sd.code}
        for sd in d.doelen
        if not sd.operationele_doelstellingen.all()
    ]


@rule(
    Section.DOELSTELLINGEN,
    gettext_lazy("Every operational objective has an action"),
    url_name="dossier_doelstellingen",
)
def od_have_actions(d: DossierData):
    return [
        _("%(code)s has no action yet.") % {"code": od.code}
        for sd in d.doelen
        for od in sd.operationele_doelstellingen.all()
        if not od.acties.all()
    ]


@rule(
    Section.DOELSTELLINGEN,
    gettext_lazy("Actions are planned in the first working years"),
    url_name="doelen_plan",
)
def actions_in_first_years(d: DossierData):
    planned = {year for actie in d.acties for year in actie.years}
    return [
        _("No action is planned in %(year)s yet.") % {"year": year}
        for year in d.ronde.action_years
        if year not in planned
    ]


@rule(
    Section.DOELSTELLINGEN,
    gettext_lazy("Every action has a lead partner"),
    url_name="dossier_doelstellingen",
)
def actions_have_lead(d: DossierData):
    return [
        _("%(code)s has no lead partner.") % {"code": a.code}
        for a in d.acties
        if not a.lead_partner_id
    ]


@rule(
    Section.DOELSTELLINGEN,
    gettext_lazy("Every action has working years inside the period"),
    url_name="dossier_doelstellingen",
)
def actions_years_in_period(d: DossierData):
    period = set(d.ronde.years)
    problems = []
    for a in d.acties:
        if not a.years:
            problems.append(_("%(code)s has no working years.") % {"code": a.code})
        elif outside := sorted(set(a.years) - period):
            problems.append(
                _("%(code)s runs in %(years)s, outside %(period)s.")
                % {"code": a.code, "years": ", ".join(map(str, outside)), "period": d.ronde.period_label}
            )
    return problems


# --- Partners en betrokkenheid ----------------------------------------------------------------


@rule(
    Section.PARTNERS,
    gettext_lazy("The required partners take part"),
    url_name="dossier_partners",
)
def required_partners_present(d: DossierData):
    problems = []
    for required in d.required_partners:
        kinds = set(required.kinds)
        if required.per_gemeente:
            covered = {p.gemeente_id for p in d.partners if p.kind in kinds}
            missing = [str(x.gemeente) for x in d.deelnemers if x.gemeente_id not in covered]
            if missing:
                problems.append(
                    _("%(requirement)s: missing in %(gemeenten)s.")
                    % {"requirement": required.label, "gemeenten": ", ".join(missing)}
                )
        elif not any(p.kind in kinds for p in d.partners):
            problems.append(_("%(requirement)s: none yet.") % {"requirement": required.label})
    return problems


@rule(
    Section.PARTNERS,
    gettext_lazy("Every partner describes its involvement"),
    url_name="dossier_partners",
    blocking=False,
)
def partners_describe_involvement(d: DossierData):
    return [
        _("%(partner)s: how it is and will be involved is not described yet.") % {"partner": p}
        for p in d.partners
        if not (p.involvement.strip() and p.future_involvement.strip())
    ]


@rule(
    Section.PARTNERS,
    gettext_lazy("Every partner takes part in an action"),
    url_name="doelen_load",
    blocking=False,
)
def partners_in_actions(d: DossierData):
    active = {a.lead_partner_id for a in d.acties}
    active |= {p.pk for a in d.acties for p in a.partners.all()}
    return [
        _("%(partner)s takes part in no action.") % {"partner": p}
        for p in d.partners
        if p.pk not in active
    ]


@rule(
    Section.PARTNERS,
    gettext_lazy("Every partner confirmed its part"),
    url_name="dossier_partners",
    blocking=False,
)
def partners_confirmed(d: DossierData):
    messages = {
        "open": _("%(partner)s has not confirmed its part yet."),
        "lapsed": _("%(partner)s confirmed an earlier description; its part changed since."),
        "declined": _("%(partner)s does not agree with how its part is described."),
    }
    return [
        messages[state] % {"partner": p}
        for p in d.partners
        if (state := d.confirmation_state(p)) != "confirmed"
    ]


# --- Deelnemende gemeenten --------------------------------------------------------------------


@rule(
    Section.GEMEENTEN,
    gettext_lazy("At least one municipality takes part"),
    url_name="dossier_gemeenten",
)
def gemeenten_present(d: DossierData):
    return [] if d.deelnemers else [_("No municipality takes part in the network yet.")]


@rule(
    Section.GEMEENTEN,
    gettext_lazy("Every participating municipality has a complete contact"),
    url_name="dossier_gemeenten",
)
def gemeente_contacts_complete(d: DossierData):
    return [
        _("%(gemeente)s: missing %(fields)s.")
        % {"gemeente": x.gemeente, "fields": ", ".join(x.missing_contact_fields)}
        for x in d.deelnemers
        if not x.contact_complete
    ]


# The budget's and the omgevingsanalyse's rules live in their own modules; importing them
# registers them.
from analyses import rules as _analyse_rules  # noqa: E402, F401

from . import rules_begroting as _budget_rules  # noqa: E402, F401
