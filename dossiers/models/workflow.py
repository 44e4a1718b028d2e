from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from netwerken import bounds
from netwerken.fields import BoundedTextField

from ..states import Status
from .nota import Afsprakennota, Section


class StepRecord(models.Model):
    """One step through a workflow: who, when, from where to where, and why."""

    name = models.CharField(_("step"), max_length=40)
    from_status = models.CharField(max_length=20, choices=Status.choices)
    to_status = models.CharField(max_length=20, choices=Status.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    note = BoundedTextField(_("note"), max_length=bounds.TEXT, blank=True)

    class Meta:
        abstract = True
        verbose_name = _("workflow step")
        verbose_name_plural = _("workflow steps")
        ordering = ["-at", "-pk"]


class TransitionRecord(StepRecord):
    """One step of a dossier through its workflow."""

    nota = models.ForeignKey(Afsprakennota, on_delete=models.CASCADE, related_name="transitions")

    class Meta(StepRecord.Meta):
        pass


class FrozenVersion(models.Model):
    """A submitted version: a frozen snapshot that never changes.

    `sha256` is the hash of the canonical JSON of `snapshot`, so anyone can check that what is
    stored is what was submitted.
    """

    number = models.PositiveSmallIntegerField(_("version"))
    submitted_at = models.DateTimeField(_("submitted at"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    snapshot = models.JSONField(_("snapshot"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    # publiq's decision on this version (approved or changes requested) as the network reads it:
    # composed from the remarks per section, edited by the reviewer, kept when the next version comes.
    decision = models.CharField(_("decision"), max_length=20, choices=Status.choices, blank=True)
    decision_letter = BoundedTextField(_("decision letter"), max_length=bounds.LONG_TEXT, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        abstract = True
        verbose_name = _("submitted version")
        verbose_name_plural = _("submitted versions")
        ordering = ["-number"]


class DossierVersion(FrozenVersion):
    """A submitted version of the whole dossier."""

    nota = models.ForeignKey(Afsprakennota, on_delete=models.CASCADE, related_name="versions")
    late = models.BooleanField(_("submitted after the deadline"), default=False)

    class Meta(FrozenVersion.Meta):
        constraints = [
            models.UniqueConstraint(fields=["nota", "number"], name="one_version_number_per_dossier")
        ]

    def __str__(self):
        return f"{self.nota} v{self.number}"


class SectionRemark(models.Model):
    """publiq's view on one section of one submitted version."""

    class Verdict(models.TextChoices):
        IN_ORDE = "in_orde", _("in order")
        WERKPUNT = "werkpunt", _("needs work")

    verdict = models.CharField(_("assessment"), max_length=20, choices=Verdict.choices, blank=True)
    remark = BoundedTextField(
        _("remark to the network"), max_length=bounds.TEXT, blank=True, help_text=_("The network sees this remark.")
    )
    internal_note = BoundedTextField(
        _("internal note"), max_length=bounds.TEXT, blank=True, help_text=_("Only publiq staff see this note.")
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
        verbose_name = _("review remark")
        verbose_name_plural = _("review remarks")


class ReviewRemark(SectionRemark):
    """publiq's view on one section of one submitted version of the dossier."""

    version = models.ForeignKey(DossierVersion, on_delete=models.CASCADE, related_name="remarks")
    section = models.CharField(_("section"), max_length=30, choices=Section.choices)

    class Meta(SectionRemark.Meta):
        constraints = [
            models.UniqueConstraint(fields=["version", "section"], name="one_remark_per_section")
        ]
