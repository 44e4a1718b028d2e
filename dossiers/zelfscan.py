"""The Arrow Roots self-scan: opening a scan, answering it, the spread of the answers per
domain (where members disagree is the finding, not the average) drawn as SVG, and turning a
weak domain into an action of the network's dossier."""

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from netwerken.numbers import format_number

from .models import Actie, OperationeleDoelstelling
from .models.zelfscan import Domein, Zelfscan, ZelfscanScore
from .services_doelen import next_position

SCORES = (1, 2, 3, 4, 5)
WEAK_BELOW = 3  # a domain whose mean is below the middle of the scale is offered as an action


@dataclass
class DomeinSpread:
    domein: str
    label: str
    counts: dict[int, int] = field(default_factory=lambda: dict.fromkeys(SCORES, 0))
    remarks: list[tuple[str, str]] = field(default_factory=list)  # (who, remark)

    @property
    def n(self) -> int:
        return sum(self.counts.values())

    @property
    def mean(self) -> float | None:
        return sum(s * c for s, c in self.counts.items()) / self.n if self.n else None

    @property
    def low(self) -> int | None:
        return min((s for s, c in self.counts.items() if c), default=None)

    @property
    def high(self) -> int | None:
        return max((s for s, c in self.counts.items() if c), default=None)

    @property
    def disagreement(self) -> bool:
        """Members are at least two steps apart."""
        return self.n > 1 and self.high - self.low >= 2

    @property
    def weak(self) -> bool:
        return self.mean is not None and self.mean < WEAK_BELOW


def zelfscan_open(*, netwerk, user, title: str, on: date | None = None) -> Zelfscan:
    scan = Zelfscan(netwerk=netwerk, title=title, opened_on=on or date.today(), opened_by=user)
    scan.full_clean()
    scan.save()
    return scan


@transaction.atomic
def zelfscan_answer(*, scan: Zelfscan, user, partner, answers: dict[str, tuple[int, str]]) -> None:
    """Replace `user`'s scores in `scan` with `answers` ({domain: (score, remark)})."""
    ZelfscanScore.objects.filter(scan=scan, user=user).delete()
    scores = []
    for domein, (score, remark) in answers.items():
        item = ZelfscanScore(
            scan=scan, user=user, partner=partner, domein=domein, score=score, remark=remark
        )
        item.full_clean(exclude=["scan", "user", "partner"])
        scores.append(item)
    ZelfscanScore.objects.bulk_create(scores)


def spread(scan: Zelfscan) -> list[DomeinSpread]:
    """Per domain, in Arrow Roots' order: how many members gave each score, and their remarks."""
    result = {d.value: DomeinSpread(d.value, d.label) for d in Domein}
    scores = scan.scores.select_related("user", "partner").order_by("user__first_name", "pk")
    for s in scores:
        item = result[s.domein]
        item.counts[s.score] += 1
        if s.remark:
            who = str(s.partner) if s.partner else s.user.get_full_name() or s.user.email
            item.remarks.append((who, s.remark))
    return list(result.values())


def spread_of(scores) -> list[DomeinSpread]:
    """The counts per domain of (domain, score) pairs, without remarks (for comparing scans)."""
    result = {d.value: DomeinSpread(d.value, d.label) for d in Domein}
    for domein, score in scores:
        result[domein].counts[score] += 1
    return list(result.values())


def respondents(scan: Zelfscan) -> int:
    return scan.scores.values("user").distinct().count()


@transaction.atomic
def zelfscan_to_action(*, scan: Zelfscan, domein: str, od: OperationeleDoelstelling) -> Actie:
    """A new action under `od` that works on a weak domain; its description carries the
    members' remarks, for the coordinator to rewrite."""
    item = next(s for s in spread(scan) if s.domein == domein)
    lines = [
        _("From the self-scan “%(scan)s”: %(domain)s scored %(mean)s on average (from %(low)s to %(high)s).")
        % {
            "scan": scan.title,
            "domain": item.label,
            "mean": format_number(item.mean, 1) if item.mean is not None else "-",
            "low": item.low or "-",
            "high": item.high or "-",
        }
    ]
    lines += [f"{who}: {remark}" for who, remark in item.remarks]
    actie = Actie(
        od=od,
        nota=od.nota,
        position=next_position(od.acties.all()),
        title=_("Strengthen the network: %(domain)s") % {"domain": item.label},
        description="\n".join(lines),
    )
    actie.save()
    return actie


