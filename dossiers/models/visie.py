from concurrency.fields import AutoIncVersionField
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from netwerken import bounds
from netwerken.fields import BoundedTextField

from ..richtext import RichTextField, plain_text
from ..vocab import Inspraak
from .nota import Afsprakennota


class Visie(models.Model):
    """The network's vision on leisure participation of people in poverty."""

    class Vorm(models.TextChoices):
        DEELNEMEN = "deelnemen", _("taking part (deelnemen): leading people to the existing offer")
        DEELHEBBEN = "deelhebben", _("having a share (deelhebben): also a say in the offer")
        BEIDE = "beide", _("both")

    # The guiding questions of a shared vision, in the toolbox's order.
    QUESTIONS = [
        ("q_goal", _("What do we want to reach together?")),
        ("q_values", _("Which core values do we share?")),
        ("q_forms", _("Which forms of participation do we aim for?")),
        ("q_group", _("How do group and individual participation relate?")),
        ("q_lasting", _("How do we make participation last?")),
        ("q_categorical", _("Do we work categorically, inclusively, or both?")),
        ("q_choice", _("How do we safeguard the freedom of choice of people in poverty?")),
    ]

    nota = models.OneToOneField(Afsprakennota, on_delete=models.CASCADE, related_name="visie")
    text = RichTextField(_("vision"), max_length=bounds.LONG_TEXT, blank=True)
    vorm = models.CharField(_("form of participation"), max_length=20, choices=Vorm.choices, blank=True)
    vorm_motivation = BoundedTextField(_("why this form"), max_length=bounds.TEXT, blank=True)
    q_goal = BoundedTextField(QUESTIONS[0][1], max_length=bounds.TEXT, blank=True)
    q_values = BoundedTextField(QUESTIONS[1][1], max_length=bounds.TEXT, blank=True)
    q_forms = BoundedTextField(QUESTIONS[2][1], max_length=bounds.TEXT, blank=True)
    q_group = BoundedTextField(QUESTIONS[3][1], max_length=bounds.TEXT, blank=True)
    q_lasting = BoundedTextField(QUESTIONS[4][1], max_length=bounds.TEXT, blank=True)
    q_categorical = BoundedTextField(QUESTIONS[5][1], max_length=bounds.TEXT, blank=True)
    q_choice = BoundedTextField(QUESTIONS[6][1], max_length=bounds.TEXT, blank=True)
    inspraak = models.CharField(
        _("how people in poverty took part in writing it"),
        max_length=20,
        choices=Inspraak.choices,
        blank=True,
    )
    version = AutoIncVersionField()
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("vision")
        verbose_name_plural = _("visions")

    def __str__(self):
        return str(_("Vision of %(netwerk)s") % {"netwerk": self.nota.netwerk})

    @property
    def has_text(self) -> bool:
        return bool(plain_text(self.text))

    @property
    def unanswered_questions(self) -> list[str]:
        return [str(label) for name, label in self.QUESTIONS if not getattr(self, name).strip()]
