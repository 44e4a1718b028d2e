"""What an import would do: every problem by row, what is left out, and what changes.

Computed from the rows kept in the batch, each time it is shown and again when it is confirmed,
so the preview always describes the database as it is now.
"""

import re
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from netwerken.fusies import MERGER_YEAR, fusie_by_code
from netwerken.models import DeelnemendeGemeente, Gemeente

from .access import ImportScope
from .matching import GemeenteMatcher, match_key
from .models import ImportBatch, IndicatorValue
from .models.cijfers import MIN_YEAR, max_year
from .importreading import candidate_year_columns, is_percentage, number, reading_problems
from .importreading import year as batch_year
from .importreading import year_columns as chosen_year_columns
from .plausibility import jump_warnings, out_of_bounds
from .reading import formula_of, read_number, read_year
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
    added_from: str = ""  # the former municipalities a merged municipality's count adds up

    @property
    def key(self) -> tuple:
        return (self.gemeente.pk if self.gemeente else None, self.year)

    @property
    def label(self) -> str:
        return str(self.gemeente) if self.gemeente else _("Flemish Region")


@dataclass
class Plan:
    problems: list = field(default_factory=list)  # [(line, message)]
    warnings: list = field(default_factory=list)  # [(line, message)]: shown, not blocking
    skipped: list = field(default_factory=list)  # [(line, what, reason)]
    suggestions: list = field(default_factory=list)  # [(line, name in the file, Gemeente)]
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
    def added_up(self) -> list:
        return [p for p in self.new + self.changed + self.unchanged if p.added_from]

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


