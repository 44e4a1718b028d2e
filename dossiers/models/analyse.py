"""A dossier's analysis: the chosen indicators with their meaning, the qualitative analyses, the
SWOT, the thresholds, the kansengroepen and how people in poverty were heard.

Every item carries a version number, so two people editing the same item never overwrite each
other unknowingly.
"""

from concurrency.fields import AutoIncVersionField
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from analyses.models import Indicator
from dossiers.vocab import Doelgroep, Drempel
from netwerken import bounds
from netwerken.fields import BoundedCharField, BoundedTextField
from netwerken.models import Gemeente

from .. import analyse_questions as questions
from .nota import Afsprakennota


class GekozenIndicator(models.Model):
    """An indicator the network follows in its quantitative analysis, with what it means."""

    nota = models.ForeignKey(
        Afsprakennota, on_delete=models.CASCADE, related_name="gekozen_indicatoren"
    )
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.PROTECT, related_name="+"
    )
    interpretation = BoundedTextField(
        _("what the figures mean for the network"),
        max_length=bounds.TEXT,
        blank=True,
        help_text=_(
            "Which municipalities stand out, how things evolve, and what the network takes from it."
        ),
    )
    version = AutoIncVersionField()
    history = HistoricalRecords(table_name="analyses_historicalgekozenindicator")

    class Meta:
        db_table = "analyses_gekozenindicator"  # kept from when the model lived in analyses
        verbose_name = _("chosen indicator")
        verbose_name_plural = _("chosen indicators")
        ordering = ["indicator__name"]
        constraints = [
            models.UniqueConstraint(fields=["nota", "indicator"], name="indicator_once_per_nota")
        ]

    def __str__(self):
        return str(self.indicator)


class KwalitatieveAnalyse(models.Model):
    """The answers to the guiding questions of the internal, external or network analysis."""

    nota = models.ForeignKey(
        Afsprakennota, on_delete=models.CASCADE, related_name="kwalitatieve_analyses"
    )
    kind = models.CharField(_("analysis"), max_length=10, choices=questions.KINDS)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    version = AutoIncVersionField()
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)
    history = HistoricalRecords(table_name="analyses_historicalkwalitatieveanalyse")

    class Meta:
        db_table = "analyses_kwalitatieveanalyse"  # kept from when the model lived in analyses
        verbose_name = _("qualitative analysis")
        verbose_name_plural = _("qualitative analyses")
        constraints = [
            models.UniqueConstraint(fields=["nota", "kind"], name="one_analysis_of_each_kind")
        ]

    def __str__(self):
        return self.get_kind_display()

    def answer(self, key: str) -> str:
        return (self.answers or {}).get(key, "")

    @property
    def questions(self):
        return questions.QUESTIONS[self.kind]

    @property
    def qa(self) -> list:
        """(question, answer) for every question, for reading."""
        return [(label, self.answer(key)) for key, label in self.questions]

    @property
    def answered(self) -> list:
        return [(key, label) for key, label in self.questions if self.answer(key).strip()]

    @property
    def unanswered(self) -> list:
        return [(key, label) for key, label in self.questions if not self.answer(key).strip()]


class SwotItem(models.Model):
    class Kind(models.TextChoices):
        STRENGTH = "sterkte", _("strength")
        WEAKNESS = "zwakte", _("weakness")
        OPPORTUNITY = "kans", _("opportunity")
        THREAT = "bedreiging", _("threat")

    class Source(models.TextChoices):
        SURVEY = "bevraging", _("survey")
        CONVERSATION = "gesprek", _("conversation with people in poverty")
        DATA = "cijfers", _("figures")
        PARTNERS = "partneroverleg", _("partner meeting")
        OTHER = "andere", _("other")

    nota = models.ForeignKey(Afsprakennota, on_delete=models.CASCADE, related_name="swot_items")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    text = BoundedTextField(_("description"), max_length=bounds.TEXT)
    source = models.CharField(
        _("where it comes from"), max_length=20, choices=Source.choices, blank=True
    )
    version = AutoIncVersionField()
    history = HistoricalRecords(table_name="analyses_historicalswotitem")

    class Meta:
        db_table = "analyses_swotitem"  # kept from when the model lived in analyses
        verbose_name = _("SWOT item")
        verbose_name_plural = _("SWOT items")
        ordering = ["pk"]

    def __str__(self):
        return self.text[:80]


