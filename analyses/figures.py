"""The figures of the quantitative analysis: tables and charts per indicator, for a dossier or a
network, loaded in a fixed number of queries however many municipalities or years there are.

`indicator_figures(nota)` is what both the page and the PDF show, so they draw the same SVG.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from . import charts
from .models import Indicator, IndicatorValue

YEARS_SHOWN = 6
LINES_SHOWN = 8  # lines of a line chart, the median of the other municipalities included


@dataclass
class Row:
    label: str
    gemeente_id: int | None
    by_year: dict  # year -> Decimal
    cells: list = field(default_factory=list)  # formatted, one per shown year

    def latest(self, years):
        """(year, value) of the last shown year with a value, or (None, None)."""
        for year in reversed(years):
            if year in self.by_year:
                return year, self.by_year[year]
        return None, None


@dataclass
class IndicatorFigure:
    indicator: Indicator
    keuze: object | None  # a dossier's chosen indicator (with its meaning), or None
    years: list
    rows: list  # the municipalities, by name
    reference: Row  # the Flemish reference
    latest_year: int | None
    missing: list  # names of municipalities without any value
    bar_svg: str = ""
    line_svg: str = ""

    @property
    def has_data(self) -> bool:
        return bool(self.years)

    @property
    def anchor(self) -> str:
        return f"indicator-{self.indicator.code}"


def load_values(indicator_ids, gemeente_ids) -> dict:
    """{indicator id: {gemeente id or None: {year: value}}} in one query."""
    values: dict = {}
    rows = IndicatorValue.objects.for_gemeenten(indicator_ids, gemeente_ids).values_list(
        "indicator_id", "gemeente_id", "year", "value"
    )
    for indicator_id, gemeente_id, year, value in rows:
        values.setdefault(indicator_id, {}).setdefault(gemeente_id, {})[year] = value
    return values


def build_figures(indicators_with_keuze, gemeenten, *, prefix: str, draw: bool = True) -> list:
    """`indicators_with_keuze` is [(indicator, chosen indicator or None)]; `gemeenten` a list."""
    gemeenten = sorted(gemeenten, key=lambda g: str(g))
    ids = [g.pk for g in gemeenten]
    values = load_values([i.pk for i, _k in indicators_with_keuze], ids)
    figures = []
    for indicator, keuze in indicators_with_keuze:
        by_gemeente = values.get(indicator.pk, {})
        local_years = {y for g in ids for y in by_gemeente.get(g, {})}
        years = sorted(local_years or by_gemeente.get(None, {}))[-YEARS_SHOWN:]
        rows = [Row(str(g), g.pk, by_gemeente.get(g.pk, {})) for g in gemeenten]
        reference = Row(_("Flemish Region"), None, by_gemeente.get(None, {}))
        for row in [*rows, reference]:
            row.cells = [indicator.format(row.by_year.get(year)) for year in years]
        latest = max(local_years) if local_years else None
        figure = IndicatorFigure(
            indicator=indicator,
            keuze=keuze,
            years=years,
            rows=rows,
            reference=reference,
            latest_year=latest,
            missing=[row.label for row in rows if not row.by_year],
        )
        if draw:
            _draw(figure, prefix)
        figures.append(figure)
    return figures


def _draw(figure: IndicatorFigure, prefix: str) -> None:
    indicator, year = figure.indicator, figure.latest_year
    base = f"grafiek-{prefix}-{indicator.code}"
    if year is not None:
        with_value = [r for r in figure.rows if year in r.by_year]
        # The most worrying value on top.
        with_value.sort(key=lambda r: r.by_year[year], reverse=indicator.higher_is_worse)
        bars = [(r.label, r.by_year[year]) for r in with_value]
        ref_value = figure.reference.by_year.get(year)
        reference = (figure.reference.label, ref_value) if ref_value is not None else None
        figure.bar_svg = charts.bar_chart(
            chart_id=f"{base}-staaf",
            title=_("%(indicator)s in %(year)s: the municipalities and the Flemish Region")
            % {"indicator": indicator.name, "year": year},
            desc=_bar_description(figure, bars, reference),
            bars=bars,
            reference=reference,
            fmt=indicator.format,
            decimals=indicator.decimals,
        )
    if len(figure.years) >= 2:
        shown, others = _lines_shown(figure)
        reference = (figure.reference.label, figure.reference.by_year) if figure.reference.by_year else None
        figure.line_svg = charts.line_chart(
            chart_id=f"{base}-lijn",
            title=_("%(indicator)s from %(first)s to %(last)s")
            % {"indicator": indicator.name, "first": figure.years[0], "last": figure.years[-1]},
            desc=_line_description(figure, shown, others),
            years=figure.years,
            lines=[(r.label, r.by_year) for r in shown],
            reference=reference,
            others=others,
            decimals=indicator.decimals,
        )


def _lines_shown(figure):
    """The municipalities that get a line of their own, and (label, {year: median}) or None.

    Beyond LINES_SHOWN lines a chart cannot be read: the ones with the most need in the last
    year keep their line, the others become one line, their median. The table has them all.
    """
    rows = [r for r in figure.rows if r.by_year]
    if len(rows) <= LINES_SHOWN:
        return rows, None
    indicator = figure.indicator

    def need(row):
        year, value = row.latest(figure.years)
        if value is None:
            return (1, 0)
        return (0, -value if indicator.higher_is_worse else value)

    ranked = sorted(rows, key=need)
    shown, rest = ranked[: LINES_SHOWN - 1], ranked[LINES_SHOWN - 1 :]
    medians = {}
    for year in figure.years:
        values = sorted(r.by_year[year] for r in rest if year in r.by_year)
        if values:
            middle = len(values) // 2
            medians[year] = values[middle] if len(values) % 2 else (values[middle - 1] + values[middle]) / 2
    label = _("Median of the other %(count)s municipalities") % {"count": len(rest)}
    return sorted(shown, key=lambda r: r.label), (label, medians)


def _line_description(figure, shown, others) -> str:
    """What the lines show, in words: the Flemish trend, the largest rise and fall."""
    indicator = figure.indicator
    first, last = figure.years[0], figure.years[-1]
    parts = [_("Line chart from %(first)s to %(last)s.") % {"first": first, "last": last}]
    if others:
        parts.append(
            _(
                "Lines for the %(count)s municipalities with the most need in %(year)s; "
                "one line for the median of the other %(rest)s."
            )
            % {"count": len(shown), "year": figure.latest_year, "rest": len(figure.rows) - len(shown)}
        )
    reference = figure.reference.by_year
    if first in reference and last in reference:
        parts.append(
            _("Flemish Region: from %(from)s to %(to)s.")
            % {"from": indicator.format(reference[first]), "to": indicator.format(reference[last])}
        )
    changes = []
    for row in figure.rows:
        known = [y for y in figure.years if y in row.by_year]
        if len(known) >= 2:
            changes.append((row.by_year[known[-1]] - row.by_year[known[0]], row, known[0], known[-1]))
    if changes:
        changes.sort(key=lambda c: c[0])
        rise, fall = changes[-1], changes[0]
        if rise[0] > 0:
            parts.append(_("Largest rise: %(name)s, from %(from)s to %(to)s.") % _change(indicator, rise))
        if fall[0] < 0:
            parts.append(_("Largest fall: %(name)s, from %(from)s to %(to)s.") % _change(indicator, fall))
    parts.append(_("The table gives every figure."))
    return " ".join(parts)


def _change(indicator, change) -> dict:
    _difference, row, since, until = change
    return {
        "name": row.label,
        "from": indicator.format(row.by_year[since]),
        "to": indicator.format(row.by_year[until]),
    }


def _bar_description(figure, bars, reference) -> str:
    indicator = figure.indicator
    parts = [_("Bar chart.")]
    if bars:
        high, low = bars[0], bars[-1]
        parts.append(
            _("Most need: %(name)s (%(value)s). Least: %(low)s (%(low_value)s).")
            % {
                "name": high[0],
                "value": indicator.format(high[1]),
                "low": low[0],
                "low_value": indicator.format(low[1]),
            }
        )
    if reference:
        parts.append(_("Flemish Region: %(value)s.") % {"value": indicator.format(reference[1])})
    without = [r.label for r in figure.rows if figure.latest_year not in r.by_year]
    if without:
        parts.append(_("No figure for: %(names)s.") % {"names": ", ".join(without)})
    parts.append(_("The table gives every figure."))
    return " ".join(parts)


@dataclass
class DashboardLine:
    label: str
    value: str
    change: str
    trend: str  # "worse", "better", "same" or ""
    worse_than_flanders: bool


@dataclass
class DashboardCard:
    figure: IndicatorFigure
    lines: list
    reference_value: str
    reference_change: str
    at_risk: list


def dashboard_cards(figures) -> list[DashboardCard]:
    """Per indicator: the latest value, the change since the year before, who is most at risk."""
    cards = []
    for figure in figures:
        indicator, year = figure.indicator, figure.latest_year
        ref_now = figure.reference.by_year.get(year) if year else None
        # A Flemish total is never compared with a municipality: only an average says more or
        # less need than Flanders.
        comparable = indicator.compares_with_flanders
        ref_before = figure.reference.by_year.get(year - 1) if year else None
        lines = []
        for row in figure.rows:
            now = row.by_year.get(year) if year else None
            before = row.by_year.get(year - 1) if year else None
            change = now - before if now is not None and before is not None else None
            lines.append(
                DashboardLine(
                    label=row.label,
                    value=indicator.format(now),
                    change=indicator.format_change(change),
                    trend=_trend(indicator, change),
                    worse_than_flanders=(
                        comparable
                        and now is not None
                        and ref_now is not None
                        and indicator.is_worse(now, ref_now)
                    ),
                )
            )
        ranked = sorted(
            [r for r in figure.rows if year in r.by_year],
            key=lambda r: r.by_year[year],
            reverse=indicator.higher_is_worse,
        )
        at_risk = [
            (r.label, indicator.format(r.by_year[year]))
            for r in ranked[:3]
            if ref_now is None or not comparable or indicator.is_worse(r.by_year[year], ref_now)
        ]
        ref_change = ref_now - ref_before if ref_now is not None and ref_before is not None else None
        cards.append(
            DashboardCard(
                figure=figure,
                lines=lines,
                reference_value=indicator.format(ref_now),
                reference_change=indicator.format_change(ref_change),
                at_risk=at_risk,
            )
        )
    return cards


def _trend(indicator, change: Decimal | None) -> str:
    if change is None:
        return ""
    if change == 0:
        return "same"
    return "worse" if indicator.is_worse(change, Decimal(0)) else "better"
