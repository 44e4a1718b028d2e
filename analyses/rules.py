"""The omgevingsanalyse's rules of the live decree checklist (see dossiers/checklist.py)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from dossiers.checklist import DossierData, rule
from dossiers.models import Section


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
    from analyses import questions

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
    from analyses import questions

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
    from analyses.models import SwotItem

    present = d.analyse_aantallen["swot_kinds"]
    missing = [str(label) for value, label in SwotItem.Kind.choices if value not in present]
    if missing:
        return [_("The SWOT has no %(kinds)s yet.") % {"kinds": ", ".join(missing)}]
    return []
