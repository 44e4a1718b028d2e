"""Strategic objectives hold operational objectives, which hold actions.

Numbers (SD1, OD1.2, A1.2.3) are derived from the positions, never stored as text, so
reordering renumbers everything at once.
"""

from concurrency.fields import AutoIncVersionField
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from netwerken import bounds
from netwerken.fields import BoundedCharField, BoundedTextField, money_field
from netwerken.models import Partner

from ..vocab import Inspraak
from .nota import Afsprakennota


class StrategischeDoelstelling(models.Model):
    nota = models.ForeignKey(
        Afsprakennota, on_delete=models.CASCADE, related_name="strategische_doelstellingen"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    title = BoundedCharField(_("title"), max_length=bounds.TITLE)
    description = BoundedTextField(_("description"), max_length=bounds.DESCRIPTION, blank=True)
    version = AutoIncVersionField()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("strategic objective")
        verbose_name_plural = _("strategic objectives")
        ordering = ["position", "pk"]

    def __str__(self):
        return f"{self.code} {self.title}"

    @property
    def code(self) -> str:
        return f"SD{self.position}"

    @property
    def anchor(self) -> str:
        """What comments and history call this item."""
        return f"{self._meta.model_name}:{self.pk}"


class OperationeleDoelstelling(models.Model):
    # The dossier is reachable through the SD; kept here too so that history and queries about
    # one dossier need no joins through parents that may have been deleted.
    nota = models.ForeignKey(Afsprakennota, on_delete=models.CASCADE, related_name="+")
    sd = models.ForeignKey(
        StrategischeDoelstelling, on_delete=models.CASCADE, related_name="operationele_doelstellingen"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    title = BoundedCharField(_("title"), max_length=bounds.TITLE)
    description = BoundedTextField(_("description"), max_length=bounds.DESCRIPTION, blank=True)
    version = AutoIncVersionField()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("operational objective")
        verbose_name_plural = _("operational objectives")
        ordering = ["position", "pk"]

    def __str__(self):
        return f"{self.code} {self.title}"

    def save(self, *args, **kwargs):
        self.nota_id = self.sd.nota_id
        super().save(*args, **kwargs)

    @property
    def code(self) -> str:
        return f"OD{self.sd.position}.{self.position}"

    @property
    def anchor(self) -> str:
        return f"{self._meta.model_name}:{self.pk}"


class Actie(models.Model):
    nota = models.ForeignKey(Afsprakennota, on_delete=models.CASCADE, related_name="acties")
    od = models.ForeignKey(OperationeleDoelstelling, on_delete=models.CASCADE, related_name="acties")
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    title = BoundedCharField(_("title"), max_length=bounds.TITLE)
    description = BoundedTextField(_("description"), max_length=bounds.DESCRIPTION, blank=True)
    years = models.JSONField(_("working years"), default=list, blank=True)
    # RESTRICT, not PROTECT: a partner that leads actions cannot be removed on its own, but
    # removing a whole network (and so its dossiers) still works.
    lead_partner = models.ForeignKey(
        Partner,
        verbose_name=_("lead partner"),
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="geleide_acties",
    )
    partners = models.ManyToManyField(
        Partner, verbose_name=_("other partners"), blank=True, related_name="acties"
    )
    doelgroepen = models.JSONField(_("target groups"), default=list, blank=True)
    drempels = models.JSONField(_("thresholds tackled"), default=list, blank=True)
    inspraak = models.CharField(
        _("how people in poverty took part"), max_length=20, choices=Inspraak.choices, blank=True
    )
    version = AutoIncVersionField()
    history = HistoricalRecords(m2m_fields=[partners])

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        ordering = ["position", "pk"]

    def __str__(self):
        return f"{self.code} {self.title}"

    def save(self, *args, **kwargs):
        self.nota_id = self.od.nota_id
        super().save(*args, **kwargs)

    @property
    def code(self) -> str:
        return f"A{self.od.sd.position}.{self.od.position}.{self.position}"

    @property
    def anchor(self) -> str:
        return f"{self._meta.model_name}:{self.pk}"


class ActieIndicator(models.Model):
    """How the network will know the action worked: an indicator with its target value."""

    actie = models.ForeignKey(Actie, on_delete=models.CASCADE, related_name="indicators")
    name = BoundedCharField(_("indicator"), max_length=bounds.TITLE)
    target = BoundedCharField(_("target value"), max_length=bounds.NAME)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("indicator of an action")
        verbose_name_plural = _("indicators of actions")
        ordering = ["pk"]

    def __str__(self):
        return f"{self.name}: {self.target}"


class ActieKost(models.Model):
    """The estimated cost of an action in one working year."""

    actie = models.ForeignKey(Actie, on_delete=models.CASCADE, related_name="kosten")
    year = models.PositiveSmallIntegerField(_("year"))
    amount = money_field(_("estimated cost"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("cost of an action")
        verbose_name_plural = _("costs of actions")
        ordering = ["year"]
        constraints = [
            models.UniqueConstraint(fields=["actie", "year"], name="one_cost_per_action_year"),
            models.CheckConstraint(
                condition=models.Q(amount__gte=0), name="action_cost_not_negative"
            ),
        ]

    def __str__(self):
        return f"{self.actie.code} {self.year}: {self.amount}"
