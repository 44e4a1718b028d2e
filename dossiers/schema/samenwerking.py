"""The cooperation agreements (samenwerkingsafspraken) in the document, format version 2."""

from django.utils.translation import gettext as _
from pydantic import ValidationInfo, create_model, model_validator

from netwerken import bounds
from netwerken.models import Beheerrol

from ..models import Samenwerking as SamenwerkingModel
from .fields import ClosedPart, Part, RichText, Text, items, one_of, problems_at, whole_number
from .references import PartnerKey, PartnerKeys, WorkingYear, context

Texts = create_model(
    "SamenwerkingTexts",
    __base__=ClosedPart,
    __doc__="The written agreements: one rich text per subject.",
    **{name: (RichText(bounds.DESCRIPTION), "") for name, _label, _help in SamenwerkingModel.TEXTS},
)


class Overlegorgaan(Part):
    """A consultation body."""

    name: Text(bounds.NAME, required=True)
    purpose: Text(bounds.TEXT) = ""
    partners: PartnerKeys = []
    people: Text(bounds.TEXT) = ""
    """Other members, free text."""
    per_year: whole_number(1, bounds.MEETINGS_PER_YEAR)
    """Meetings a year."""


class Rol(Part):
    """A network role; it belongs to the network, so only an import that makes the network reads it."""

    role: one_of(Beheerrol.values)
    person_name: Text(bounds.NAME, required=True)
    partner: PartnerKey | None = None


class Monitoringafspraak(Part):
    """A line of the monitoring plan: an action's indicator (by the action's code and the
    indicator's name), or both null when the line measures something else."""

    actie: Text(bounds.SHORT_TEXT) | None = None
    indicator: Text(bounds.TITLE) | None = None
    # `measure` may be empty: a line whose indicator was removed says nothing any more, and the
    # checklist says so; refusing it here would make the dossier impossible to copy.
    measure: Text(bounds.TITLE) = ""
    moment: Text(bounds.SHORT_TEXT, required=True)
    by_whom: Text(bounds.NAME, required=True)

    @model_validator(mode="after")
    def refers_to_an_indicator(self, info: ValidationInfo):
        refs = context(info)
        if refs and (self.actie, self.indicator) != (None, None):
            if (self.actie, self.indicator) not in refs.indicators:
                message = _("refers to no indicator of action “%(code)s”") % {"code": self.actie}
                problems_at("monitoring", [(("indicator",), message)])
        return self


class Reflectiemoment(Part):
    moment: Text(bounds.SHORT_TEXT, required=True)
    year: WorkingYear | None = None
    """A year of the period, or null for every year."""
    participants: Text(bounds.TEXT) = ""


class Samenwerking(Part):
    """The cooperation agreements; null while nothing of them is written."""

    texts: Texts = Texts()
    overlegorganen: items(Overlegorgaan, bounds.CONSULTATION_BODIES) = []
    rollen: items(Rol, bounds.PARTNERS) = []
    monitoring: items(Monitoringafspraak, bounds.MONITORING_ROWS) = []
    reflectiemomenten: items(Reflectiemoment, bounds.REFLECTION_MOMENTS) = []
