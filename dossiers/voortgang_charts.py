"""The progress page's charts, drawn on the server as SVG (same house look as the self-scan's).

Each has role="img", a <title> and a <desc> giving its data in words; the page shows the full
figures in a table beside it."""

import xml.etree.ElementTree as ET
from decimal import Decimal

from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from netwerken.numbers import format_count, format_number

from .templatetags.dossier_tags import format_euro
from .voortgang import Status
from .zelfscan import GRID, MUTED, SCORES, _text

# Each at least 3:1 against white; the legend and the table name them as well.
STATUS_COLOURS = {
    Status.NIET_GESTART: "#6b7682",
    Status.LOPEND: "#1d4f7a",
    Status.AFGEROND: "#1e6b40",
    Status.UITGESTELD: "#8a5a00",
    Status.GESCHRAPT: "#b42318",
}
SERIES_COLOURS = ["#1d4f7a", "#a34700"]
WIDTH = 640


def _svg(width, height, key, title, desc) -> ET.Element:
    svg = ET.Element(
        "svg", xmlns="http://www.w3.org/2000/svg", width=str(width), height=str(height),
        viewBox=f"0 0 {width} {height}", role="img", **{"aria-labelledby": f"{key}-t {key}-d"},
    )
    ET.SubElement(svg, "title", id=f"{key}-t").text = title
    ET.SubElement(svg, "desc", id=f"{key}-d").text = desc
    ET.SubElement(svg, "rect", x="0", y="0", width=str(width), height=str(height), fill="#ffffff")
    return svg


def _done(svg) -> SafeString:
    return mark_safe(ET.tostring(svg, encoding="unicode"))


def _legend(svg, items, y):
    x = 4
    for label, colour in items:
        ET.SubElement(svg, "rect", x=str(x), y=str(y - 11), width="12", height="12", fill=colour)
        _text(svg, x + 17, y, label, size="12")
        x += 30 + int(len(label) * 6.8)


def status_chart(rows, *, key: str, title: str) -> SafeString:
    """One stacked bar per working year: its actions by status. `rows` as Voortgang.status_rows."""
    label_w, bar_w, row_h, top = 60, WIDTH - 80, 34, 34
    height = top + row_h * len(rows) + 10
    svg = _svg(WIDTH, height, key, title, describe_statuses(rows))
    _legend(svg, [(str(capfirst(label)), STATUS_COLOURS[v]) for v, label in Status.choices], 16)
    biggest = max((sum(n for _v, _l, n in counts) for _y, counts in rows), default=0) or 1
    for i, (year, counts) in enumerate(rows):
        y = top + row_h * i
        _text(svg, 4, y + 19, str(year), **{"font-weight": "bold"})
        x = label_w
        for value, _label, n in counts:
            if not n:
                continue
            w = bar_w * n / biggest
            ET.SubElement(svg, "rect", x=f"{x:.1f}", y=str(y + 4), width=f"{w:.1f}", height="22",
                          fill=STATUS_COLOURS[value], stroke="#ffffff", **{"stroke-width": "1"})
            if w >= 18:
                _text(svg, f"{x + w / 2:.1f}", y + 20, str(n), fill="#ffffff", size="12",
                      **{"text-anchor": "middle"})
            x += w
    return _done(svg)


def describe_statuses(rows) -> str:
    parts = []
    for year, counts in rows:
        named = ", ".join(f"{n} {label}" for _v, label, n in counts if n) or _("no actions")
        parts.append(f"{year}: {named}")
    return "; ".join(parts) + "."


def bar_chart(categories, series, *, key: str, title: str, money: bool = False) -> SafeString:
    """Grouped bars: per category (a working year) one bar per series [(label, {category: value})]."""
    left, top, plot_h, bottom = 70, 34, 180, 30
    height = top + plot_h + bottom
    show = format_euro if money else format_count
    svg = _svg(WIDTH, height, key, title, describe_bars(categories, series, show))
    _legend(svg, [(label, SERIES_COLOURS[i]) for i, (label, _v) in enumerate(series)], 16)
    biggest = _nice(max((v or 0 for _l, values in series for v in values.values()), default=0))
    group_w = (WIDTH - left - 10) / max(len(categories), 1)
    bar_w = min(46, (group_w - 16) / len(series))
    base = top + plot_h
    for fraction in (0, 0.5, 1):
        if (biggest * Decimal(str(fraction))) % 1:
            continue  # a count's axis shows whole numbers only: 0 and 1, not 0, 1 and 1
        y = base - plot_h * fraction
        ET.SubElement(svg, "line", x1=str(left), x2=str(WIDTH - 10), y1=f"{y:.1f}", y2=f"{y:.1f}",
                      stroke=GRID, **{"stroke-width": "1"})
        tick = format_count(biggest * Decimal(str(fraction)))
        _text(svg, left - 6, f"{y + 4:.1f}", f"€ {tick}" if money else tick,
              fill=MUTED, size="11", **{"text-anchor": "end"})
    for c, category in enumerate(categories):
        x0 = left + group_w * c + (group_w - bar_w * len(series)) / 2
        for s, (_label, values) in enumerate(series):
            value = values.get(category) or 0
            h = plot_h * float(value) / float(biggest)
            ET.SubElement(svg, "rect", x=f"{x0 + s * bar_w:.1f}", y=f"{base - h:.1f}",
                          width=f"{bar_w - 3:.1f}", height=f"{h:.1f}", fill=SERIES_COLOURS[s])
        _text(svg, f"{left + group_w * c + group_w / 2:.1f}", base + 20, str(category),
              **{"text-anchor": "middle"})
    return _done(svg)


