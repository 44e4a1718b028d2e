"""Charts drawn on the server as SVG with leather, the same markup for the page and the PDF.

Why leather: it writes colours, fonts and sizes as SVG presentation attributes (fill="…"),
never as `style` attributes or `<style>` elements. Inline in a page those are not touched by
the Content Security Policy (style-src without 'unsafe-inline'), and WeasyPrint draws them
as they are. Its output depends only on the data, so the page and the PDF get identical SVG.

Every chart gets `role="img"`, a `<title>` and a `<desc>` it is labelled by; the table next to
it is the full text alternative.
"""

import re
import xml.etree.ElementTree as ET
from decimal import Decimal

import leather
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from netwerken.numbers import format_number

WIDTH = 720
# Open Sans first: the PDF's text face (fonts-open-sans), so WeasyPrint embeds one family for text,
# tables and charts; a browser without it falls back to Arial.
FONT = "'Open Sans', Arial, 'Liberation Sans', sans-serif"
INK = "#1c2733"
MUTED = "#4f5b67"
GRID = "#d8dee6"
MUNICIPALITY = "#1d4f7a"
REFERENCE = "#a34700"
GREY = "#6b7682"
# Eight colours, each at least 3:1 against white (WCAG 1.4.11), distinct for colour blindness
# as far as eight can be; after eight, dash patterns tell the lines apart.
PALETTE = ["#1d4f7a", "#b42318", "#1e6b40", "#6b3fa0", "#8a5a00", "#0f6f7a", "#a0306a", "#4f5b67"]
DASHES = ["none", "8 4", "2 3"]


def _house_theme():
    """leather keeps its look in module variables; ours are set once, for every chart."""
    theme = leather.theme
    theme.background_color = "#ffffff"
    theme.margin = 0.04
    for part in ("title", "legend", "axis_title", "tick"):
        setattr(theme, f"{part}_font_family", FONT)
    theme.title_color = theme.legend_color = theme.axis_title_color = theme.label_color = INK
    theme.legend_font_size = theme.tick_font_size = 13
    theme.legend_font_char_height = theme.tick_font_char_height = 13
    theme.legend_font_char_width = theme.tick_font_char_width = 7.2
    theme.tick_color = GRID
    theme.zero_color = MUTED
    theme.default_line_width = 2.5


_house_theme()

# Long decimals, and Decimal's exponent notation (leather's zero comes out as "0E-25").
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?[eE][-+]?\d+|-?\d+\.\d{3,}")


def _tidy(element: ET.Element) -> None:
    """leather computes in Decimal; two decimals are plenty for a drawing and keep the SVG small."""
    for node in element.iter():
        for name, value in node.attrib.items():
            if name in {"fill", "stroke", "font-family", "class", "id"}:
                continue
            node.set(name, _NUMBER.sub(lambda m: f"{float(m.group()):.2f}", value))


def _svg(chart: leather.Chart, *, chart_id: str, title: str, desc: str, height: int, extra=None,
         draw_height=None) -> SafeString:
    """`draw_height`: the height leather draws in when `extra` adds our own legend below it."""
    if draw_height:
        # No room for leather's legend above the plot: `extra` replaces it.
        saved = leather.theme.legend_font_char_height, leather.theme.legend_gap
        leather.theme.legend_font_char_height = leather.theme.legend_gap = 0
        try:
            group = chart.to_svg_group(WIDTH, draw_height)
        finally:
            leather.theme.legend_font_char_height, leather.theme.legend_gap = saved
    else:
        group = chart.to_svg_group(WIDTH, height)
    _tidy(group)
    if extra:
        extra(group)
        _tidy(group)
    root = ET.Element(
        "svg",
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "viewBox": f"0 0 {WIDTH} {height}",
            "width": str(WIDTH),
            "height": str(height),
            "role": "img",
            "aria-labelledby": f"{chart_id}-titel {chart_id}-beschrijving",
            "class": "chart",
            "id": chart_id,
        },
    )
    ET.SubElement(root, "title", id=f"{chart_id}-titel").text = title
    ET.SubElement(root, "desc", id=f"{chart_id}-beschrijving").text = desc
    root.append(group)
    _inherit_text_style(root)
    return mark_safe(ET.tostring(root, encoding="unicode"))


