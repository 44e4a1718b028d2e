"""The omgevingsanalyse in the document. Indicator figures are shared by every network: the
import adds those this installation lacks and never changes the ones it has."""

from typing import Annotated

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from pydantic import Field, ValidationInfo, model_validator

from netwerken import bounds

from .. import analyse_questions as questions
from ..models import Bevraging as BevragingModel
from ..models import SwotItem
from ..vocab import Doelgroep, Drempel
from .fields import (
    Derived, Figure, Part, Text, YearKey, items, one_of, problems_at, some_of, whole_number,
)
from .references import ParticipatingNisCode, ParticipatingNisCodes, context

Figures = Annotated[dict[YearKey, Figure], Field(max_length=bounds.YEAR_MAX - bounds.YEAR_MIN + 1)]


class Indicator(Part):
    """A chosen indicator. An unknown `code` is added to the catalogue from `name`, `unit`,
    `publisher`, `source_url` and `higher_is_worse`."""

    code: Text(bounds.CODE, required=True)
    name: Text(bounds.NAME) = ""
    unit: Text(bounds.SHORT_TEXT) = ""
    publisher: Text(bounds.NAME) = ""
    source_url: Text(bounds.NAME) = ""
    higher_is_worse: bool = True
    interpretation: Text(bounds.TEXT) = ""
    values: Annotated[dict[ParticipatingNisCode, Figures], Field(max_length=bounds.GEMEENTEN)] = {}
    """NIS code to year to figure."""
    reference: Figures = {}
    """Year to the Flemish figure."""
    years: Derived[list[int]] = []
    table: Derived[dict] = {}
    bar_svg: Derived[str] = ""
    line_svg: Derived[str] = ""

    @model_validator(mode="after")
    def described_when_new(self, info: ValidationInfo):
        refs = context(info)
        if refs and self.code not in refs.known_indicators:
            blank = [name for name in ("name", "publisher") if not getattr(self, name).strip()]
            problems_at("indicator", [((name,), _("may not be empty")) for name in blank])
        return self


class Kwalitatief(Part):
    """One qualitative analysis: question key (those of dossiers/analyse_questions.py) to answer."""

    kind: one_of([kind for kind, _label in questions.KINDS])
    label: Derived[str] = ""
    answers: dict[str, Text(bounds.TEXT)] = {}

    @model_validator(mode="after")
    def known_questions(self):
        keys = {key for key, _label in questions.QUESTIONS[self.kind]}
        problems_at("kwalitatief", [
            (("answers", key), _("unknown question")) for key in self.answers if key not in keys
        ])
        return self


class Swot(Part):
    kind: one_of(SwotItem.Kind.values)
    text: Text(bounds.TEXT, required=True)
    source: one_of(SwotItem.Source.values, blank=True) = ""


class Drempelbeschrijving(Part):
    drempel: one_of(Drempel.values)
    description: Text(bounds.TEXT, required=True)
    doelgroepen: some_of(Doelgroep.values, gettext_lazy("unknown target group “%(value)s”")) = []
    gemeenten: ParticipatingNisCodes = []


class Kansengroep(Part):
    doelgroep: one_of(Doelgroep.values)
    name: Text(bounds.NAME) = ""
    description: Text(bounds.TEXT, required=True)
    gemeenten: ParticipatingNisCodes = []


class Bevraging(Part):
    """How people in poverty were heard."""

    method: one_of(BevragingModel.Method.values)
    period: Text(bounds.SHORT_TEXT, required=True)
    participants: whole_number(1, bounds.PARTICIPANTS)
    description: Text(bounds.TEXT) = ""


class Omgevingsanalyse(Part):
    """The environment analysis; null when nothing of it is filled in."""

    indicators: items(Indicator, bounds.ANALYSIS_INDICATORS) = []
    kwalitatief: items(Kwalitatief, len(questions.KINDS), once=(
        lambda part: part.kind, ("kind",), gettext_lazy("this analysis appears twice"),
    )) = []
    swot: items(Swot, bounds.ANALYSIS_ITEMS) = []
    drempels: items(Drempelbeschrijving, bounds.ANALYSIS_ITEMS) = []
    kansengroepen: items(Kansengroep, bounds.ANALYSIS_ITEMS) = []
    bevragingen: items(Bevraging, bounds.ANALYSIS_ITEMS) = []
    netwerkbeeld_svg: Derived[str] = ""
