"""The multi-year budget: a grid of budget lines by the round's years."""

from decimal import Decimal

from concurrency.fields import AutoIncVersionField
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from netwerken import bounds
from netwerken.fields import BoundedCharField, money_field
from netwerken.models import Gemeente

from .nota import Afsprakennota


class Begrotingspost(models.Model):
    """One line of the budget: an expense category or an income source."""

    class Kind(models.TextChoices):
        UITGAVE = "uitgave", _("expense")
        INKOMST = "inkomst", _("income")

    class Category(models.TextChoices):
        PERSONEEL = "personeel", _("staff")
        WERKING = "werking", _("running costs")
        ACTIES = "acties", _("actions")
        COMMUNICATIE = "communicatie", _("communication")
        VERVOER = "vervoer", _("transport and accessibility")
        VORMING = "vorming", _("training")
        ANDERE_UITGAVEN = "andere_uitgaven", _("other expenses")
        VLAAMSE_SUBSIDIE = "vlaamse_subsidie", _("Flemish subsidy")
        GEMEENTE = "gemeente", _("contribution of a municipality")
        EIGEN_INBRENG = "eigen_inbreng", _("own contribution of the IGS")
        ANDERE_SUBSIDIES = "andere_subsidies", _("other subsidies")
        ANDERE_INKOMSTEN = "andere_inkomsten", _("other income")

    EXPENSES = [
        Category.PERSONEEL,
        Category.WERKING,
        Category.ACTIES,
        Category.COMMUNICATIE,
        Category.VERVOER,
        Category.VORMING,
        Category.ANDERE_UITGAVEN,
    ]
    INCOME = [
        Category.VLAAMSE_SUBSIDIE,
        Category.GEMEENTE,
        Category.EIGEN_INBRENG,
        Category.ANDERE_SUBSIDIES,
        Category.ANDERE_INKOMSTEN,
    ]

    nota = models.ForeignKey(Afsprakennota, on_delete=models.CASCADE, related_name="begrotingsposten")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    category = models.CharField(_("category"), max_length=30, choices=Category.choices)
    gemeente = models.ForeignKey(
        Gemeente,
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    note = BoundedCharField(_("explanation"), max_length=bounds.TITLE, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["kind", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["nota", "category"],
                condition=models.Q(gemeente__isnull=True),
                name="one_budget_line_per_category",
            ),
            models.UniqueConstraint(
                fields=["nota", "gemeente"],
                condition=models.Q(gemeente__isnull=False),
                name="one_budget_line_per_gemeente",
            ),
        ]

    def __str__(self):
        if self.gemeente_id:
            return str(_("Contribution of %(gemeente)s") % {"gemeente": self.gemeente})
        return capfirst(self.get_category_display())


class Begrotingsbedrag(models.Model):
    """The amount of one budget line in one year."""

    post = models.ForeignKey(Begrotingspost, on_delete=models.CASCADE, related_name="bedragen")
    year = models.PositiveSmallIntegerField(_("year"))
    amount = money_field(_("amount"), default=Decimal("0"))
    version = AutoIncVersionField()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("budget amount")
        verbose_name_plural = _("budget amounts")
        ordering = ["year"]
        constraints = [
            models.UniqueConstraint(fields=["post", "year"], name="one_amount_per_line_year"),
            models.CheckConstraint(condition=models.Q(amount__gte=0), name="amount_not_negative"),
        ]

    def __str__(self):
        return f"{self.post} {self.year}: {self.amount}"
