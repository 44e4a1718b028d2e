"""What an import would do: every problem by row, what is left out, and what changes.

Computed from the rows kept in the batch, each time it is shown and again when it is confirmed,
so the preview always describes the database as it is now.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from netwerken.models import DeelnemendeGemeente, Gemeente

from .access import ImportScope
from .models import ImportBatch, IndicatorValue
from .models.cijfers import MIN_YEAR, max_year
from .importreading import candidate_year_columns, is_percentage, number, reading_problems
from .importreading import year as batch_year
from .importreading import year_columns as chosen_year_columns
from .parsing import GemeenteMatcher, parse_number, parse_year
from .reading import formula_of, read_number
from .reading.cells import period_of

FOUR_DECIMALS = Decimal("0.0001")
TOO_LARGE = Decimal(10) ** 12


@dataclass
class Planned:
    line: int
    gemeente: Gemeente | None  # None: the Flemish reference
    year: int
    value: Decimal
    old: Decimal | None = None
    old_batch_id: int | None = None

    @property
    def key(self) -> tuple:
        return (self.gemeente.pk if self.gemeente else None, self.year)

    @property
    def label(self) -> str:
        return str(self.gemeente) if self.gemeente else _("Flemish Region")


@dataclass
class Plan:
    problems: list = field(default_factory=list)  # [(line, message)]
    skipped: list = field(default_factory=list)  # [(line, what, reason)]
    new: list = field(default_factory=list)
    changed: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    users_of: dict = field(default_factory=dict)  # gemeente id -> [network names]

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def changes(self) -> list:
        return self.new + self.changed

    @property
    def nothing_to_do(self) -> bool:
        return self.ok and not self.changes

    def skipped_by_reason(self) -> list[tuple[str, list]]:
        groups: dict[str, list] = {}
        for line, what, reason in self.skipped:
            groups.setdefault(reason, []).append((line, what))
        return list(groups.items())


def year_columns(batch: ImportBatch) -> list[tuple[int, int]]:
    """(column, year) for every column to import whose name is a year: the wide layout."""
    return chosen_year_columns(batch)


def plan_import(batch: ImportBatch, scope: ImportScope) -> Plan:
    plan = Plan()
    plan.problems.extend(reading_problems(batch))
    percent = is_percentage(batch.indicator)
    matcher = GemeenteMatcher(list(Gemeente.objects.all()))
    last_year = max_year()
    seen: dict[tuple, int] = {}
    planned: list[Planned] = []
    wide = batch.layout == ImportBatch.Layout.WIDE
    columns = year_columns(batch) if wide else []

    for line, cells in batch.data_rows:

        def cell(index):
            return cells[index] if index is not None and index < len(cells) else ""

        raw_name = cell(batch.gemeente_column)
        # Year and value cells of this row: [(year or None, year text, value cell, its column)].
        if wide:
            entries = [(year, str(year), cell(index), index) for index, year in columns]
        else:
            year_cell = batch.fixed_year if batch.fixed_year else cell(batch.year_column)
            entries = [(None, year_cell, cell(batch.value_column), batch.value_column)]

        row_problems, values = [], []
        for year, year_cell, value_cell, index in entries:
            if formula_of(value_cell):
                row_problems.append(
                    _(
                        "Cell %(cell)s holds a formula whose result was not saved. Open the file "
                        "in Excel, save it there, and upload it again."
                    )
                    % {"cell": formula_of(value_cell)}
                )
                continue
            try:
                value = number(batch, index, value_cell, percent=percent)
            except ValueError:
                row_problems.append(_("“%(value)s” is not a number.") % {"value": value_cell})
                continue
            if value is None:
                continue
            if abs(value) >= TOO_LARGE:
                row_problems.append(_("The number %(value)s is too large.") % {"value": value_cell})
                continue
            if year is None:
                try:
                    year = batch_year(batch, year_cell)
                except ValueError:
                    if period_of(year_cell):
                        row_problems.append(
                            _(
                                "“%(value)s” is a period, not a year. Under “Choose other columns”, "
                                "say whether to read a period as its last year."
                            )
                            % {"value": year_cell}
                        )
                        continue
                    row_problems.append(_("“%(value)s” is not a year.") % {"value": year_cell})
                    continue
                if not MIN_YEAR <= year <= last_year:
                    row_problems.append(
                        _("The year %(year)s is outside %(min)s–%(max)s.")
                        % {"year": year, "min": MIN_YEAR, "max": last_year}
                    )
                    continue
            values.append((year, value.quantize(FOUR_DECIMALS)))

        if not values and not row_problems:
            plan.skipped.append((line, str(raw_name), _("no figure in this row")))
            continue

        if str(raw_name).strip() == "":
            row_problems.insert(0, _("The municipality is missing."))
            gemeente, outcome = None, None
        else:
            gemeente, outcome = matcher.match(raw_name, batch.match_by)
            if outcome == matcher.UNKNOWN:
                message = (
                    _("“%(value)s” is not the NIS code of a Flemish municipality or district.")
                    if batch.match_by == ImportBatch.MatchBy.NIS
                    else _("“%(value)s” is not a known Flemish municipality or district.")
                )
                row_problems.insert(0, message % {"value": raw_name})
            elif isinstance(outcome, tuple):
                plan.skipped.append((line, str(raw_name), outcome[1]))
                continue
        plan.problems.extend((line, message) for message in row_problems)
        if row_problems:
            continue

        if gemeente is not None and not scope.covers(gemeente.pk):
            plan.skipped.append((line, str(gemeente), _("not in a network you coordinate")))
            continue
        for year, value in values:
            item = Planned(line=line, gemeente=gemeente, year=year, value=value)
            if item.key in seen:
                plan.problems.append(
                    (
                        line,
                        _("%(what)s, %(year)s is already in row %(line)s.")
                        % {"what": item.label, "year": year, "line": seen[item.key]},
                    )
                )
                continue
            seen[item.key] = line
            planned.append(item)

    _compare(batch, scope, plan, planned)
    return plan


def _compare(batch, scope, plan, planned):
    """Sort the planned values into new, changed and unchanged against the database."""
    if not planned:
        return
    gemeente_ids = {p.gemeente.pk for p in planned if p.gemeente}
    years = {p.year for p in planned}
    existing = {
        (v.gemeente_id, v.year): v
        for v in IndicatorValue.objects.for_gemeenten([batch.indicator_id], gemeente_ids).filter(
            year__in=years
        )
    }
    for item in planned:
        current = existing.get(item.key)
        if current is None:
            plan.new.append(item)
            continue
        item.old, item.old_batch_id = current.value, current.batch_id
        if current.value == item.value:
            plan.unchanged.append(item)
        elif item.gemeente is None and not scope.may_change_flemish:
            plan.skipped.append(
                (
                    item.line,
                    f"{item.label} {item.year}",
                    _("only publiq staff can change a Flemish reference value that is already there"),
                )
            )
        else:
            plan.changed.append(item)
    changed_ids = {p.gemeente.pk for p in plan.changed if p.gemeente}
    if changed_ids:
        for d in DeelnemendeGemeente.objects.filter(gemeente_id__in=changed_ids).select_related(
            "netwerk"
        ):
            plan.users_of.setdefault(d.gemeente_id, []).append(d.netwerk.name)


_HEADER_WORDS = {
    "nis": ("nis", "refnis", "nis code", "niscode", "code"),
    "name": ("gemeente", "gemeentenaam", "naam", "gebied", "municipality", "regio", "locatie"),
    "year": ("jaar", "year", "periode", "jaartal"),
    "value": ("waarde", "value", "aantal", "percentage", "%", "score", "index", "cijfer"),
}


def _is_number(cell) -> bool:
    if isinstance(cell, dict):
        return True  # a spreadsheet percentage or formula: a figure, not a name
    try:
        return parse_number(cell) is not None
    except ValueError:
        return False


def _is_year(cell) -> bool:
    try:
        return MIN_YEAR <= parse_year(cell) <= max_year()
    except ValueError:
        return False


def guess_mapping(batch: ImportBatch) -> None:
    """A first guess of the header line and the columns; the user checks and corrects it."""
    first = next((cells for _line, cells in batch.rows if len([c for c in cells if c != ""]) >= 2), None)
    batch.header_line = 0

    def names_only(filled):
        # Column names are words (or years, in a wide table); a data row has figures.
        return all(not _is_number(c) or _is_year(c) for c in filled) and any(
            not _is_number(c) or _is_year(c) for c in filled
        )

    for position, (line, cells) in enumerate(batch.rows[:15]):
        filled = [c for c in cells if c != ""]
        if len(filled) < 2:
            continue
        if names_only(filled) and any(not _is_number(c) for c in filled):
            batch.header_line = line
            # Merged header cells: a line of group names ("Aantal", "Percentage") above the
            # line with the years. The fuller of the two names the columns.
            for next_line, next_cells in batch.rows[position + 1 : position + 3]:
                next_filled = [c for c in next_cells if c != ""]
                if len(next_filled) < len(filled) or not names_only(next_filled):
                    break
                batch.header_line, cells, filled = next_line, next_cells, next_filled
        first = cells
        break
    if first is None:
        return
    if batch.header_line:
        names = [str(c).strip().casefold() for c in first]

        def find(kind):
            words = _HEADER_WORDS[kind]
            for index, name in enumerate(names):
                if name in words:
                    return index
            for index, name in enumerate(names):
                if any(word in name for word in words if len(word) > 3):
                    return index
            return None

        nis, name = find("nis"), find("name")
        batch.gemeente_column = nis if nis is not None else name
        batch.match_by = ImportBatch.MatchBy.NIS if nis is not None else ImportBatch.MatchBy.NAME
        if len(candidate_year_columns(batch)) >= 2:
            batch.layout = ImportBatch.Layout.WIDE
            return
        batch.year_column, batch.value_column = find("year"), find("value")
        if batch.value_column is None:
            batch.value_column = len(first) - 1
        return
    # No column names: judge by the first row's cells.
    for index, cell in enumerate(first):
        text = str(cell)
        if batch.gemeente_column is None and len(text) == 5 and text.isdigit():
            batch.gemeente_column, batch.match_by = index, ImportBatch.MatchBy.NIS
        elif batch.gemeente_column is None and not _is_number(cell):
            batch.gemeente_column = index
        elif batch.year_column is None and _is_year(cell):
            batch.year_column = index
    batch.value_column = len(first) - 1
