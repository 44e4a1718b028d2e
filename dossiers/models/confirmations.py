from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from netwerken import bounds
from netwerken.fields import BoundedTextField
from netwerken.models import Partner

from .jaarrapport import Jaarrapport
from .nota import Afsprakennota


class PartnerConfirmation(models.Model):
    """A partner's answer to how the dossier, or a yearly report, describes its part.

    `fingerprint` is a hash of what the partner saw (its involvement and its actions); when that
    changes, the answer lapses and the partner is asked again. Every answer is kept; the newest
    one counts.
    """

    class Answer(models.TextChoices):
        CONFIRMED = "confirmed", _("confirmed")
        DECLINED = "declined", _("declined")

    nota = models.ForeignKey(
        Afsprakennota, on_delete=models.CASCADE, null=True, blank=True, related_name="confirmations"
    )
    jaarrapport = models.ForeignKey(
        Jaarrapport, on_delete=models.CASCADE, null=True, blank=True, related_name="confirmations"
    )
    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="confirmations")
    answer = models.CharField(_("answer"), max_length=10, choices=Answer.choices)
    remark = BoundedTextField(_("remark"), max_length=bounds.TEXT, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)
    fingerprint = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("partner confirmation")
        verbose_name_plural = _("partner confirmations")
        ordering = ["-at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(nota__isnull=False, jaarrapport__isnull=True)
                | models.Q(nota__isnull=True, jaarrapport__isnull=False),
                name="confirmation_of_a_dossier_or_a_yearly_report",
            ),
        ]