# --- The chart ------------------------------------------------------------------------------

# Open Sans first: the PDF embeds one font family (docs/DEVELOPING.md, PDF and Word).
FONT = "'Open Sans', Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif"
INK = "#1c2733"
MUTED = "#4f5b67"
GRID = "#d8dee6"
DOT = "#1d4f7a"
MEAN = "#a34700"
LABEL_W, COL_W, ROW_H, TOP = 200, 80, 38, 44
WIDTH = LABEL_W + COL_W * len(SCORES) + 20


def _text(parent, x, y, text, **attrs):
    node = ET.SubElement(
        parent, "text", x=str(x), y=str(y), fill=attrs.pop("fill", INK), **{"font-family": FONT},
        **{"font-size": attrs.pop("size", "13")}, **attrs,
    )
    node.text = text
    return node


def chart(items: list[DomeinSpread], *, title: str) -> SafeString:
    """A dot matrix: one row per domain, one column per score; a dot's area is the number of
    members who gave that score, and an orange line marks the mean. Same SVG for page and PDF."""
    height = TOP + ROW_H * len(items) + 10
    svg = ET.Element(
        "svg", xmlns="http://www.w3.org/2000/svg", width=str(WIDTH), height=str(height),
        viewBox=f"0 0 {WIDTH} {height}", role="img", **{"aria-labelledby": "zs-t zs-d"},
    )
    ET.SubElement(svg, "title", id="zs-t").text = title
    ET.SubElement(svg, "desc", id="zs-d").text = describe(items)
    ET.SubElement(svg, "rect", x="0", y="0", width=str(WIDTH), height=str(height), fill="#ffffff")
    for i, score in enumerate(SCORES):
        x = LABEL_W + COL_W * i + COL_W // 2
        _text(svg, x, 24, str(score), **{"text-anchor": "middle", "font-weight": "bold"})
    biggest = max((c for item in items for c in item.counts.values()), default=0) or 1
    for row, item in enumerate(items):
        y = TOP + ROW_H * row + ROW_H // 2
        ET.SubElement(
            svg, "line", x1=str(LABEL_W), x2=str(WIDTH - 20), y1=str(y), y2=str(y),
            stroke=GRID, **{"stroke-width": "1"},
        )
        _text(svg, 4, y + 5, str(capfirst(item.label)))
        if item.mean is not None:
            x = LABEL_W + COL_W * (item.mean - 1) + COL_W // 2
            ET.SubElement(
                svg, "line", x1=f"{x:.1f}", x2=f"{x:.1f}", y1=str(y - 15), y2=str(y + 15),
                stroke=MEAN, **{"stroke-width": "3"},
            )
        for i, score in enumerate(SCORES):
            count = item.counts[score]
            if not count:
                continue
            x = LABEL_W + COL_W * i + COL_W // 2
            radius = 6 + 10 * (count / biggest) ** 0.5
            ET.SubElement(svg, "circle", cx=str(x), cy=str(y), r=f"{radius:.1f}", fill=DOT)
            _text(svg, x, y + 4, str(count), fill="#ffffff", size="11", **{"text-anchor": "middle"})
    return mark_safe(ET.tostring(svg, encoding="unicode"))


def describe(items: list[DomeinSpread]) -> str:
    """The chart's data in words, for its alt text."""
    parts = []
    for item in items:
        if not item.n:
            parts.append(_("%(domain)s: no scores") % {"domain": str(capfirst(item.label))})
            continue
        counts = ", ".join(f"{c}× {s}" for s, c in item.counts.items() if c)
        parts.append(
            _("%(domain)s: %(counts)s (average %(mean)s)")
            % {"domain": str(capfirst(item.label)), "counts": counts, "mean": format_number(item.mean, 1)}
        )
    return _("Scores from 1 to 5 per domain. ") + "; ".join(parts) + "."
