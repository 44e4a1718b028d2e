"""publiq's overview of one submission round: every network, with or without a dossier, and
where its dossier stands. Loaded in a fixed number of queries however many networks there are;
the checklist score comes from the one checklist (see checks_bulk.py)."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal

from django.db.models import Count, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from netwerken.models import Netwerk, User
from netwerken.permissions import publiq_reviewers

from .checks_bulk import bulk_checklists
from .models import (
    Afsprakennota,
    Begrotingspost,
    Comment,
    DossierVersion,
    Indienronde,
    PartnerConfirmation,
    TransitionRecord,
    Werkjaar,
)
from .states import label as status_label
from .workflow import Status

ZERO = Decimal("0")
NO_DOSSIER = "none"  # the status filter's value for networks without a dossier in the round
NOBODY = "none"  # the reviewer filter's value for dossiers nobody reviews yet
STATUS_ORDER = {value: i for i, value in enumerate(Status.values)}
# A yearly report is "in" once the network has submitted it (and stays in when publiq decides).
REPORT_IN = frozenset({Status.INGEDIEND, Status.GOEDGEKEURD, Status.IN_BEHANDELING})


def _whole_days(delta: timedelta | None) -> int | None:
    """Days begun: an hour late is one day late."""
    if delta is None:
        return None
    return delta.days + (1 if delta.seconds or delta.microseconds else 0)


@dataclass
class OverviewRow:
    netwerk: Netwerk
    gemeenten: int
    nota: Afsprakennota | None = None
    first_submitted_at: datetime | None = None
    versions: int = 0
    blocking_met: int = 0
    blocking_total: int = 0
    warnings: int = 0
    confirmed: int = 0
    asked: int = 0
    open_comments: int = 0
    subsidy: list = field(default_factory=list)  # per year of the round
    last_activity: datetime | None = None
    deadline: datetime | None = None
    yearly_reports: list = field(default_factory=list)  # YearlyReport per working year

    @property
    def status(self) -> str:
        return self.nota.status if self.nota else NO_DOSSIER

    @property
    def status_label(self) -> str:
        return self.nota.status_label_staff if self.nota else _("No dossier")

    @property
    def reviewer(self) -> User | None:
        return self.nota.reviewer if self.nota else None

    @property
    def submitted(self) -> bool:
        return self.first_submitted_at is not None

    @property
    def late_by(self) -> timedelta | None:
        """How long after the deadline the first version came in (None: on time or not yet)."""
        if self.first_submitted_at and self.first_submitted_at > self.deadline:
            return self.first_submitted_at - self.deadline
        return None

    @property
    def overdue_by(self) -> timedelta | None:
        """How long the deadline has passed without a submission."""
        now = timezone.now()
        if not self.submitted and now > self.deadline:
            return now - self.deadline
        return None

    @property
    def review_overdue_days(self) -> int | None:
        return _whole_days(self.nota.review_overdue_by) if self.nota else None

    @property
    def late_days(self) -> int | None:
        return _whole_days(self.late_by)

    @property
    def overdue_days(self) -> int | None:
        return _whole_days(self.overdue_by)

    @property
    def subsidy_total(self) -> Decimal:
        return sum(self.subsidy, ZERO)

    @property
    def score_label(self) -> str:
        if not self.nota:
            return ""
        return f"{self.blocking_met}/{self.blocking_total}"

    def sort_key(self, key: str):
        """The value to sort on; rows without one go last whichever the direction."""
        values = {
            "netwerk": self.netwerk.name.lower(),
            "igs": self.netwerk.igs_name.lower(),
            "regio": self.netwerk.referentieregio.lower(),
            "gemeenten": self.gemeenten,
            "status": STATUS_ORDER.get(self.status, -1),
            "ingediend": self.first_submitted_at,
            "checklist": (self.blocking_met / self.blocking_total) if self.blocking_total else None,
            "bevestigd": (self.confirmed / self.asked) if self.asked else None,
            "commentaar": self.open_comments if self.nota else None,
            "subsidie": self.subsidy_total if self.nota else None,
            "activiteit": self.last_activity,
            "beoordelaar": str(self.reviewer).lower() if self.reviewer else None,
        }
        return values[key]


SORT_KEYS = (
    "netwerk", "igs", "regio", "gemeenten", "status", "ingediend", "checklist", "bevestigd",
    "commentaar", "subsidie", "activiteit", "beoordelaar",
)


@dataclass(frozen=True)
class YearlyReport:
    """Where the yearly report of one working year stands, for publiq's overview."""

    year: int
    status: str  # a workflow status, or "" when the report has not been started

    @property
    def is_in(self) -> bool:
        return self.status in REPORT_IN

    @property
    def label(self) -> str:
        return status_label(self.status, staff=True) if self.status else _("not started")

    def __str__(self) -> str:
        return f"{self.year}: {self.label}"


def yearly_reports(pks) -> dict[int, list[YearlyReport]]:
    """Per dossier, its working years in order with their report's status (one query)."""
    found: dict[int, list[YearlyReport]] = {}
    years = Werkjaar.objects.filter(nota__in=pks).order_by("year").values_list(
        "nota_id", "year", "jaarrapport__status"
    )
    for nota_id, year, status in years:
        found.setdefault(nota_id, []).append(YearlyReport(year=year, status=status or ""))
    return found


