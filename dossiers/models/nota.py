from django.conf import settings
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netwerken.models import Netwerk

from ..states import EDITABLE, OPEN_FOR_PARTNERS, Status
from ..states import label as label_of_status
from .ronde import Indienronde


class Section(models.TextChoices):
    """The parts of the afsprakennota, in the decree's order."""

    OMGEVINGSANALYSE = "omgevingsanalyse", _("Environment analysis")
    VISIE = "visie", _("Vision")
    DOELSTELLINGEN = "doelstellingen", _("Objectives and actions")
    PARTNERS = "partners", _("Partners and involvement")
    SAMENWERKING = "samenwerking", _("Cooperation agreements")
    BEGROTING = "begroting", _("Multi-year budget")
    GEMEENTEN = "gemeenten", _("Participating municipalities")


# The numbers the decree's list gives the parts (objectives and actions are items 3 and 4).
SECTION_NUMBERS = {
    Section.OMGEVINGSANALYSE: "1",
    Section.VISIE: "2",
    Section.DOELSTELLINGEN: "3-4",
    Section.PARTNERS: "5",
    Section.SAMENWERKING: "5b",  # the toolbox's advice, not one of the decree's items
    Section.BEGROTING: "6",
    Section.GEMEENTEN: "7",
}


class Afsprakennota(models.Model):
    """The dossier of one network for one submission round."""

    Status = Status

    netwerk = models.ForeignKey(Netwerk, on_delete=models.CASCADE, related_name="dossiers")
    ronde = models.ForeignKey(Indienronde, on_delete=models.PROTECT, related_name="dossiers")
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.CONCEPT
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned reviewer"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_dossiers",
        limit_choices_to={"is_reviewer": True},
        help_text=_("The publiq staff member who reviews this dossier."),
    )


    class Meta:
        verbose_name = _("afsprakennota")
        verbose_name_plural = _("afsprakennota's")
        ordering = ["-ronde__deadline"]
        constraints = [
            models.UniqueConstraint(fields=["netwerk", "ronde"], name="one_dossier_per_round")
        ]

    def __str__(self):
        return f"{self.netwerk} – {self.ronde}"

    @property
    def review_overdue_by(self):
        """How long the round's review deadline has passed while the dossier waits for a decision."""
        deadline = self.ronde.review_deadline
        now = timezone.now()
        if self.status in (Status.INGEDIEND, Status.IN_BEHANDELING) and deadline and now > deadline:
            return now - deadline
        return None

    def take_review(self, user) -> bool:
        """`user` becomes the dossier's reviewer, unless someone else took it first."""
        with transaction.atomic():
            locked = type(self).objects.select_for_update().get(pk=self.pk)
            if locked.reviewer_id not in (None, user.pk):
                self.reviewer_id = locked.reviewer_id
                return False
            locked.reviewer = user
            locked.save(update_fields=["reviewer"])
        self.reviewer = user
        return True

    def get_absolute_url(self):
        return reverse("dossier_overview", args=[self.pk])

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE

    @property
    def open_for_partners(self) -> bool:
        return self.status in OPEN_FOR_PARTNERS

    @property
    def status_label_staff(self) -> str:
        return self.status_label(staff=True)

    def status_label(self, *, staff: bool) -> str:
        return label_of_status(self.status, staff=staff)

    @property
    def days_to_deadline(self) -> int:
        from django.utils import timezone

        return (timezone.localdate(self.ronde.deadline) - timezone.localdate()).days