class Drempelbeschrijving(models.Model):
    """One of the B's of accessibility as the network sees it in its area."""

    nota = models.ForeignKey(Afsprakennota, on_delete=models.CASCADE, related_name="drempels")
    drempel = models.CharField(_("threshold"), max_length=20, choices=Drempel.choices)
    description = BoundedTextField(
        _("description"),
        max_length=bounds.TEXT,
        help_text=_("What people meet in practice, and the hidden side of it."),
    )
    doelgroepen = models.JSONField(_("groups concerned"), default=list, blank=True)
    gemeenten = models.ManyToManyField(
        Gemeente, verbose_name=_("municipalities concerned"), blank=True, related_name="+"
    )
    version = AutoIncVersionField()
    history = HistoricalRecords(table_name="analyses_historicaldrempelbeschrijving", m2m_fields=[gemeenten])

    class Meta:
        db_table = "analyses_drempelbeschrijving"  # kept from when the model lived in analyses
        verbose_name = _("threshold")
        verbose_name_plural = _("thresholds")
        ordering = ["drempel"]
        constraints = [
            models.UniqueConstraint(fields=["nota", "drempel"], name="one_description_per_drempel")
        ]

    def __str__(self):
        return self.get_drempel_display()

    def doelgroep_labels(self) -> list[str]:
        return [str(Doelgroep(v).label) for v in self.doelgroepen if v in Doelgroep.values]


class Kansengroep(models.Model):
    """A group with particular participation challenges in the region."""

    nota = models.ForeignKey(Afsprakennota, on_delete=models.CASCADE, related_name="kansengroepen")
    doelgroep = models.CharField(_("group"), max_length=20, choices=Doelgroep.choices)
    name = BoundedCharField(
        _("more precisely"),
        max_length=bounds.NAME,
        blank=True,
        help_text=_("E.g. single parents, newcomers who do not speak Dutch yet."),
    )
    description = BoundedTextField(
        _("why this group"), max_length=bounds.TEXT, help_text=_("What makes taking part harder for them here?")
    )
    gemeenten = models.ManyToManyField(
        Gemeente, verbose_name=_("municipalities concerned"), blank=True, related_name="+"
    )
    version = AutoIncVersionField()
    history = HistoricalRecords(table_name="analyses_historicalkansengroep", m2m_fields=[gemeenten])

    class Meta:
        db_table = "analyses_kansengroep"  # kept from when the model lived in analyses
        verbose_name = _("kansengroep")
        verbose_name_plural = _("kansengroepen")
        ordering = ["doelgroep", "pk"]

    def __str__(self):
        label = self.get_doelgroep_display()
        return f"{label}: {self.name}" if self.name else str(label)


class Bevraging(models.Model):
    """How people in poverty were heard for the analysis."""

    class Method(models.TextChoices):
        SURVEY = "bevraging", _("survey or questionnaire")
        GROUP = "groepsgesprek", _("group conversation")
        INDIVIDUAL = "gesprekken", _("individual conversations")
        EXPERTS = "ervaringsdeskundigen", _("experts by experience (ervaringsdeskundigen)")
        ASSOCIATION = "vereniging", _("meeting of an association where people in poverty speak")
        OTHER = "andere", _("other")

    nota = models.ForeignKey(Afsprakennota, on_delete=models.CASCADE, related_name="bevragingen")
    method = models.CharField(_("how"), max_length=30, choices=Method.choices)
    period = BoundedCharField(
        _("when"), max_length=bounds.SHORT_TEXT, help_text=_("A date or a period, e.g. spring 2025.")
    )
    participants = models.PositiveIntegerField(
        _("number of people in poverty"),
        validators=[MinValueValidator(1), MaxValueValidator(bounds.PARTICIPANTS)],
    )
    description = BoundedTextField(
        _("what came out of it"), max_length=bounds.TEXT, blank=True, help_text=_("Who took part, and the main lessons.")
    )
    version = AutoIncVersionField()
    history = HistoricalRecords(table_name="analyses_historicalbevraging")

    class Meta:
        db_table = "analyses_bevraging"  # kept from when the model lived in analyses
        verbose_name = _("hearing of people in poverty")
        verbose_name_plural = _("hearings of people in poverty")
        ordering = ["pk"]

    def __str__(self):
        return f"{self.get_method_display()} ({self.period})"
