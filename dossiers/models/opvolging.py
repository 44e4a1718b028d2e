"""The yearly follow-up of an approved afsprakennota (plan, do, check, act).

Per working year of the round: what became of each action, the measured value of each indicator,
the budget realised per line against the plan, the reflection moments held, and the proposed
changes (bijsturing) those moments decided on. The approved dossier itself stays frozen: a
proposed change is applied by the coordinator when the dossier is opened for changes again.
"""

from decimal import Decimal

from concurrency.fields import AutoIncVersionField
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from netwerken import bounds
from netwerken.fields import BoundedCharField, BoundedTextField, money_field
from netwerken.models import Partner

from .begroting import Begrotingspost
from .doelen import Actie, ActieIndicator
from .nota import Afsprakennota

# A realised amount that differs more than this share from the plan needs an explanation.
DEVIATION_LIMIT = Decimal("0.10")


class WerkjaarQuerySet(models.QuerySet):
    def of(self, nota):
        return self.filter(nota=nota).order_by("year")


class Werkjaar(models.Model):
    """One working year of an approved dossier's follow-up."""

    nota = models.ForeignKey(Afsprakennota, on_delete=models.CASCADE, related_name="werkjaren")
    year = models.PositiveSmallIntegerField(_("working year"))
    started_at = models.DateTimeField(_("started at"), auto_now_add=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    objects = WerkjaarQuerySet.as_manager()

    class Meta:
        verbose_name = _("working year")
        verbose_name_plural = _("working years")
        ordering = ["year"]
        constraints = [
            models.UniqueConstraint(fields=["nota", "year"], name="one_follow_up_per_year")
        ]

    def __str__(self):
        return f"{self.nota} {self.year}"

    def clean(self):
        if self.year not in self.nota.ronde.years:
            raise ValidationError(
                {"year": _("%(year)s is not a working year of this round.") % {"year": self.year}}
            )


class ActieOpvolging(models.Model):
    """What became of one action in one working year."""

    class Status(models.TextChoices):
        NIET_GESTART = "niet_gestart", _("not started")
        LOPEND = "lopend", _("in progress")
        AFGEROND = "afgerond", _("completed")
        UITGESTELD = "uitgesteld", _("postponed")
        GESCHRAPT = "geschrapt", _("cancelled")

    werkjaar = models.ForeignKey(Werkjaar, on_delete=models.CASCADE, related_name="acties")
    actie = models.ForeignKey(Actie, on_delete=models.CASCADE, related_name="opvolgingen")
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NIET_GESTART
    )
    done = BoundedTextField(_("what was done"), max_length=bounds.TEXT, blank=True)
    participants = models.PositiveIntegerField(
        _("participants"), null=True, blank=True,
        validators=[MaxValueValidator(bounds.PARTICIPANTS)],
    )
    participants_kansengroepen = models.PositiveIntegerField(
        _("of whom from the action's kansengroepen"), null=True, blank=True,
        validators=[MaxValueValidator(bounds.PARTICIPANTS)],
    )
    partners = models.ManyToManyField(
        Partner, verbose_name=_("partners that took part"), blank=True, related_name="+"
    )
    cost = money_field(_("cost realised"), null=True, blank=True)
    version = AutoIncVersionField()
    history = HistoricalRecords(m2m_fields=[partners])

    class Meta:
        verbose_name = _("follow-up of an action")
        verbose_name_plural = _("follow-up of actions")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["werkjaar", "actie"], name="one_follow_up_per_action"),
            models.CheckConstraint(
                condition=models.Q(participants_kansengroepen__lte=models.F("participants"))
                | models.Q(participants_kansengroepen__isnull=True),
                name="reach_within_participants",
            ),
        ]

    def __str__(self):
        return f"{self.actie} {self.werkjaar.year}"

    def clean(self):
        reached = self.participants_kansengroepen
        if reached is not None and (self.participants is None or reached > self.participants):
            raise ValidationError({
                "participants_kansengroepen": _(
                    "The participants from the kansengroepen cannot be more than all participants."
                )
            })


class IndicatorMeting(models.Model):
    """The measured value of one indicator in one working year, against its target."""

    werkjaar = models.ForeignKey(Werkjaar, on_delete=models.CASCADE, related_name="metingen")
    indicator = models.ForeignKey(ActieIndicator, on_delete=models.CASCADE, related_name="metingen")
    value = BoundedCharField(_("measured value"), max_length=bounds.NAME, blank=True)
    remark = BoundedTextField(_("remark"), max_length=bounds.TEXT, blank=True)
    version = AutoIncVersionField()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("indicator measurement")
        verbose_name_plural = _("indicator measurements")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["werkjaar", "indicator"], name="one_measurement_per_year")
        ]

    def __str__(self):
        return f"{self.indicator.name} {self.werkjaar.year}: {self.value}"


