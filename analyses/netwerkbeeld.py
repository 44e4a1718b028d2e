"""The network as a picture: partners by kind and municipality, with the blind spots marked.

Drawn as plain SVG with presentation attributes (no styles, no scripts), like the charts, so
it shows the same in the page and the PDF. The lists next to it say the same in words.
"""

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from netwerken.models import Partner

from .charts import FONT, GRID, INK, MUNICIPALITY

WARN = "#b42318"
LABEL_WIDTH = 250
CELL = 38
HEADER = 230
RIGHT = 190  # room for the last rotated column names


@dataclass
class Netwerkbeeld:
    kinds: list  # [(value, label)]
    rows: list  # [(label, gemeente id or None, {kind: [partner names]}, has poverty partner)]
    missing_kinds: list  # labels of kinds no partner has
    # Municipalities without a poverty organisation working for them: a blind spot when no
    # regional one works for the whole area either, a point of attention otherwise.
    without_poverty: list
    regional_poverty: list  # names of regional poverty organisations
    without_partners: list  # municipalities no partner works for
    svg: str = ""


def netwerkbeeld(deelnemers, partners) -> Netwerkbeeld:
    """From the participating municipalities and the partners, both already loaded."""
    kinds = list(Partner.Kind.choices)
    by_cell: dict = {}
    for p in partners:
        by_cell.setdefault((p.gemeente_id, p.kind), []).append(p.name)
    poverty = {p.gemeente_id for p in partners if p.kind in Partner.POVERTY_KINDS}
    rows = []
    for d in sorted(deelnemers, key=lambda d: str(d.gemeente)):
        cells = {kind: by_cell.get((d.gemeente_id, kind), []) for kind, _label in kinds}
        rows.append((str(d.gemeente), d.gemeente_id, cells, d.gemeente_id in poverty))
    regional = {kind: by_cell.get((None, kind), []) for kind, _label in kinds}
    rows.append((_("Regional (whole area)"), None, regional, None in poverty))
    present = {p.kind for p in partners}
    picture = Netwerkbeeld(
        kinds=kinds,
        rows=rows,
        missing_kinds=[str(label) for kind, label in kinds if kind not in present],
        without_poverty=[label for label, pk, _c, ok in rows if pk is not None and not ok],
        regional_poverty=[
            p.name for p in partners if p.gemeente_id is None and p.kind in Partner.POVERTY_KINDS
        ],
        without_partners=[
            label for label, pk, cells, _ok in rows if pk is not None and not any(cells.values())
        ],
    )
    picture.svg = draw(picture)
    return picture


def _text(parent, x, y, text, *, size=14, fill=INK, anchor="start", weight=None, **extra):
    node = ET.SubElement(parent, "text", x=str(x), y=str(y), fill=fill, **extra)
    node.set("font-family", FONT)
    node.set("font-size", str(size))
    node.set("text-anchor", anchor)
    if weight:
        node.set("font-weight", weight)
    node.text = text
    return node


def draw(picture: Netwerkbeeld, chart_id: str = "netwerkbeeld") -> str:
    width = LABEL_WIDTH + CELL * len(picture.kinds) + RIGHT
    height = HEADER + CELL * len(picture.rows) + 20
    root = ET.Element(
        "svg",
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "viewBox": f"0 0 {width} {height}",
            "width": str(width),
            "height": str(height),
            "role": "img",
            "aria-labelledby": f"{chart_id}-titel {chart_id}-beschrijving",
            "class": "chart",
            "id": chart_id,
        },
    )
    ET.SubElement(root, "title", id=f"{chart_id}-titel").text = _(
        "The partners of the network by kind and municipality"
    )
    desc = [_("Grid: one row per municipality, one column per kind of partner; a number says how many partners.")]
    if picture.without_poverty and not picture.regional_poverty:
        desc.append(
            _("No poverty organisation works for: %(names)s.")
            % {"names": ", ".join(picture.without_poverty)}
        )
    if picture.missing_kinds:
        desc.append(_("Kinds missing: %(kinds)s.") % {"kinds": ", ".join(picture.missing_kinds)})
    ET.SubElement(root, "desc", id=f"{chart_id}-beschrijving").text = " ".join(desc)
    ET.SubElement(root, "rect", x="0", y="0", width=str(width), height=str(height), fill="#ffffff")
    missing = set(picture.missing_kinds)

    for column, (_kind, label) in enumerate(picture.kinds):
        x = LABEL_WIDTH + CELL * column + CELL / 2
        is_missing = str(label) in missing
        _text(
            root, x, HEADER - 8, str(label) + (" ×" if is_missing else ""),
            fill=WARN if is_missing else INK, transform=f"rotate(-50 {x} {HEADER - 8})",
            weight="bold" if is_missing else None,
        )
    for index, (label, gemeente_id, cells, has_poverty) in enumerate(picture.rows):
        y = HEADER + CELL * index
        if index % 2 == 0:
            ET.SubElement(
                root, "rect", x="0", y=str(y), width=str(width), height=str(CELL), fill="#f5f7fa"
            )
        warn = gemeente_id is not None and not has_poverty and not picture.regional_poverty
        _text(root, LABEL_WIDTH - 10, y + CELL / 2 + 5, label + (" ×" if warn else ""),
              anchor="end", fill=WARN if warn else INK, weight="bold" if warn else None)
        for column, (kind, _label) in enumerate(picture.kinds):
            cx, cy = LABEL_WIDTH + CELL * column + CELL / 2, y + CELL / 2
            names = cells[kind]
            if names:
                ET.SubElement(root, "circle", cx=str(cx), cy=str(cy), r="13", fill=MUNICIPALITY)
                _text(root, cx, cy + 5, str(len(names)), fill="#ffffff", anchor="middle", weight="bold")
            elif warn and kind in Partner.POVERTY_KINDS:
                ET.SubElement(
                    root, "circle", cx=str(cx), cy=str(cy), r="12", fill="none", stroke=WARN,
                ).set("stroke-width", "2")
            else:
                ET.SubElement(root, "circle", cx=str(cx), cy=str(cy), r="3", fill=GRID)
    ET.SubElement(
        root, "line", x1=str(LABEL_WIDTH), x2=str(LABEL_WIDTH), y1=str(HEADER),
        y2=str(HEADER + CELL * len(picture.rows)), stroke=GRID,
    )
    return mark_safe(ET.tostring(root, encoding="unicode"))
