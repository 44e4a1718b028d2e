"""Progress over the years of an approved dossier: its follow-up read back across all working
years at once, for the progress page and for the draft self-evaluation of the next round.

Everything is loaded in a fixed number of queries, whatever the number of actions and years.
"""

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from .models import (
    Actie,
    ActieOpvolging,
    Afsprakennota,
    BegrotingRealisatie,
    Bijsturing,
    IndicatorMeting,
    Reflectiemoment,
    Werkjaar,
)
from .models.zelfscan import Zelfscan, ZelfscanScore
from .zelfscan import DomeinSpread, spread_of

Status = ActieOpvolging.Status
FINISHED = {Status.AFGEROND, Status.GESCHRAPT}
ZERO = Decimal("0")


@dataclass
class Reach:
    participants: int = 0
    kansengroepen: int = 0
    actions: int = 0  # actions with a number filled in

    @property
    def share(self) -> int | None:
        """Percentage of participants from the kansengroepen."""
        return round(100 * self.kansengroepen / self.participants) if self.participants else None


@dataclass
class ActieReeks:
    """One action across the working years: status and reach per year, its indicators' values."""

    actie: Actie
    status: dict[int, str] = field(default_factory=dict)
    participants: dict[int, int | None] = field(default_factory=dict)
    kansengroepen: dict[int, int | None] = field(default_factory=dict)

    @property
    def latest(self) -> tuple[str, int] | None:
        """(status, year) of the newest working year that followed the action up."""
        if not self.status:
            return None
        year = max(self.status)
        return self.status[year], year

    @property
    def total_participants(self) -> int:
        return sum(v or 0 for v in self.participants.values())

    @property
    def total_kansengroepen(self) -> int:
        return sum(v or 0 for v in self.kansengroepen.values())


NUMBER = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?")


def as_number(text: str) -> Decimal | None:
    """The first number in a measured value or target as people write them ("200", "1.250",
    "37,5%", "30 per jaar"), or None when there is none."""
    found = NUMBER.search(text or "")
    if found is None:
        return None
    return Decimal(found.group().replace(".", "").replace(",", "."))


@dataclass
class IndicatorReeks:
    actie: Actie
    name: str
    target: str
    values: dict[int, str] = field(default_factory=dict)

    @property
    def latest(self) -> tuple[int, str] | None:
        if not self.values:
            return None
        year = max(self.values)
        return year, self.values[year]

    @property
    def reached(self) -> bool | None:
        """Whether the latest value reaches the target, when both are numbers (None otherwise).
        Targets are read as "at least": the plan's indicators count people, activities, partners."""
        if self.latest is None:
            return None
        value, target = as_number(self.latest[1]), as_number(self.target)
        if value is None or target is None:
            return None
        return value >= target


@dataclass
class Afwijking:
    """A budget line whose realised amount deviates from the plan, with the explanation given."""

    year: int
    post: object  # the Begrotingspost; named in the reader's language where it is shown
    planned: Decimal
    realised: Decimal
    explanation: str


@dataclass
class Voortgang:
    nota: Afsprakennota
    years: list[int]
    started: list[int]
    statuses: dict[int, Counter]
    reach: dict[int, Reach]
    budget: dict[int, dict[str, list[Decimal]]]  # {year: {kind: [planned, realised]}}
    acties: list[ActieReeks]
    indicators: list[IndicatorReeks]
    afwijkingen: list[Afwijking]
    reflectiemomenten: list[Reflectiemoment]
    bijsturingen: list[Bijsturing]

    @property
    def has_follow_up(self) -> bool:
        return bool(self.started)

    def status_rows(self):
        """[(year, [(value, label, count), ...]), ...] for the started years."""
        return [
            (year, [(v, label, self.statuses[year][v]) for v, label in Status.choices])
            for year in self.started
        ]

    def latest_counts(self) -> Counter:
        """How many actions have each status in their newest follow-up."""
        return Counter(r.latest[0] for r in self.acties if r.latest)

    def with_latest(self, *statuses) -> list[ActieReeks]:
        return [r for r in self.acties if r.latest and r.latest[0] in statuses]

    def reach_total(self) -> Reach:
        total = Reach()
        for r in self.reach.values():
            total.participants += r.participants
            total.kansengroepen += r.kansengroepen
            total.actions += r.actions
        return total