def needs_explanation(planned: Decimal | None, realised: Decimal | None) -> bool:
    """True when the realised amount deviates more than 10% from the plan (each fact once)."""
    if realised is None:
        return False
    planned = planned or Decimal("0")
    if planned == 0:
        return realised != 0
    return abs(realised - planned) > planned * DEVIATION_LIMIT


class BegrotingRealisatie(models.Model):
    """The amount realised on one budget line in one working year."""

    werkjaar = models.ForeignKey(Werkjaar, on_delete=models.CASCADE, related_name="realisaties")
    post = models.ForeignKey(Begrotingspost, on_delete=models.CASCADE, related_name="realisaties")
    # The plan as it stood when the year started, so the comparison does not move afterwards.
    planned = money_field(_("planned"), default=Decimal("0"))
    amount = money_field(_("realised"), null=True, blank=True)
    explanation = BoundedTextField(_("explanation of the deviation"), max_length=bounds.TEXT, blank=True)
    version = AutoIncVersionField()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("budget realisation")
        verbose_name_plural = _("budget realisations")
        ordering = ["post__kind", "post__position", "post__pk"]
        constraints = [
            models.UniqueConstraint(fields=["werkjaar", "post"], name="one_realisation_per_line_year")
        ]

    def __str__(self):
        return f"{self.post} {self.werkjaar.year}: {self.amount}"

    @property
    def deviates(self) -> bool:
        return needs_explanation(self.planned, self.amount)

    @property
    def difference(self) -> Decimal | None:
        return None if self.amount is None else self.amount - self.planned

    def clean(self):
        if self.deviates and not self.explanation.strip():
            raise ValidationError({
                "explanation": _(
                    "The realised amount differs more than 10 percent from the planned amount: "
                    "explain why."
                )
            })


class Reflectiemoment(models.Model):
    """A moment the network looked back on its work and decided what to change."""

    werkjaar = models.ForeignKey(Werkjaar, on_delete=models.CASCADE, related_name="reflectiemomenten")
    held_on = models.DateField(_("date"))
    participants = BoundedTextField(_("who took part"), max_length=bounds.TEXT)
    people_in_poverty = models.BooleanField(_("people in poverty took part"), default=False)
    lessons = BoundedTextField(_("lessons"), max_length=bounds.TEXT, blank=True)
    decisions = BoundedTextField(_("decisions"), max_length=bounds.TEXT, blank=True)
    version = AutoIncVersionField()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("reflection moment")
        verbose_name_plural = _("reflection moments")
        ordering = ["held_on", "pk"]

    def __str__(self):
        return f"{self.held_on}"


class Bijsturing(models.Model):
    """A change to the plan of the following years that a reflection moment decided on.

    The approved dossier is frozen, so this is a proposal: the coordinator applies it by hand
    when the dossier is next opened for changes through the workflow, and marks it applied then;
    the change itself gets the dossier's usual history.
    """

    class Status(models.TextChoices):
        VOORGESTELD = "voorgesteld", _("proposed")
        TOEGEPAST = "toegepast", _("applied")
        VERWORPEN = "verworpen", _("rejected")

    werkjaar = models.ForeignKey(Werkjaar, on_delete=models.CASCADE, related_name="bijsturingen")
    reflectiemoment = models.ForeignKey(
        Reflectiemoment, verbose_name=_("decided at"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="bijsturingen",
    )
    actie = models.ForeignKey(
        Actie, verbose_name=_("action"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )
    post = models.ForeignKey(
        Begrotingspost, verbose_name=_("budget line"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="+",
    )
    from_year = models.PositiveSmallIntegerField(_("from year"))
    description = BoundedTextField(_("proposed change"), max_length=bounds.TEXT)
    amount = money_field(_("new yearly amount"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.VOORGESTELD
    )
    version = AutoIncVersionField()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("proposed change")
        verbose_name_plural = _("proposed changes")
        ordering = ["from_year", "pk"]

    def __str__(self):
        return self.description[:60]

    def clean(self):
        if self.werkjaar_id and self.from_year is not None:
            years = self.werkjaar.nota.ronde.years
            if not self.werkjaar.year < self.from_year <= years[-1]:
                raise ValidationError({
                    "from_year": _("A change applies to a following working year of the round.")
                })
