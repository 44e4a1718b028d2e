"""The live decree checklist: small named rules, each saying what is still missing and where.

A rule is a function that takes the loaded dossier and returns the list of problems it finds, in
Dutch, each one a sentence the coordinator can act on. No problems means the rule passes. A rule
about things the dossier does not hold yet (every action has a lead partner, and there are no
actions) returns NOTHING_TO_CHECK: it is shown as such, neither met nor failed.
Blocking rules must pass before the dossier can be submitted; the others are warnings.

The data a rule reads is loaded once per checklist by `DossierData`, in a fixed number of
queries, however large the dossier; it and the rest of the machinery live in checks.py, so that
this module holds the rules only, in the decree's words, section by section.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from netwerken.numbers import format_euro

from .checks import (  # noqa: F401
    NOTHING_TO_CHECK,
    Check,
    Checklist,
    DossierData,
    Rule,
    SectionStatus,
    cached_checklist,
    rule,
    run_checklist,
)
from . import analyse_questions as questions
from .models import Section, SwotItem


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
    if not d.doelen:
        return NOTHING_TO_CHECK
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
    if not any(sd.operationele_doelstellingen.all() for sd in d.doelen):
        return NOTHING_TO_CHECK
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
    if not d.acties:
        return NOTHING_TO_CHECK
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
    if not d.acties:
        return NOTHING_TO_CHECK
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
    if not d.required_partners:
        return NOTHING_TO_CHECK
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
    if not d.partners:
        return NOTHING_TO_CHECK
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
    if not d.partners:
        return NOTHING_TO_CHECK
    return [
        _("%(partner)s takes part in no action.") % {"partner": p}
        for p in d.partners
        if not d.actions_of(p)
    ]


@rule(
    Section.PARTNERS,
    gettext_lazy("Every partner confirmed its part"),
    url_name="dossier_partners",
    blocking=False,
)
def partners_confirmed(d: DossierData):
    if not d.partners:
        return NOTHING_TO_CHECK
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


# --- Samenwerkingsafspraken (the toolbox's advice, so warnings only) ----------------------------


@rule(
    Section.SAMENWERKING,
    gettext_lazy("The cooperation agreements are written"),
    url_name="dossier_samenwerking",
    blocking=False,
)
def samenwerking_written(d: DossierData):
    if d.samenwerking is None:
        return [_("The cooperation agreements have not been written yet.")]
    return [
        _("“%(subject)s” is not filled in yet.") % {"subject": subject}
        for subject in d.samenwerking.empty_texts
    ]


@rule(
    Section.SAMENWERKING,
    gettext_lazy("A consultation body brings partners of several municipalities together"),
    url_name="dossier_samenwerking",
    anchor="overlegorganen",
    blocking=False,
)
def overleg_across_municipalities(d: DossierData):
    if not d.overlegorganen:
        return [_("There is no consultation body yet.")]
    for body in d.overlegorganen:
        if len({p.gemeente_id for p in body.partners.all() if p.gemeente_id}) > 1:
            return []
    return [_("No consultation body has partners from more than one municipality.")]


@rule(
    Section.SAMENWERKING,
    gettext_lazy("The monitoring plan has a reflection moment every year"),
    url_name="dossier_samenwerking",
    anchor="monitoring",
    blocking=False,
)
def reflection_every_year(d: DossierData):
    problems = []
    if not d.monitoringafspraken:
        problems.append(_("The monitoring plan does not say yet what is measured, when and by whom."))
    problems += [
        _("A line of the monitoring plan (%(moment)s) no longer says what is measured: its "
          "indicator was removed.") % {"moment": row.moment}
        for row in d.monitoringafspraken
        if not row.indicator_id and not row.measure.strip()
    ]
    moments = d.reflectiemomenten
    if not any(m.every_year for m in moments):
        planned = {m.year for m in moments}
        missing = [str(y) for y in d.ronde.years if y not in planned]
        if missing:
            problems.append(
                _("No reflection moment is planned in %(years)s.") % {"years": ", ".join(missing)}
            )
    return problems


# --- Meerjarenbegroting ---------------------------------------------------------------------------


@rule(
    Section.BEGROTING,
    gettext_lazy("Every year of the period has expenses and income"),
    url_name="dossier_begroting",
)
def budget_every_year(d: DossierData):
    problems = []
    for year, expenses, income, _balance in d.begroting.years_with_totals:
        if not expenses and not income:
            problems.append(_("%(year)s: no amounts yet.") % {"year": year})
        elif not expenses:
            problems.append(_("%(year)s: no expenses yet.") % {"year": year})
        elif not income:
            problems.append(_("%(year)s: no income yet.") % {"year": year})
    return problems


@rule(
    Section.BEGROTING,
    gettext_lazy("Income and expenses are in balance every year"),
    url_name="dossier_begroting",
    anchor="totalen",
)
def budget_balanced(d: DossierData):
    if not any(expenses or income for _year, expenses, income, _balance in d.begroting.years_with_totals):
        return NOTHING_TO_CHECK
    return [
        _("%(year)s: income %(income)s, expenses %(expenses)s; a difference of %(balance)s.")
        % {"year": year, "income": format_euro(income), "expenses": format_euro(expenses),
           "balance": format_euro(balance)}
        for year, expenses, income, balance in d.begroting.years_with_totals
        if balance
    ]


@rule(
    Section.BEGROTING,
    gettext_lazy("The line for actions matches the actions' estimated costs"),
    url_name="dossier_begroting",
    anchor="acties-vergelijking",
    blocking=False,
)
def budget_matches_actions(d: DossierData):
    if not any(costs or line for _year, costs, line, _difference in d.begroting.action_comparison):
        return NOTHING_TO_CHECK
    return [
        _("%(year)s: the actions are estimated at %(costs)s together; the budget reserves %(line)s.")
        % {"year": year, "costs": format_euro(costs), "line": format_euro(line)}
        for year, costs, line, difference in d.begroting.action_comparison
        if difference
    ]


@rule(
    Section.BEGROTING,
    gettext_lazy("Only participating municipalities contribute"),
    url_name="dossier_begroting",
    blocking=False,
)
def budget_only_participants(d: DossierData):
    if not any(line.total for line in d.begroting.income):
        return NOTHING_TO_CHECK
    return [
        _("%(gemeente)s no longer takes part in the network but still has a contribution in the budget.")
        % {"gemeente": line.gemeente}
        for line in d.begroting.income
        if not line.participating and line.total
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
    if not d.deelnemers:
        return NOTHING_TO_CHECK
    return [
        _("%(gemeente)s: missing %(fields)s.")
        % {"gemeente": x.gemeente, "fields": ", ".join(x.missing_contact_fields)}
        for x in d.deelnemers
        if not x.contact_complete
    ]


# --- Omgevingsanalyse -----------------------------------------------------------------------------


@rule(
    Section.OMGEVINGSANALYSE,
    gettext_lazy("Enough indicators with figures for every municipality"),
    url_name="analyse_cijfers",
)
def indicators_with_figures(d: DossierData):
    needed = d.ronde.min_indicators
    participating = {x.gemeente_id: str(x.gemeente) for x in d.deelnemers}
    problems, complete = [], 0
    for keuze in d.analyse_keuzes:
        covered = d.analyse_dekking.get(keuze.indicator_id, set())
        missing = [name for pk, name in participating.items() if pk not in covered]
        if missing:
            problems.append(
                _("%(indicator)s: no figures yet for %(gemeenten)s.")
                % {"indicator": keuze.indicator, "gemeenten": ", ".join(missing)}
            )
        else:
            complete += 1
    if complete < needed:
        problems.insert(
            0,
            _("The round asks for at least %(needed)s indicators with figures for every "
              "participating municipality; %(complete)s are complete.")
            % {"needed": needed, "complete": complete},
        )
        return problems
    return []


@rule(
    Section.OMGEVINGSANALYSE,
    gettext_lazy("The internal, external and network analyses are answered"),
    url_name="dossier_omgevingsanalyse",
    anchor="kwalitatief",
)
def qualitative_analyses_answered(d: DossierData):
    return [
        _("%(analysis)s: no question is answered yet.") % {"analysis": label}
        for kind, label in questions.KINDS
        if not (d.kwalitatieve_analyses.get(kind) and d.kwalitatieve_analyses[kind].answered)
    ]


@rule(
    Section.OMGEVINGSANALYSE,
    gettext_lazy("Every guiding question of the analyses is answered"),
    url_name="dossier_omgevingsanalyse",
    anchor="kwalitatief",
    blocking=False,
)
def qualitative_questions_answered(d: DossierData):
    if not any(analysis.answered for analysis in d.kwalitatieve_analyses.values()):
        return NOTHING_TO_CHECK
    problems = []
    for kind, label in questions.KINDS:
        analysis = d.kwalitatieve_analyses.get(kind)
        open_questions = analysis.unanswered if analysis else questions.QUESTIONS[kind]
        if analysis and analysis.answered and open_questions:
            problems.append(
                _("%(analysis)s: %(count)s questions still open.")
                % {"analysis": label, "count": len(open_questions)}
            )
    return problems


@rule(
    Section.OMGEVINGSANALYSE,
    gettext_lazy("At least one threshold is described"),
    url_name="analyse_drempels",
    anchor="drempels",
)
def threshold_described(d: DossierData):
    if d.analyse_aantallen["drempels"]:
        return []
    return [_("Describe at least one threshold (one of the B's) that people in poverty meet.")]


@rule(
    Section.OMGEVINGSANALYSE,
    gettext_lazy("At least one kansengroep is described"),
    url_name="analyse_drempels",
    anchor="kansengroepen",
)
def kansengroep_described(d: DossierData):
    if d.analyse_aantallen["kansengroepen"]:
        return []
    return [_("Describe at least one group with particular participation challenges.")]


@rule(
    Section.OMGEVINGSANALYSE,
    gettext_lazy("People in poverty were heard for the analysis"),
    url_name="analyse_stem",
    blocking=False,
)
def people_in_poverty_heard(d: DossierData):
    if d.analyse_aantallen["bevragingen"]:
        return []
    return [_("Say how people in poverty were heard: how, when and how many people.")]


@rule(
    Section.OMGEVINGSANALYSE,
    gettext_lazy("The SWOT has strengths, weaknesses, opportunities and threats"),
    url_name="analyse_swot",
    blocking=False,
)
def swot_complete(d: DossierData):
    present = d.analyse_aantallen["swot_kinds"]
    missing = [str(label) for value, label in SwotItem.Kind.choices if value not in present]
    if missing:
        return [_("The SWOT has no %(kinds)s yet.") % {"kinds": ", ".join(missing)}]
    return []


@rule(
    Section.OMGEVINGSANALYSE,
    gettext_lazy("The self-evaluation is rewritten, no longer the draft from the follow-up"),
    url_name="analyse_zelfevaluatie",
    blocking=False,
)
def zelfevaluatie_rewritten(d: DossierData):
    if d.zelfevaluatie is None or not d.zelfevaluatie.draft:
        return NOTHING_TO_CHECK
    if d.zelfevaluatie.untouched:
        return [_("The self-evaluation is still the draft built from the follow-up: rewrite it in "
                  "your own words, with the partners and people in poverty.")]
    return []