def _row_values(batch, cells, columns, plan_problems, *, percent: bool):
    """[(year, value)] of one row, and the Dutch problems of its cells."""

    def cell(index):
        return cells[index] if index is not None and index < len(cells) else ""

    # [(year or None, year text, value cell, its column)]
    if batch.layout == ImportBatch.Layout.WIDE:
        entries = [(year, str(year), cell(index), index) for index, year in columns]
    else:
        year_cell = batch.fixed_year if batch.fixed_year else cell(batch.year_column)
        entries = [(None, year_cell, cell(batch.value_column), batch.value_column)]
    last_year = max_year()
    values = []
    for year, year_cell, value_cell, index in entries:
        if formula_of(value_cell):
            plan_problems.append(
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
            plan_problems.append(_("“%(value)s” is not a number.") % {"value": value_cell})
            continue
        if value is None:
            continue
        if abs(value) >= TOO_LARGE:
            plan_problems.append(_("The number %(value)s is too large.") % {"value": value_cell})
            continue
        if year is None:
            try:
                year = batch_year(batch, year_cell)
            except ValueError:
                if period_of(year_cell):
                    plan_problems.append(
                        _(
                            "“%(value)s” is a period, not a year. Under “Choose other columns”, "
                            "say whether to read a period as its last year."
                        )
                        % {"value": year_cell}
                    )
                    continue
                plan_problems.append(_("“%(value)s” is not a year.") % {"value": year_cell})
                continue
            if not MIN_YEAR <= year <= last_year:
                plan_problems.append(
                    _("The year %(year)s is outside %(min)s–%(max)s.")
                    % {"year": year, "min": MIN_YEAR, "max": last_year}
                )
                continue
        values.append((year, value.quantize(FOUR_DECIMALS)))
    return values, cell(batch.gemeente_column)


def plan_import(batch: ImportBatch, scope: ImportScope) -> Plan:
    plan = Plan()
    plan.problems.extend(reading_problems(batch))
    indicator = batch.indicator
    percent = is_percentage(indicator)
    gemeenten = list(Gemeente.objects.all())
    matcher = GemeenteMatcher(gemeenten, accepted=batch.accepted_names)
    by_code = {g.nis_code: g for g in gemeenten}
    seen: dict[tuple, int] = {}
    planned: list[Planned] = []
    parts: dict[tuple, dict] = {}  # (new code, year) -> {old code: (line, value)}
    columns = year_columns(batch) if batch.layout == ImportBatch.Layout.WIDE else []

    def add(item: Planned):
        if item.key in seen:
            plan.problems.append(
                (
                    item.line,
                    _("%(what)s, %(year)s is already in row %(line)s.")
                    % {"what": item.label, "year": item.year, "line": seen[item.key]},
                )
            )
            return
        seen[item.key] = item.line
        planned.append(item)

    for line, cells in batch.data_rows:
        row_problems: list = []
        values, raw_name = _row_values(batch, cells, columns, row_problems, percent=percent)
        if not values and not row_problems:
            plan.skipped.append((line, str(raw_name), _("no figure in this row")))
            continue
        if str(raw_name).strip() == "":
            plan.problems.append((line, _("The municipality is missing.")))
            plan.problems.extend((line, message) for message in row_problems)
            continue
        if row_problems:
            plan.problems.extend((line, message) for message in row_problems)
            continue
        left_out: set = set()

        def leave_out(what, reason):
            if reason not in left_out:
                left_out.add(reason)
                plan.skipped.append((line, what, reason))

        for year, value in values:
            found = matcher.match(raw_name, batch.match_by, year)
            if found.unknown:
                _unknown(plan, batch, line, raw_name, found.suggestion)
                break
            if found.left_out:
                leave_out(str(raw_name), found.left_out)
                continue
            if found.flemish:
                reason = _flemish_refused(indicator, scope)
                if reason:
                    plan.skipped.append((line, f"{raw_name} {year}", reason))
                    continue
            if found.part:
                new = by_code.get(found.part.new_code)
                if new is not None and not scope.covers(new.pk):
                    leave_out(str(raw_name), _("not in a network you coordinate"))
                    continue
                same_year = parts.setdefault((found.part.new_code, year), {})
                if found.part.code in same_year:
                    plan.problems.append(
                        (
                            line,
                            _("%(what)s, %(year)s is already in row %(line)s.")
                            % {"what": found.part.name, "year": year, "line": same_year[found.part.code][0]},
                        )
                    )
                    continue
                same_year[found.part.code] = (line, value, raw_name)
                continue
            gemeente = found.gemeente
            if gemeente is not None and not scope.covers(gemeente.pk):
                leave_out(str(gemeente), _("not in a network you coordinate"))
                continue
            problem = out_of_bounds(indicator, value)
            if problem:
                plan.problems.append((line, problem))
                continue
            add(Planned(line=line, gemeente=gemeente, year=year, value=value))

    for item in _merged(plan, indicator, parts, by_code):
        add(item)
    stored = _compare(batch, scope, plan, planned)
    plan.warnings = jump_warnings(indicator, plan.new + plan.changed, stored)
    return plan


def _unknown(plan, batch, line, raw_name, suggestion):
    message = (
        _("“%(value)s” is not the NIS code of a Flemish municipality or district.")
        if batch.match_by == ImportBatch.MatchBy.NIS
        else _("“%(value)s” is not a known Flemish municipality or district.")
    ) % {"value": raw_name}
    if suggestion is not None:
        message += " " + _("Did you mean %(name)s?") % {"name": suggestion}
        if not any(match_key(raw) == match_key(raw_name) for _l, raw, _g in plan.suggestions):
            plan.suggestions.append((line, str(raw_name), suggestion))
    plan.problems.append((line, message))


def _flemish_refused(indicator, scope) -> str:
    if indicator.flemish_row == indicator.FlemishRow.NONE:
        return _("this indicator has no Flemish reference")
    if not scope.may_change_flemish:
        return _("only publiq staff can set the Flemish reference")
    return ""


def _merged(plan, indicator, parts, by_code) -> list[Planned]:
    """The values of merged municipalities before 2025: added up for a count, else left out."""
    items = []
    for (new_code, year), found in sorted(parts.items()):
        fusie = fusie_by_code()[new_code]
        new = by_code.get(new_code)
        lines = sorted(line for line, _value, _raw in found.values())
        names = {p.code: p.name for p in fusie.parts}
        what = lambda code: f"{names[code]} {year}"  # noqa: E731
        if not indicator.can_be_added or new is None:
            reason = _(
                "since %(year)s part of %(name)s (%(code)s); recalculate from numerator and denominator"
            ) % {"year": MERGER_YEAR, "name": fusie.name, "code": new_code}
            plan.skipped.extend((found[code][0], what(code), reason) for code in sorted(found))
            continue
        missing = [p.name for p in fusie.parts if p.code not in found]
        if missing:
            reason = _(
                "since %(year)s part of %(name)s (%(code)s); cannot be added up without %(missing)s"
            ) % {"year": MERGER_YEAR, "name": fusie.name, "code": new_code, "missing": ", ".join(missing)}
            plan.skipped.extend((found[code][0], what(code), reason) for code in sorted(found))
            continue
        total = sum((value for _line, value, _raw in found.values()), Decimal(0))
        added_from = " + ".join(
            _("%(name)s (row %(line)s)") % {"name": p.name, "line": found[p.code][0]} for p in fusie.parts
        )
        problem = out_of_bounds(indicator, total)
        if problem:
            plan.problems.append((lines[0], problem))
            continue
        items.append(Planned(line=lines[0], gemeente=new, year=year, value=total, added_from=added_from))
    return items


def _compare(batch, scope, plan, planned) -> dict:
    """Sort the planned values into new, changed and unchanged against the database.

    Returns the stored values of those municipalities, the year before included, by key.
    """
    if not planned:
        return {}
    gemeente_ids = {p.gemeente.pk for p in planned if p.gemeente}
    years = {p.year for p in planned} | {p.year - 1 for p in planned}
    rows = IndicatorValue.objects.for_gemeenten([batch.indicator_id], gemeente_ids).filter(year__in=years)
    existing = {(v.gemeente_id, v.year): v for v in rows}
    for item in planned:
        current = existing.get(item.key)
        if current is None:
            plan.new.append(item)
            continue
        item.old, item.old_batch_id = current.value, current.batch_id
        if current.value == item.value:
            plan.unchanged.append(item)
        else:
            plan.changed.append(item)
    changed_ids = {p.gemeente.pk for p in plan.changed if p.gemeente}
    if changed_ids:
        for d in DeelnemendeGemeente.objects.filter(gemeente_id__in=changed_ids).select_related(
            "netwerk"
        ):
            plan.users_of.setdefault(d.gemeente_id, []).append(d.netwerk.name)
    return {key: v.value for key, v in existing.items()}


_HEADER_WORDS = {
    "nis": ("nis", "refnis", "nis code", "niscode", "code"),
    "name": ("gemeente", "gemeentenaam", "naam", "gebied", "municipality", "regio", "locatie"),
    "year": ("jaar", "year", "periode", "jaartal"),
}


# Words in a column name that say what kind of figure the column holds.
_KIND_WORDS = {
    "percentage": ("%", "percentage", "procent", "aandeel", "pct"),
    "aantal": ("aantal", "totaal", "absoluut", "n"),
    "ratio": ("per 1000", "per 1.000", "per 100", "promille", "ratio", "graad"),
    "index": ("index", "score"),
    "bedrag": ("euro", "€", "bedrag", "inkomen"),
}
_GENERIC_VALUE_WORDS = ("waarde", "value", "cijfer")


_STOPWORDS = {"van", "het", "per", "een", "der", "des", "the", "and", "met", "voor"}


def _words(text) -> set[str]:
    words = re.split(r"[^\w%€]+", str(text).casefold())
    return {w for w in words if (len(w) > 2 or w in {"%", "€", "n"}) and w not in _STOPWORDS}


def value_column_for(headers, indicator, taken) -> int | None:
    """The column whose name best matches the indicator's name, unit or kind; None if none does.

    A column that names another kind of figure ("Aantal geboorten" for a percentage) is never
    chosen: the user then picks the column.
    """
    own = _words(indicator.name) | _words(indicator.unit)
    own_text = f"{indicator.name} {indicator.unit}".casefold()
    best, best_score = None, 0
    for index, header in enumerate(headers):
        if index in taken or _is_year(header):
            continue
        text = str(header).casefold()
        words = _words(header)
        score = 2 * len(own & words)
        for kind, kind_words in _KIND_WORDS.items():
            hit = any(
                (w in words or (len(w) > 3 and w in text)) and (kind == indicator.kind or w not in own_text)
                for w in kind_words
            )
            if hit and kind == indicator.kind:
                score += 3
            elif hit and indicator.kind != "ander":
                score = -100
        if any(w in text for w in _GENERIC_VALUE_WORDS):
            score += 1
        if score > best_score:
            best, best_score = index, score
    return best


def _is_number(cell) -> bool:
    if isinstance(cell, dict):
        return True  # a spreadsheet percentage or formula: a figure, not a name
    try:
        return read_number(cell) is not None
    except ValueError:
        return False


def _is_year(cell) -> bool:
    try:
        return MIN_YEAR <= read_year(cell) <= max_year()
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
        batch.year_column = find("year")
        taken = {batch.gemeente_column, batch.year_column, nis, name}
        batch.value_column = value_column_for(first, batch.indicator, taken)
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
    if len(first) - 1 not in {batch.gemeente_column, batch.year_column}:
        batch.value_column = len(first) - 1
