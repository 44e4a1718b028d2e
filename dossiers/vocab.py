"""The shared vocabulary of the decree and the toolbox: thresholds, groups, forms of participation.

Used by the dossier (actions, vision) and by the analysis (thresholds, kansengroepen).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Drempel(models.TextChoices):
    """The B's of accessibility: thresholds people in poverty meet."""

    BETAALBAAR = "betaalbaar", _("affordable (betaalbaar)")
    BEREIKBAAR = "bereikbaar", _("reachable (bereikbaar)")
    BESCHIKBAAR = "beschikbaar", _("available (beschikbaar)")
    BEGRIJPBAAR = "begrijpbaar", _("understandable (begrijpbaar)")
    BRUIKBAAR = "bruikbaar", _("usable (bruikbaar)")
    BEKEND = "bekend", _("known (bekend)")
    BETROUWBAAR = "betrouwbaar", _("trustworthy (betrouwbaar)")


class Doelgroep(models.TextChoices):
    """Groups with particular participation challenges (kansengroepen)."""

    ARMOEDE = "armoede", _("people in poverty")
    MIGRATIE = "migratie", _("people with a migration background")
    SENIOREN = "senioren", _("seniors")
    GEZINNEN = "gezinnen", _("families with children")
    JONGEREN = "jongeren", _("children and young people")
    BEPERKING = "beperking", _("people with a disability")
    ZORG = "zorg", _("people in care")
    ANDERE = "andere", _("other group")


class Inspraak(models.TextChoices):
    """How people in poverty took part in writing a part of the dossier."""

    NIET = "niet", _("not involved")
    GECONSULTEERD = "geconsulteerd", _("consulted")
    BESLIST = "beslist", _("co-decided")
