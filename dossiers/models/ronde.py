from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netwerken import bounds
from netwerken.fields import BoundedCharField
from netwerken.models import Partner


ROUND_YEARS = [MinValueValidator(bounds.ROUND_YEAR_MIN), MaxValueValidator(bounds.YEAR_MAX)]


class IndienrondeQuerySet(models.QuerySet):
    def open(self):
        """Rounds whose deadline has not passed, the nearest first."""
        return self.filter(deadline__gte=timezone.now()).order_by("deadline")

    def current(self):
        """The round publiq follows now: the first whose subsidy period has not started yet
        (being written or reviewed), else the latest one. None when there are no rounds."""
        year = timezone.localdate().year
        return (
            self.filter(first_year__gt=year).order_by("deadline").first()
            or self.order_by("-deadline").first()
        )


class Indienronde(models.Model):
    """A submission round: its deadline, its subsidy period and what it asks.

    Rules that may change between rounds live here as data, editable in the admin.
    """

    name = BoundedCharField(_("name"), max_length=bounds.NAME)
    deadline = models.DateTimeField(_("submission deadline"))
    review_deadline = models.DateTimeField(
        _("review deadline"),
        null=True,
        blank=True,
        help_text=_("publiq decides on every submitted dossier of the round by then."),
    )
    first_year = models.PositiveSmallIntegerField(
        _("first year of the subsidy period"), validators=ROUND_YEARS
    )
    last_year = models.PositiveSmallIntegerField(
        _("last year of the subsidy period"), validators=ROUND_YEARS
    )
    min_action_years = models.PositiveSmallIntegerField(
        _("working years with planned actions"),
        default=2,
        help_text=_("The first N working years must have concretely planned actions."),
    )
    min_indicators = models.PositiveSmallIntegerField(
        _("minimum number of indicators"),
        default=3,
        help_text=_("How many indicators the quantitative analysis must at least follow."),
    )

    objects = IndienrondeQuerySet.as_manager()

    class Meta:
        verbose_name = _("submission round")
        verbose_name_plural = _("submission rounds")
        ordering = ["deadline"]

    def __str__(self):
        return self.name

    def clean(self):
        if self.first_year and self.last_year and self.last_year < self.first_year:
            raise ValidationError(
                {"last_year": _("The last year cannot come before the first year.")}
            )
        if self.first_year and self.last_year and self.last_year - self.first_year >= bounds.PERIOD_YEARS:
            raise ValidationError(
                {"last_year": _("A subsidy period lasts at most %(n)s years.") % {"n": bounds.PERIOD_YEARS}}
            )

    @property
    def years(self) -> list[int]:
        return list(range(self.first_year, self.last_year + 1))

    @property
    def action_years(self) -> list[int]:
        """The working years that need planned actions."""
        return self.years[: self.min_action_years]

    @property
    def period_label(self) -> str:
        return f"{self.first_year}-{self.last_year}"


class RequiredPartner(models.Model):
    """A partner a round requires: one of some kinds, once or in every participating municipality.

    E.g. a culture service in every municipality, or at least one association where people in
    poverty speak or another poverty organisation in the network.
    """

    ronde = models.ForeignKey(
        Indienronde, on_delete=models.CASCADE, related_name="required_partners"
    )
    label = BoundedCharField(_("description"), max_length=bounds.NAME)
    kinds = models.JSONField(
        _("kinds of partner"),
        default=list,
        help_text=_("Any one of these kinds fulfils the requirement."),
    )
    per_gemeente = models.BooleanField(
        _("in every participating municipality"),
        default=False,
        help_text=_("For municipal services: each participating municipality needs one."),
    )

    class Meta:
        verbose_name = _("required partner")
        verbose_name_plural = _("required partners")
        ordering = ["pk"]

    def __str__(self):
        return self.label

    def clean(self):
        valid = set(Partner.Kind.values)
        if not self.kinds or not set(self.kinds) <= valid:
            raise ValidationError({"kinds": _("Choose one or more kinds of partner.")})

    def kind_labels(self) -> list[str]:
        return [str(Partner.Kind(kind).label) for kind in self.kinds]
