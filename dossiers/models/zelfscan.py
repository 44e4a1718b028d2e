"""The Arrow Roots self-scan of a network: every member scores ten domains of the network's
functioning from 1 to 5. A scan is dated and can be repeated, so the change shows over the years."""

from django.conf import settings
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from netwerken import bounds
from netwerken.models import Netwerk, Partner

REMARK_MAX_LENGTH = bounds.TEXT


class Domein(models.TextChoices):
    """The ten domains of Arrow Roots, in their usual order."""

    CONTEXT = "context", _("context")
    ACTOREN = "actoren", _("actors")
    ROLLEN = "rollen", _("roles and tasks")
    AFSPRAKEN = "afspraken", _("process agreements")
    COMMUNICATIE = "communicatie", _("communication")
    MIDDELEN = "middelen", _("resources")
    RELATIES = "relaties", _("relations and trust")
    LEGITIMITEIT = "legitimiteit", _("legitimacy")
    MONITORING = "monitoring", _("monitoring")
    DUURZAAMHEID = "duurzaamheid", _("sustainability")


class Zelfscan(models.Model):
    netwerk = models.ForeignKey(Netwerk, on_delete=models.CASCADE, related_name="zelfscans")
    title = models.CharField(_("title"), max_length=bounds.NAME)
    opened_on = models.DateField(_("opened on"))
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    closed = models.BooleanField(_("closed"), default=False)

    class Meta:
        verbose_name = _("self-scan")
        verbose_name_plural = _("self-scans")
        ordering = ["-opened_on", "-pk"]

    def __str__(self):
        return self.title


class ZelfscanScore(models.Model):
    """One member's score of one domain in one scan."""

    scan = models.ForeignKey(Zelfscan, on_delete=models.CASCADE, related_name="scores")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    partner = models.ForeignKey(
        Partner, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    domein = models.CharField(_("domain"), max_length=20, choices=Domein.choices)
    score = models.PositiveSmallIntegerField(
        _("score"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    remark = models.TextField(
        _("remark"), blank=True, validators=[MaxLengthValidator(REMARK_MAX_LENGTH)]
    )

    class Meta:
        verbose_name = _("self-scan score")
        verbose_name_plural = _("self-scan scores")
        constraints = [
            models.UniqueConstraint(fields=["scan", "user", "domein"], name="one_score_per_domain"),
            models.CheckConstraint(
                condition=models.Q(score__gte=1, score__lte=5), name="score_from_1_to_5"
            ),
        ]