def _acties(nota) -> list[Actie]:
    rows = list(
        Actie.objects.filter(nota=nota).select_related("od__sd").prefetch_related("indicators")
    )
    rows.sort(key=lambda a: (a.od.sd.position, a.od.position, a.position, a.pk))
    return rows


def voortgang(nota: Afsprakennota) -> Voortgang:
    started = list(Werkjaar.objects.of(nota).values_list("year", flat=True))
    acties = _acties(nota)
    reeksen = {a.pk: ActieReeks(a) for a in acties}
    statuses = {year: Counter() for year in started}
    reach = {year: Reach() for year in started}
    rows = ActieOpvolging.objects.filter(werkjaar__nota=nota).values_list(
        "werkjaar__year", "actie_id", "status", "participants", "participants_kansengroepen"
    )
    for year, actie_id, status, participants, kansengroepen in rows:
        statuses[year][status] += 1
        if participants is not None:
            reach[year].participants += participants
            reach[year].kansengroepen += kansengroepen or 0
            reach[year].actions += 1
        reeks = reeksen.get(actie_id)
        if reeks is not None:
            reeks.status[year] = status
            reeks.participants[year] = participants
            reeks.kansengroepen[year] = kansengroepen
    return Voortgang(
        nota=nota, years=nota.ronde.years, started=started, statuses=statuses, reach=reach,
        budget=_budget(nota, started), acties=list(reeksen.values()),
        indicators=_indicators(nota, acties), afwijkingen=_afwijkingen(nota),
        reflectiemomenten=list(
            Reflectiemoment.objects.filter(werkjaar__nota=nota).select_related("werkjaar")
        ),
        bijsturingen=list(
            Bijsturing.objects.filter(werkjaar__nota=nota).select_related("actie__od__sd")
        ),
    )


def _budget(nota, started) -> dict:
    budget = {year: {} for year in started}
    rows = BegrotingRealisatie.objects.filter(werkjaar__nota=nota).values_list(
        "werkjaar__year", "post__kind", "planned", "amount"
    )
    for year, kind, planned, amount in rows:
        sums = budget[year].setdefault(kind, [ZERO, ZERO])
        sums[0] += planned
        sums[1] += amount or ZERO
    return budget


def _indicators(nota, acties) -> list[IndicatorReeks]:
    reeksen = {
        i.pk: IndicatorReeks(actie=a, name=i.name, target=i.target)
        for a in acties for i in a.indicators.all()
    }
    rows = IndicatorMeting.objects.filter(werkjaar__nota=nota).exclude(value="").values_list(
        "indicator_id", "werkjaar__year", "value"
    )
    for indicator_id, year, value in rows:
        if indicator_id in reeksen:
            reeksen[indicator_id].values[year] = value
    return list(reeksen.values())


def _afwijkingen(nota) -> list[Afwijking]:
    rows = BegrotingRealisatie.objects.filter(werkjaar__nota=nota).select_related(
        "werkjaar", "post__gemeente"
    ).order_by("post__kind", "post__position", "post__pk", "werkjaar__year")
    return [
        Afwijking(r.werkjaar.year, r.post, r.planned, r.amount, r.explanation)
        for r in rows if r.deviates
    ]


# --- The self-scan over time ------------------------------------------------------------------


@dataclass
class ScanVerloop:
    """The network's first and latest self-scan side by side, per domain."""

    first: Zelfscan | None
    latest: Zelfscan | None
    rows: list[tuple[DomeinSpread, DomeinSpread | None]]  # (first, latest) per domain
    count: int


def zelfscan_verloop(netwerk) -> ScanVerloop:
    scans = list(Zelfscan.objects.filter(netwerk=netwerk).order_by("opened_on", "pk"))
    if not scans:
        return ScanVerloop(None, None, [], 0)
    first, latest = scans[0], scans[-1]
    chosen = [first] if first == latest else [first, latest]
    scores = ZelfscanScore.objects.filter(scan__in=chosen).values_list("scan_id", "domein", "score")
    by_scan = defaultdict(list)
    for scan_id, domein, score in scores:
        by_scan[scan_id].append((domein, score))
    a = spread_of(by_scan[first.pk])
    b = spread_of(by_scan[latest.pk]) if latest != first else [None] * len(a)
    return ScanVerloop(first, latest if latest != first else None, list(zip(a, b)), len(scans))
