"""The dossier document (docs/dossier-format.md) as pydantic models: versions 1 and 2.

Every bound is the models' own, from netwerken/bounds.py; every choice is the models' list.
`Derived` keys are what the export writes for readers (codes, labels, the plain text of the
vision): described, never checked, ignored on import.
"""

from typing import Annotated, Literal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from pydantic import AfterValidator, ValidationInfo, create_model, model_validator

from netwerken import bounds
from netwerken.numbers import format_count
from netwerken.models import Partner as PartnerModel

from ..models import Begrotingspost
from ..models import Visie as VisieModel
from ..snapshot import FORMAT
from ..vocab import Doelgroep, Drempel, Inspraak
from .analyse import Omgevingsanalyse
from .fields import (
    ClosedPart,
    Derived,
    Email,
    Money,
    Part,
    Phone,
    Year,
    items,
    one_of,
    problem,
    problems_at,
    RichText,
    some_of,
    Text,
)
from .references import (
    NisCode,
    ParticipatingNisCode,
    PartnerKey,
    PartnerKeys,
    WorkingYearKey,
    WorkingYears,
    context,
)
from .samenwerking import Samenwerking


class Ronde(Part):
    """The submission round: the import looks it up by its first and last year."""

    name: Derived[str] = ""
    deadline: Derived[str | None] = None
    first_year: Year
    last_year: Year


class Netwerk(Part):
    """The network; only read when the import makes it."""

    name: Text(bounds.NAME) = ""
    igs_name: Text(bounds.NAME) = ""
    referentieregio: Text(bounds.NAME) = ""

    @model_validator(mode="after")
    def named_when_new(self, info: ValidationInfo):
        refs = context(info)
        if refs and refs.new_network:
            blank = [name for name in ("name", "igs_name", "referentieregio") if not getattr(self, name).strip()]
            problems_at("netwerk", [((name,), _("may not be empty")) for name in blank])
        return self


class GemeenteContact(Part):
    name: Text(bounds.NAME) = ""
    function: Text(bounds.NAME) = ""
    email: Email = ""
    phone: Phone = ""
    address: Text(bounds.ADDRESS) = ""


class Gemeente(Part):
    """A participating municipality; its name comes from the reference list."""

    nis_code: NisCode
    name: Derived[str] = ""
    kind: Derived[str] = ""
    contact: GemeenteContact = GemeenteContact()


class PartnerContact(Part):
    name: Text(bounds.NAME) = ""
    email: Email = ""
    phone: Phone = ""


class Partner(Part):
    key: Text(bounds.CODE, required=True)
    """Identifies the partner inside the document ("p12"); actions refer to it."""
    name: Text(bounds.NAME, required=True)
    kind: one_of(PartnerModel.Kind.values)
    level: one_of(PartnerModel.Level.values)
    gemeente: ParticipatingNisCode | None = None
    """The municipality it works for, or null when regional."""
    contact: PartnerContact = PartnerContact()
    involvement: Text(bounds.TEXT) = ""
    future_involvement: Text(bounds.TEXT) = ""
    confirmation: Derived[dict | None] = None


VisieQuestions = create_model(
    "VisieQuestions",
    __base__=ClosedPart,
    __doc__="The guiding questions of the vision, each answered in plain text.",
    **{name: (Text(bounds.TEXT), "") for name, _label in VisieModel.QUESTIONS},
)


class Visie(Part):
    text: RichText(bounds.LONG_TEXT) = ""
    text_plain: Derived[str] = ""
    vorm: one_of(VisieModel.Vorm.values, blank=True) = ""
    vorm_motivation: Text(bounds.TEXT) = ""
    questions: VisieQuestions = VisieQuestions()
    inspraak: one_of(Inspraak.values, blank=True) = ""


class ActieIndicator(Part):
    name: Text(bounds.TITLE, required=True)
    target: Text(bounds.NAME, required=True)


class Actie(Part):
    key: Derived[str] = ""
    code: Derived[str] = ""
    title: Text(bounds.TITLE, required=True)
    description: Text(bounds.DESCRIPTION) = ""
    years: WorkingYears = []
    """Working years, inside the round's period."""
    lead_partner: PartnerKey | None = None
    partners: PartnerKeys = []
    doelgroepen: some_of(Doelgroep.values, gettext_lazy("unknown target group “%(value)s”")) = []
    drempels: some_of(Drempel.values, gettext_lazy("unknown threshold “%(value)s”")) = []
    inspraak: one_of(Inspraak.values, blank=True) = ""
    indicators: items(ActieIndicator, bounds.INDICATORS_PER_ACTION) = []
    costs: dict[WorkingYearKey, Money] = {}
    """Year to amount."""