def _nice(value) -> Decimal:
    """The axis' top: the value rounded up to a round step times a power of ten (its half a
    round number too)."""
    if not value or value <= 0:
        return Decimal(1)
    value = Decimal(value)
    power = Decimal(10) ** (len(str(int(value))) - 1)
    for step in (1, Decimal("1.2"), Decimal("1.6"), 2, Decimal("2.4"), 3, 4, 5, 6, 8, 10):
        if value <= step * power:
            return step * power
    return 10 * power


def describe_bars(categories, series, show) -> str:
    parts = []
    for category in categories:
        named = ", ".join(
            f"{label} {show(values[category]) if values.get(category) is not None else '–'}"
            for label, values in series
        )
        parts.append(f"{category}: {named}")
    return "; ".join(parts) + "."


def scan_chart(rows, *, key: str, title: str, first_label: str, latest_label: str) -> SafeString:
    """Per domain the spread (lowest to highest score) and the mean of the first scan (above)
    and the latest (below): a change in agreement shows as well as a change in level."""
    label_w, col_w, row_h, top = 190, 80, 44, 50
    width = label_w + col_w * len(SCORES) + 20
    height = top + row_h * len(rows) + 10
    svg = _svg(width, height, key, title, describe_scans(rows, first_label, latest_label))
    legend = [(first_label, "#6b7682")] + ([(latest_label, SERIES_COLOURS[0])] if latest_label else [])
    _legend(svg, legend, 16)
    for i, score in enumerate(SCORES):
        _text(svg, label_w + col_w * i + col_w // 2, 40, str(score),
              **{"text-anchor": "middle", "font-weight": "bold"})

    def x_of(score):
        return label_w + col_w * (score - 1) + col_w // 2

    for r, (first, latest) in enumerate(rows):
        y = top + row_h * r
        _text(svg, 4, y + 26, str(capfirst(first.label)))
        for offset, item, colour in ((12, first, "#6b7682"), (30, latest, SERIES_COLOURS[0])):
            if item is None or not item.n:
                continue
            ET.SubElement(svg, "line", x1=str(x_of(item.low)), x2=str(x_of(item.high)),
                          y1=str(y + offset), y2=str(y + offset), stroke=colour,
                          **{"stroke-width": "4", "stroke-linecap": "round"})
            ET.SubElement(svg, "circle", cx=f"{x_of(item.mean):.1f}", cy=str(y + offset), r="6",
                          fill=colour, stroke="#ffffff", **{"stroke-width": "1.5"})
        ET.SubElement(svg, "line", x1=str(label_w), x2=str(width - 20), y1=str(y + row_h - 1),
                      y2=str(y + row_h - 1), stroke=GRID, **{"stroke-width": "1"})
    return _done(svg)


def _mean(item) -> str:
    return format_number(item.mean, 1) if item is not None and item.n else "–"


def describe_scans(rows, first_label, latest_label) -> str:
    parts = []
    for first, latest in rows:
        text = _("%(domain)s: %(first)s average %(a)s (%(low)s to %(high)s)") % {
            "domain": str(capfirst(first.label)), "first": first_label, "a": _mean(first),
            "low": first.low or "–", "high": first.high or "–",
        }
        if latest is not None:
            text += ", " + _("%(latest)s average %(b)s (%(low)s to %(high)s)") % {
                "latest": latest_label, "b": _mean(latest), "low": latest.low or "–",
                "high": latest.high or "–",
            }
        parts.append(text)
    return _("Scores from 1 to 5 per domain. ") + "; ".join(parts) + "."
