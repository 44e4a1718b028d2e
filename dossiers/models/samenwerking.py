"""The cooperation agreements (samenwerkingsafspraken): how the network works together.

Not one of the decree's seven parts, but what the toolbox advises to record jointly: the
consultation bodies, decisions and mandates, communication, the monitoring plan with its
reflection moments, how people in poverty take part, and what keeps the network going.
"""

from concurrency.fields import AutoIncVersionField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from netwerken import bounds
from netwerken.fields import BoundedCharField, BoundedTextField
from netwerken.models import Partner

from ..richtext import RichTextField, plain_text
from .doelen import ActieIndicator
from .nota import Afsprakennota


class Samenwerking(models.Model):
    """The written agreements of one dossier: one rich text per subject."""

    # (field, heading, help), in the order pages and exports show them.
    TEXTS = [
        ("besluitvorming", _("Decisions and mandates"),
         _("How the network makes decisions and who holds which mandate.")),
        ("communicatie_intern", _("Internal communication"),
         _("How partners keep each other informed.")),
        ("communicatie_extern", _("External communication"),
         _("How the network reaches people in poverty, organisations and the public.")),
        ("monitoring", _("Monitoring"),
         _("How the network follows its objectives and adjusts its course.")),
        ("participatie", _("Structural participation of people in poverty"),
         _("How people in poverty take part in the network's decisions, not only once.")),
        ("duurzaamheid", _("After the subsidy period"),
         _("What keeps the network and its results going after the period.")),
    ]

    nota = models.OneToOneField(Afsprakennota, on_delete=models.CASCADE, related_name="samenwerking")
    besluitvorming = RichTextField(TEXTS[0][1], max_length=bounds.DESCRIPTION, blank=True)
    communicatie_intern = RichTextField(TEXTS[1][1], max_length=bounds.DESCRIPTION, blank=True)
    communicatie_extern = RichTextField(TEXTS[2][1], max_length=bounds.DESCRIPTION, blank=True)
    monitoring = RichTextField(TEXTS[3][1], max_length=bounds.DESCRIPTION, blank=True)
    participatie = RichTextField(TEXTS[4][1], max_length=bounds.DESCRIPTION, blank=True)
    duurzaamheid = RichTextField(TEXTS[5][1], max_length=bounds.DESCRIPTION, blank=True)
    version = AutoIncVersionField()
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("cooperation agreements")
        verbose_name_plural = _("cooperation agreements")

    def __str__(self):
        return str(_("Cooperation agreements of %(netwerk)s") % {"netwerk": self.nota.netwerk})

    @property
    def texts(self) -> list[tuple[str, str, str]]:
        """(field, heading, html) of every subject."""
        return [(name, str(label), getattr(self, name)) for name, label, _help in self.TEXTS]

    @property
    def empty_texts(self) -> list[str]:
        return [str(label) for name, label, _help in self.TEXTS if not plain_text(getattr(self, name))]


class Overlegorgaan(models.Model):
    """A consultation body: who meets, why, and how often."""

    nota = models.ForeignKey(Afsprakennota, on_delete=models.CASCADE, related_name="overlegorganen")
    name = BoundedCharField(_("name"), max_length=bounds.NAME)
    purpose = BoundedTextField(_("purpose"), max_length=bounds.TEXT, blank=True)
    partners = models.ManyToManyField(
        Partner, verbose_name=_("partners in it"), blank=True, related_name="overlegorganen"
    )
    people = BoundedTextField(
        _("other people in it"),
        max_length=bounds.TEXT,
        blank=True,
        help_text=_("People who are not a partner organisation, e.g. people in poverty or experts."),
    )
    per_year = models.PositiveSmallIntegerField(
        _("meetings a year"),
        validators=[MinValueValidator(1), MaxValueValidator(bounds.MEETINGS_PER_YEAR)],
    )
    version = AutoIncVersionField()
    history = HistoricalRecords(m2m_fields=[partners])

    class Meta:
        verbose_name = _("consultation body")
        verbose_name_plural = _("consultation bodies")
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name

    @property
    def anchor(self) -> str:
        return f"{self._meta.model_name}:{self.pk}"


class Monitoringafspraak(models.Model):
    """One line of the monitoring plan: what is measured, when, and by whom."""

    nota = models.ForeignKey(Afsprakennota, on_delete=models.CASCADE, related_name="monitoringafspraken")
    indicator = models.ForeignKey(
        ActieIndicator,
        verbose_name=_("indicator of an action"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    measure = BoundedCharField(
        _("what is measured"),
        max_length=bounds.TITLE,
        blank=True,
        help_text=_("Needed when no indicator of an action is chosen."),
    )
    moment = BoundedCharField(_("when"), max_length=bounds.SHORT_TEXT)
    by_whom = BoundedCharField(_("by whom"), max_length=bounds.NAME)
    version = AutoIncVersionField()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("line of the monitoring plan")
        verbose_name_plural = _("lines of the monitoring plan")
        ordering = ["pk"]

    def __str__(self):
        return self.measure or (self.indicator.name if self.indicator_id else "")

    def clean(self):
        if not self.indicator_id and not self.measure.strip():
            raise ValidationError(
                {"measure": _("Choose an indicator of an action or say what is measured.")}
            )


class GeplandReflectiemoment(models.Model):
    """A planned moment at which the network looks back and adjusts (plan, do, check, act)."""

    nota = models.ForeignKey(Afsprakennota, on_delete=models.CASCADE, related_name="reflectiemomenten")
    moment = BoundedCharField(_("when"), max_length=bounds.SHORT_TEXT)
    year = models.PositiveSmallIntegerField(
        _("year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(bounds.ROUND_YEAR_MIN), MaxValueValidator(bounds.YEAR_MAX)],
        help_text=_("Leave empty for a moment that comes back every year."),
    )
    participants = BoundedTextField(_("who takes part"), max_length=bounds.TEXT, blank=True)
    version = AutoIncVersionField()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("reflection moment")
        verbose_name_plural = _("reflection moments")
        ordering = ["year", "pk"]

    def __str__(self):
        return self.moment

    @property
    def every_year(self) -> bool:
        return self.year is None
