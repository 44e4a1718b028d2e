"""The indicator catalogue and its values: shared by every network.

A value belongs to a municipality (or district) and a year; a value without a municipality is
the Flemish reference for that year. Values change only through imports, so that every change
can be undone exactly (see `imports.py`).
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netwerken.models import Gemeente
from netwerken.numbers import format_number


MIN_YEAR = 1990


def max_year() -> int:
    """Figures describe the past: nothing later than the current year."""
    return timezone.localdate().year


class IndicatorQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)


class Indicator(models.Model):
    class Kind(models.TextChoices):
        PERCENTAGE = "percentage", _("percentage (0 to 100)")
        COUNT = "aantal", _("count (can be added up)")
        RATE = "ratio", _("rate (per 1,000 or similar)")
        INDEX = "index", _("index or score")
        AMOUNT = "bedrag", _("amount in euro")
        OTHER = "ander", _("other")

    class FlemishRow(models.TextChoices):
        AVERAGE = "gemiddelde", _("an average or rate: municipalities can be compared with it")
        TOTAL = "totaal", _("a total of all municipalities: not compared with a municipality")
        NONE = "geen", _("no Flemish reference")

    class Format(models.TextChoices):
        NUMBER = "getal", _("number (1.234,5)")
        PERCENT = "procent", _("percentage (12,3 %)")
        EURO = "euro", _("euro (€ 23.456)")

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=200)
    unit = models.CharField(
        _("unit"),
        max_length=100,
        blank=True,
        help_text=_("What the number counts, e.g. “per 1,000 inhabitants” or “percentage of births”."),
    )
    definition = models.TextField(_("definition"))
    publisher = models.CharField(_("publisher"), max_length=200)
    source_url = models.URLField(_("source link"), blank=True)
    higher_is_worse = models.BooleanField(
        _("a higher value signals a greater need"),
        default=True,
        help_text=_("Untick when a lower value is the worrying one, e.g. for income."),
    )
    number_format = models.CharField(
        _("number format"), max_length=10, choices=Format.choices, default=Format.NUMBER
    )
    decimals = models.PositiveSmallIntegerField(
        _("decimals"), default=1, validators=[MaxValueValidator(4)]
    )
    kind = models.CharField(
        _("kind of figure"),
        max_length=12,
        choices=Kind.choices,
        default=Kind.OTHER,
        help_text=_("Decides the bounds of a value and whether values of merged municipalities can be added up."),
    )
    flemish_row = models.CharField(
        _("the Flemish row is"),
        max_length=12,
        choices=FlemishRow.choices,
        default=FlemishRow.AVERAGE,
    )
    min_value = models.DecimalField(
        _("lowest possible value"), max_digits=16, decimal_places=4, null=True, blank=True
    )
    max_value = models.DecimalField(
        _("highest possible value"), max_digits=16, decimal_places=4, null=True, blank=True
    )
    active = models.BooleanField(
        _("can be chosen"),
        default=True,
        help_text=_("Untick to retire an indicator; dossiers that chose it keep it."),
    )

    objects = IndicatorQuerySet.as_manager()

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        if self.min_value is not None and self.max_value is not None and self.min_value > self.max_value:
            raise ValidationError({"max_value": _("The highest value cannot be below the lowest.")})

    def format(self, value: Decimal | None) -> str:
        """The value as people read it here: 12,3 %, € 23.456, 1.234,5."""
        if value is None:
            return "–"
        number = format_number(value, self.decimals)
        if self.number_format == self.Format.PERCENT:
            return f"{number}\u00a0%"
        if self.number_format == self.Format.EURO:
            return f"€\u00a0{number}"
        return number

    def format_change(self, change: Decimal | None) -> str:
        if change is None:
            return "–"
        sign = "+" if change > 0 else ("−" if change < 0 else "±")
        number = format_number(abs(change), self.decimals)
        if self.number_format == self.Format.PERCENT:
            return f"{sign}{number}\u00a0{_('pp')}"
        if self.number_format == self.Format.EURO:
            return f"{sign}€\u00a0{number}"
        return f"{sign}{number}"

    @property
    def can_be_added(self) -> bool:
        """Counts of merged municipalities add up; rates, percentages and averages do not."""
        return self.kind == self.Kind.COUNT

    @property
    def compares_with_flanders(self) -> bool:
        """Only an average or rate for Flanders says whether a municipality does worse."""
        return self.flemish_row == self.FlemishRow.AVERAGE

    def bounds(self) -> tuple[Decimal | None, Decimal | None]:
        """(lowest, highest) possible value: the kind's own, narrowed by the catalogue's."""
        low, high = None, None
        if self.kind == self.Kind.PERCENTAGE:
            low, high = Decimal(0), Decimal(100)
        elif self.kind in {self.Kind.COUNT, self.Kind.RATE}:
            low = Decimal(0)
        if self.min_value is not None:
            low = self.min_value if low is None else max(low, self.min_value)
        if self.max_value is not None:
            high = self.max_value if high is None else min(high, self.max_value)
        return low, high

    def is_worse(self, value: Decimal, than: Decimal) -> bool:
        return value > than if self.higher_is_worse else value < than


class IndicatorValueQuerySet(models.QuerySet):
    def for_gemeenten(self, indicator_ids, gemeente_ids):
        """The values of these municipalities and the Flemish reference, in one query."""
        return self.filter(indicator_id__in=indicator_ids).filter(
            models.Q(gemeente_id__in=gemeente_ids) | models.Q(gemeente__isnull=True)
        )


class IndicatorValue(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    gemeente = models.ForeignKey(
        Gemeente,
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Empty: the Flemish reference value."),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=4)
    batch = models.ForeignKey(
        "analyses.ImportBatch",
        verbose_name=_("import"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    objects = IndicatorValueQuerySet.as_manager()

    class Meta:
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        ordering = ["indicator_id", "year", "gemeente_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "gemeente", "year"],
                condition=models.Q(gemeente__isnull=False),
                name="one_value_per_gemeente_year",
            ),
            models.UniqueConstraint(
                fields=["indicator", "year"],
                condition=models.Q(gemeente__isnull=True),
                name="one_flemish_value_per_year",
            ),
        ]

    def __str__(self):
        where = self.gemeente or _("Flemish Region")
        return f"{self.indicator} {where} {self.year}: {self.value}"
