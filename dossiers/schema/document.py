"""The dossier document (docs/dossier-format.md) as pydantic models: versions 1 and 2.

Every bound is the models' own, from netwerken/bounds.py; every choice is the models' list.
`Derived` keys are what the export writes for readers (codes, labels, the plain text of the
vision): described, never checked, ignored on import.
"""

from typing import Annotated, Literal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from pydantic import AfterValidator, Field, ValidationInfo, create_model, model_validator

from netwerken import bounds
from netwerken.fields import count
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
            problems_at("netwerk", [
                ((name,), _("may not be empty"))
                for name in ("name", "igs_name", "referentieregio") if not getattr(self, name).strip()
            ])
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


def _each_once(gemeenten: list[Gemeente]) -> list[Gemeente]:
    seen = set()
    found = []
    for i, gemeente in enumerate(gemeenten):
        if gemeente.nis_code in seen:
            found.append(((i, "nis_code"), _("this municipality appears twice")))
        seen.add(gemeente.nis_code)
    problems_at("gemeenten", found)
    return gemeenten


class PartnerContact(Part):
    name: Text(bounds.NAME) = ""
    email: Email = ""
    phone: Phone = ""


class Partner(Part):
    key: Text(bounds.CODE)
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


def _own_keys(partners: list[Partner]) -> list[Partner]:
    seen = set()
    found = []
    for i, partner in enumerate(partners):
        if not partner.key or partner.key in seen:
            found.append(((i, "key"), _("every partner needs its own key")))
        seen.add(partner.key)
    problems_at("partners", found)
    return partners


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
            "limit": count(bounds.ACTIONS), "count": count(actions)})
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


def _each_line_once(lines: list[Begrotingslijn]) -> list[Begrotingslijn]:
    seen = set()
    found = []
    for i, line in enumerate(lines):
        if line.identity in seen:
            found.append(((i,), _("this budget line appears twice")))
        seen.add(line.identity)
    problems_at("begroting", found)
    return lines


class Begroting(Part):
    years: Derived[list[int]] = []
    lines: Annotated[items(Begrotingslijn, bounds.BUDGET_LINES), AfterValidator(_each_line_once)] = []


class DocumentV1(Part):
    """An afsprakennota, format version 1 (before the cooperation agreements)."""

    format: Literal[FORMAT]
    format_version: Literal[1]
    made_at: Derived[str] = ""
    status: Derived[str] = ""
    ronde: Ronde
    netwerk: Netwerk
    gemeenten: Annotated[items(Gemeente, bounds.GEMEENTEN), AfterValidator(_each_once)] = []
    partners: Annotated[items(Partner, bounds.PARTNERS), AfterValidator(_own_keys)] = []
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


DOCUMENTS = {1: DocumentV1, 2: DocumentV2}
