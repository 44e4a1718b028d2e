"""What a dossier for a later round takes along from the follow-up of the approved one it was
copied from: the origin of each action carried over (its latest follow-up status and the values
measured so far) and a draft self-evaluation for the omgevingsanalyse."""

from concurrency.fields import AutoIncVersionField
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from netwerken import bounds

from ..richtext import RichTextField, plain_text
from .doelen import Actie
from .nota import Afsprakennota
from .opvolging import ActieOpvolging


class Zelfevaluatie(models.Model):
    """The network's honest look back on the period so far (what went well, what did not,
    lessons), part of the omgevingsanalyse. Starts as a draft built from the follow-up."""

    nota = models.OneToOneField(Afsprakennota, on_delete=models.CASCADE, related_name="zelfevaluatie")
    text = RichTextField(_("self-evaluation"), max_length=bounds.LONG_TEXT, blank=True)
    # The draft as it was built, to tell whether anyone has worked on it since.
    draft = models.TextField(editable=False, blank=True)
    source = models.ForeignKey(
        Afsprakennota, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("built from"),
    )
    version = AutoIncVersionField()
    history = HistoricalRecords(excluded_fields=["draft"])

    class Meta:
        verbose_name = _("self-evaluation")
        verbose_name_plural = _("self-evaluations")

    def __str__(self):
        return str(self.nota)

    @property
    def untouched(self) -> bool:
        """Still the draft word for word (markup aside): nobody has made it theirs yet."""
        return bool(self.draft) and plain_text(self.text) == plain_text(self.draft)


class ActieHerkomst(models.Model):
    """Where an action of a later round's dossier came from: the approved dossier's action, how
    its follow-up last stood, and its indicators' values measured so far (context for targets)."""

    actie = models.OneToOneField(Actie, on_delete=models.CASCADE, related_name="herkomst")
    source = models.ForeignKey(Actie, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    code = models.CharField(_("code in the earlier dossier"), max_length=20, blank=True)
    status = models.CharField(
        _("latest follow-up status"), max_length=20, choices=ActieOpvolging.Status.choices, blank=True
    )
    status_year = models.PositiveSmallIntegerField(_("year of that status"), null=True, blank=True)
    # [{"name": ..., "target": ..., "values": [[year, value], ...]}, ...]
    series = models.JSONField(_("indicator values so far"), default=list, blank=True)

    class Meta:
        verbose_name = _("origin of an action")
        verbose_name_plural = _("origins of actions")

    def __str__(self):
        return f"{self.actie} ← {self.code}"
