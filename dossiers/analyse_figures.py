"""The figures of one dossier: its chosen indicators drawn for its municipalities."""

import hashlib

from analyses.figures import IndicatorFigure, build_figures
from analyses.models import Indicator, IndicatorValue
from netwerken.prepared import PreparedQuery

from .models import GekozenIndicator


def indicator_figures(nota, *, draw: bool = True) -> list[IndicatorFigure]:
    """The chosen indicators of a dossier with their tables and charts (for page and PDF)."""
    keuzes = list(nota.gekozen_indicatoren.select_related("indicator"))
    gemeenten = [d.gemeente for d in nota.netwerk.deelnemende_gemeenten.select_related("gemeente")]
    return build_figures([(k.indicator, k) for k in keuzes], gemeenten, prefix=f"d{nota.pk}", draw=draw)


def indicators_fingerprint(nota) -> str:
    """A digest of every stored field of the indicators the dossier follows, in one query: publiq
    edits them (name, definition, source) without touching any dossier."""
    return hashlib.sha256(repr(_FOLLOWED_INDICATORS.rows(nota.pk)).encode()).hexdigest()


def _followed_indicators(pk):
    fields = [f.attname for f in Indicator._meta.concrete_fields]
    followed = GekozenIndicator.objects.filter(nota_id=pk).values("indicator_id")
    return Indicator.objects.filter(pk__in=followed).order_by("pk").values_list(*fields)


_FOLLOWED_INDICATORS = PreparedQuery(_followed_indicators, 1)  # every analysis page: SQL built once


def coverage(nota) -> dict:
    """{indicator id: set of municipality ids with at least one value}, in one query."""
    gemeente_ids = nota.netwerk.deelnemende_gemeenten.values("gemeente_id")
    result: dict = {}
    rows = (
        IndicatorValue.objects.filter(gemeente_id__in=gemeente_ids)
        .values_list("indicator_id", "gemeente_id")
        .distinct()
    )
    for indicator_id, gemeente_id in rows:
        result.setdefault(indicator_id, set()).add(gemeente_id)
    return result
