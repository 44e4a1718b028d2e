"""The figures of one dossier: its chosen indicators drawn for its municipalities."""

from analyses.figures import IndicatorFigure, build_figures
from analyses.models import IndicatorValue


def indicator_figures(nota, *, draw: bool = True) -> list[IndicatorFigure]:
    """The chosen indicators of a dossier with their tables and charts (for page and PDF)."""
    keuzes = list(nota.gekozen_indicatoren.select_related("indicator"))
    gemeenten = [d.gemeente for d in nota.netwerk.deelnemende_gemeenten.select_related("gemeente")]
    return build_figures([(k.indicator, k) for k in keuzes], gemeenten, prefix=f"d{nota.pk}", draw=draw)


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
