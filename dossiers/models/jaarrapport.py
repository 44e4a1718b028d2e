"""The yearly report (jaarrapport) of a working year: what the follow-up recorded, the latest
self-scan, put together by the coordinator, commented on and confirmed by the partners, submitted
as a frozen version and reviewed by publiq per section.

It moves through the same states as the afsprakennota (states.py) along its own transition table
(workflow_jaarrapport.py); its steps, versions and review remarks are the dossier's models on a
common abstract base (models/workflow.py).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..states import EDITABLE, OPEN_FOR_PARTNERS, Status
from ..states import label as label_of_status
from .opvolging import Werkjaar
from .workflow import FrozenVersion, SectionRemark, StepRecord


class RapportSection(models.TextChoices):
    """The parts of a yearly report, in their order. Values differ from the dossier's sections,
    so that a comment's section says which of the two it belongs to."""

    ACTIES = "rapport_acties", _("Actions carried out")
    INDICATOREN = "rapport_indicatoren", _("Indicators against their targets")
    FINANCIEN = "rapport_financien", _("Budget: planned and realised")
    REFLECTIE = "rapport_reflectie", _("Reflection and proposed changes")
    ZELFSCAN = "rapport_zelfscan", _("Self-scan of the network")


class Jaarrapport(models.Model):
    werkjaar = models.OneToOneField(Werkjaar, on_delete=models.CASCADE, related_name="jaarrapport")
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.CONCEPT
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("yearly report")
        verbose_name_plural = _("yearly reports")

    def __str__(self):
        return f"{self.werkjaar.nota.netwerk} {self.werkjaar.year}"

    @property
    def nota(self):
        return self.werkjaar.nota

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE

    @property
    def open_for_partners(self) -> bool:
        return self.status in OPEN_FOR_PARTNERS

    def status_label(self, *, staff: bool) -> str:
        return label_of_status(self.status, staff=staff)


class JaarrapportStep(StepRecord):
    jaarrapport = models.ForeignKey(
        Jaarrapport, on_delete=models.CASCADE, related_name="transitions"
    )

    class Meta(StepRecord.Meta):
        pass


class JaarrapportVersion(FrozenVersion):
    jaarrapport = models.ForeignKey(Jaarrapport, on_delete=models.CASCADE, related_name="versions")

    class Meta(FrozenVersion.Meta):
        verbose_name = _("submitted yearly report")
        verbose_name_plural = _("submitted yearly reports")
        constraints = [
            models.UniqueConstraint(
                fields=["jaarrapport", "number"], name="one_number_per_yearly_report"
            )
        ]

    def __str__(self):
        return f"{self.jaarrapport} v{self.number}"


class JaarrapportRemark(SectionRemark):
    version = models.ForeignKey(
        JaarrapportVersion, on_delete=models.CASCADE, related_name="remarks"
    )
    section = models.CharField(_("section"), max_length=30, choices=RapportSection.choices)

    class Meta(SectionRemark.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["version", "section"], name="one_remark_per_report_section"
            )
        ]