# What every text of a chart shares. leather writes it on each of them (a fifth of a chart's bytes);
# said once on the <svg>, it is inherited, in browsers as in WeasyPrint. Every shape has its own
# fill, and lines are not filled, so the root's fill reaches only the texts.
TEXT_STYLE = {"font-family": FONT, "font-size": "13", "fill": INK}


def _inherit_text_style(root: ET.Element) -> None:
    for name, value in TEXT_STYLE.items():
        root.set(name, value)
    for text in root.iter("text"):
        for name, value in TEXT_STYLE.items():
            if text.get(name) == value:
                del text.attrib[name]


def _number_axis(low: Decimal, high: Decimal, decimals: int):
    """A linear scale from zero (or below) with room above the highest value for its label."""
    low = min(Decimal(0), low)
    high = max(high, Decimal(0))
    if high == low:
        high = low + 1
    scale = leather.Linear(low, high + (high - low) * Decimal("0.18"))

    def tick(value, index, count):
        return format_number(value, decimals if Decimal(value) != int(value) else 0)

    return scale, tick


def bar_chart(*, chart_id, title, desc, bars, reference, fmt, decimals) -> SafeString:
    """Horizontal bars, one per municipality, with the Flemish value as a bar and a dashed line.

    `bars` is [(label, value)] in the order to show, top first; `reference` is (label, value) or
    None, shown on top; `fmt` turns a value into the text written next to its bar.
    """
    values = [v for _label, v in bars] + ([reference[1]] if reference else [])
    x_scale, tick = _number_axis(min(values), max(values), decimals)
    top_down = ([reference[0]] if reference else []) + [label for label, _v in bars]
    chart = leather.Chart()
    chart.set_x_scale(x_scale)
    chart.set_y_scale(leather.Ordinal(list(reversed(top_down))))
    chart.add_x_axis(tick_formatter=tick)
    chart.add_bars([(v, label) for label, v in bars], name=_("Municipalities"), fill_color=MUNICIPALITY)
    if reference:
        chart.add_bars([(reference[1], reference[0])], name=reference[0], fill_color=REFERENCE)
    # Thinner bars for a long list, so that the chart and its heading fit on an A4 page.
    height = 80 + (30 if len(top_down) <= 12 else 22) * len(top_down)

    def annotate(group):
        series = [g for g in group.iter("g") if g.get("class") == "series bars"]
        # leather draws each series in reverse of the order it was given.
        drawn = list(zip(reversed([r for r in series[0] if r.tag == "rect"]), bars))
        if reference:
            drawn.append((next(r for r in series[1] if r.tag == "rect"), reference))
        if reference:
            ref_rect = drawn[-1][0]
            x = Decimal(ref_rect.get("x")) + Decimal(ref_rect.get("width"))
            bottom = max(Decimal(r.get("y")) + Decimal(r.get("height")) for r, _b in drawn)
            line = ET.SubElement(
                series[0], "line", x1=str(x), x2=str(x), y1=str(ref_rect.get("y")),
                y2=str(bottom + 4), stroke=REFERENCE,
            )
            line.set("stroke-width", "2")
            line.set("stroke-dasharray", "6 4")
        for rect, (_label, value) in drawn:
            text = fmt(value)
            x = Decimal(rect.get("x")) + Decimal(rect.get("width")) + 6
            y = Decimal(rect.get("y")) + Decimal(rect.get("height")) / 2
            # A white ground keeps the number readable where the dashed line crosses it.
            ET.SubElement(
                series[0], "rect", x=str(x - 2), y=str(y - 9), width=str(len(text) * CHAR_WIDTH + 4),
                height="18", fill="#ffffff",
            )
            label = ET.SubElement(series[0], "text", x=str(x), y=str(y), dy="0.35em")  # TEXT_STYLE
            label.text = text

    return _svg(chart, chart_id=chart_id, title=title, desc=desc, height=height, extra=annotate)


# The legend is ours, below the plot: leather's sits above it and wraps only at the full width
# with a narrow estimate per letter, so long names ran off the right edge.
LEGEND_ROW = 24
LEGEND_SAMPLE = 30  # the stretch of line drawn before each name
CHAR_WIDTH = 7.8  # a generous width of an Open Sans letter at 13 px