@dataclass
class Totals:
    networks: int
    submitted: int
    approved: int
    subsidy: list
    subsidy_total: Decimal


@dataclass
class Overview:
    ronde: Indienronde
    rows: list[OverviewRow]
    totals: Totals


def _max_per_nota(queryset, field_name) -> dict:
    rows = queryset.values("nota_id").annotate(last=Max(field_name)).order_by()
    return {row["nota_id"]: row["last"] for row in rows}


def round_overview(ronde: Indienronde) -> list[OverviewRow]:
    """One row per network (by name) for this round."""
    netwerken = list(Netwerk.objects.annotate(n_gemeenten=Count("deelnemende_gemeenten")).order_by("name"))
    notas = list(
        Afsprakennota.objects.filter(ronde=ronde).select_related("netwerk", "ronde", "reviewer")
    )
    pks = [n.pk for n in notas]
    checklists = bulk_checklists(notas)
    first_versions, version_counts = {}, {}
    for v in DossierVersion.objects.filter(nota__in=pks).only("nota_id", "number", "submitted_at").order_by("number"):
        first_versions.setdefault(v.nota_id, v)
        version_counts[v.nota_id] = version_counts.get(v.nota_id, 0) + 1
    open_comments = dict(
        Comment.objects.open().filter(nota__in=pks).values_list("nota_id").annotate(n=Count("pk")).order_by()
    )
    activity = [
        _max_per_nota(TransitionRecord.objects.filter(nota__in=pks), "at"),
        _max_per_nota(Comment.objects.filter(nota__in=pks), "created_at"),
        _max_per_nota(PartnerConfirmation.objects.filter(nota__in=pks), "at"),
        _max_per_nota(DossierVersion.objects.filter(nota__in=pks), "submitted_at"),
    ]
    reports = yearly_reports(pks)
    by_netwerk = {n.netwerk_id: n for n in notas}
    rows = []
    for netwerk in netwerken:
        row = OverviewRow(netwerk=netwerk, gemeenten=netwerk.n_gemeenten, deadline=ronde.deadline)
        row.subsidy = [ZERO for _year in ronde.years]
        nota = by_netwerk.get(netwerk.pk)
        if nota is not None:
            data, checklist = checklists[nota.pk]
            row.nota = nota
            first = first_versions.get(nota.pk)
            row.first_submitted_at = first.submitted_at if first else None
            row.versions = version_counts.get(nota.pk, 0)
            blocking = [c for c in checklist.checks if c.blocking]
            row.blocking_total = len(blocking)
            row.blocking_met = sum(c.passed for c in blocking)
            row.warnings = len(checklist.warnings)
            row.asked = len(data.partners)
            row.confirmed = sum(data.confirmation_state(p) == "confirmed" for p in data.partners)
            row.open_comments = open_comments.get(nota.pk, 0)
            row.yearly_reports = reports.get(nota.pk, [])
            line = data.begroting.lines[Begrotingspost.Category.VLAAMSE_SUBSIDIE]
            row.subsidy = [cell.amount or ZERO for cell in line.cells]
            moments = [nota.created_at, data.visie.updated_at if data.visie else None]
            moments += [found.get(nota.pk) for found in activity]
            row.last_activity = max(m for m in moments if m)
        rows.append(row)
    return rows


def filter_rows(rows, *, status="", reviewer="", regio="") -> list[OverviewRow]:
    if status:
        rows = [r for r in rows if r.status == status]
    if reviewer == NOBODY:
        rows = [r for r in rows if r.nota and r.nota.reviewer_id is None]
    elif reviewer:
        rows = [r for r in rows if r.nota and str(r.nota.reviewer_id) == reviewer]
    if regio:
        rows = [r for r in rows if r.netwerk.referentieregio == regio]
    return rows


def sort_rows(rows, sort: str) -> list[OverviewRow]:
    """`sort` is a key of SORT_KEYS, with a leading "-" for descending."""
    descending = sort.startswith("-")
    key = sort.lstrip("-")
    if key not in SORT_KEYS:
        return rows
    present = [r for r in rows if r.sort_key(key) is not None]
    missing = [r for r in rows if r.sort_key(key) is None]
    present.sort(key=lambda r: (r.sort_key(key), r.netwerk.name.lower()), reverse=descending)
    return present + missing


def totals(ronde, rows) -> Totals:
    per_year = [sum((r.subsidy[i] for r in rows), ZERO) for i in range(len(ronde.years))]
    return Totals(
        networks=len(rows),
        submitted=sum(r.submitted for r in rows),
        approved=sum(r.status == Status.GOEDGEKEURD for r in rows),
        subsidy=per_year,
        subsidy_total=sum(per_year, ZERO),
    )


def build_overview(ronde, *, status="", reviewer="", regio="", sort="netwerk") -> Overview:
    rows = sort_rows(filter_rows(round_overview(ronde), status=status, reviewer=reviewer, regio=regio), sort)
    return Overview(ronde=ronde, rows=rows, totals=totals(ronde, rows))


def filter_choices() -> dict:
    """The options of the filters: statuses, reviewers and regions."""
    regions = Netwerk.objects.order_by("referentieregio").values_list("referentieregio", flat=True).distinct()
    return {
        "statuses": [(NO_DOSSIER, _("No dossier")), *Status.choices],
        "reviewers": list(publiq_reviewers()),
        "regions": [r for r in regions if r],
    }