class OperationeleDoelstelling(Part):
    key: Derived[str] = ""
    code: Derived[str] = ""
    title: Text(bounds.TITLE, required=True)
    description: Text(bounds.DESCRIPTION) = ""
    acties: items(Actie, bounds.ACTIONS_PER_OPERATIONAL) = []


class StrategischeDoelstelling(Part):
    key: Derived[str] = ""
    code: Derived[str] = ""
    title: Text(bounds.TITLE, required=True)
    description: Text(bounds.DESCRIPTION) = ""
    ods: items(OperationeleDoelstelling, bounds.OPERATIONAL_PER_STRATEGIC) = []


def _actions_within_bound(sds: list[StrategischeDoelstelling]) -> list[StrategischeDoelstelling]:
    actions = sum(len(od.acties) for sd in sds for od in sd.ods)
    if actions > bounds.ACTIONS:
        raise problem(_("at most %(limit)s actions in a dossier (this one has %(count)s)") % {
            "limit": format_count(bounds.ACTIONS), "count": format_count(actions)})
    return sds


class Begrotingslijn(Part):
    key: Derived[str] = ""
    label: Derived[str] = ""
    kind: one_of(Begrotingspost.Kind.values)
    category: one_of(Begrotingspost.Category.values)
    gemeente: str | None = None
    """The NIS code of the municipality, for `gemeente` lines only."""
    note: Text(bounds.TITLE) = ""
    amounts: dict[WorkingYearKey, Money] = {}
    """Year to amount."""

    @model_validator(mode="after")
    def fits_its_kind(self, info: ValidationInfo):
        found = []
        income = self.kind == Begrotingspost.Kind.INKOMST
        if self.category not in (Begrotingspost.INCOME if income else Begrotingspost.EXPENSES):
            found.append((("category",), _("does not belong with this kind of line")))
        refs = context(info)
        gemeente_line = self.category == Begrotingspost.Category.GEMEENTE
        if refs and gemeente_line and self.gemeente not in refs.nis_codes:
            found.append((("gemeente",), _("not one of the participating municipalities")))
        problems_at("begroting", found)
        return self

    @property
    def identity(self):
        return self.category, self.gemeente if self.category == Begrotingspost.Category.GEMEENTE else None


class Begroting(Part):
    years: Derived[list[int]] = []
    lines: items(Begrotingslijn, bounds.BUDGET_LINES, once=(
        lambda line: line.identity, (), gettext_lazy("this budget line appears twice"),
    )) = []


class Zelfevaluatie(Part):
    """The self-evaluation of the omgevingsanalyse; null while it says nothing."""

    text: RichText(bounds.LONG_TEXT) = ""
    text_plain: Derived[str] = ""


class DocumentV1(Part):
    """An afsprakennota, format version 1 (before the cooperation agreements)."""

    format: Literal[FORMAT]
    format_version: Literal[1]
    made_at: Derived[str] = ""
    status: Derived[str] = ""
    ronde: Ronde
    netwerk: Netwerk
    gemeenten: items(Gemeente, bounds.GEMEENTEN, once=(
        lambda g: g.nis_code, ("nis_code",), gettext_lazy("this municipality appears twice"),
    )) = []
    partners: items(Partner, bounds.PARTNERS, once=(
        lambda p: p.key, ("key",), gettext_lazy("every partner needs its own key"),
    )) = []
    visie: Visie | None = None
    doelstellingen: Annotated[
        items(StrategischeDoelstelling, bounds.STRATEGIC_OBJECTIVES), AfterValidator(_actions_within_bound)
    ] = []
    begroting: Begroting | None = None
    omgevingsanalyse: Omgevingsanalyse | None = None


class DocumentV2(DocumentV1):
    """An afsprakennota, format version 2: version 1 with the cooperation agreements."""

    format_version: Literal[2]
    samenwerking: Samenwerking | None = None
    zelfevaluatie: Zelfevaluatie | None = None


DOCUMENTS = {1: DocumentV1, 2: DocumentV2}