def legend_rows(labels) -> list[list[tuple[int, float]]]:
    """[[(index of the label, x)]]: the labels in rows that fit the chart's width."""
    rows, row, x = [], [], 0.0
    for index, label in enumerate(labels):
        width = LEGEND_SAMPLE + 8 + len(label) * CHAR_WIDTH + 22
        if row and x + width > WIDTH:
            rows.append(row)
            row, x = [], 0.0
        row.append((index, x))
        x += width
    if row:
        rows.append(row)
    return rows


def line_chart(*, chart_id, title, desc, years, lines, reference, decimals, others=None) -> SafeString:
    """A line per municipality over the years, the Flemish reference as a dark dashed line.

    `lines` is [(label, {year: value})]; `reference` is (label, {year: value}) or None; `others`
    is (label, {year: value}) or None: one grey line standing for the municipalities left out.
    """
    everything = [v for _label, by_year in lines for v in by_year.values() if v is not None]
    for extra in (reference, others):
        if extra:
            everything += [v for v in extra[1].values() if v is not None]
    y_scale, tick = _number_axis(min(everything), max(everything), decimals)
    chart = leather.Chart()
    chart.set_x_scale(leather.Linear(years[0], years[-1]))
    chart.set_y_scale(y_scale)
    chart.add_x_axis(ticks=years, tick_formatter=lambda value, i, n: str(int(value)))
    chart.add_y_axis(tick_formatter=tick)
    keys = []  # (label, colour, dash pattern, width) in the order of the legend
    for index, (label, by_year) in enumerate(lines):
        colour = PALETTE[index % len(PALETTE)]
        dash = DASHES[(index // len(PALETTE)) % len(DASHES)]
        chart.add_line([(year, by_year.get(year)) for year in years], name=label, stroke_color=colour,
                       stroke_dasharray=dash)
        keys.append((label, colour, dash, 2.5))
    if others:
        chart.add_line([(year, others[1].get(year)) for year in years], name=others[0],
                       stroke_color=GREY, width=2, stroke_dasharray="2 3")
        keys.append((others[0], GREY, "2 3", 2))
    if reference:
        chart.add_line([(year, reference[1].get(year)) for year in years], name=reference[0],
                       stroke_color=INK, width=3, stroke_dasharray="10 5")
        keys.append((reference[0], INK, "10 5", 3))
    rows = legend_rows([label for label, *_rest in keys])
    plot_height = 270
    height = plot_height + 16 + LEGEND_ROW * len(rows)

    def legend(group):
        _drop_leather_legend(group)
        _dots(group)
        box = ET.SubElement(group, "g", {"class": "legend"})
        for number, row in enumerate(rows):
            y = plot_height + 14 + LEGEND_ROW * number
            for index, x in row:
                label, colour, dash, width = keys[index]
                sample = ET.SubElement(box, "line", x1=str(x + 2), x2=str(x + LEGEND_SAMPLE), y1=str(y),
                                       y2=str(y), stroke=colour)
                sample.set("stroke-width", str(width))
                if dash != "none":
                    sample.set("stroke-dasharray", dash)
                text = ET.SubElement(box, "text", x=str(x + LEGEND_SAMPLE + 6), y=str(y), dy="0.35em")
                text.text = label

    return _svg(chart, chart_id=chart_id, title=title, desc=desc, height=height, extra=legend,
                draw_height=plot_height)


def _drop_leather_legend(group):
    """leather's legend is the first group of its margin group (see Chart.to_svg_group)."""
    margin_group = next(child for child in group if child.tag == "g")
    header = next(child for child in margin_group if child.tag == "g")
    for child in list(header):
        header.remove(child)


_POINT = re.compile(r"[ML] (-?[\d.]+) (-?[\d.]+)")


def _dots(group):
    """A dot on every value, so that a year standing alone between gaps still shows."""
    for g in list(group.iter("g")):
        if g.get("class") != "series lines":
            continue
        for path in [p for p in g if p.tag == "path"]:
            for x, y in _POINT.findall(path.get("d", "")):
                ET.SubElement(g, "circle", cx=x, cy=y, r="3.5", fill=path.get("stroke"))
