"""What the reading of a file means for one import: the batch's choices applied to its cells.

The reading itself (`analyses/reading/`) knows nothing of indicators or of the user's choices;
this module joins the two for the plan, the forms and the pages: which decimal separator a
column uses, which columns are years, and whether a spreadsheet percentage is multiplied by 100.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from netwerken.numbers import format_count

from .models import ImportBatch, Indicator
from .models.cijfers import MIN_YEAR, max_year
from .parsing import column_letter
from .reading import COMMA, POINT, example_reading, read_number, read_year
from .reading.cells import period_of
from .reading.decimals import AMBIGUOUS
from .reading.limits import MAX_ROWS


def is_percentage(indicator: Indicator) -> bool:
    """A percentage indicator, whose spreadsheet percent cells (0.261 shown as 26,1 %) mean 26.1.
    The indicator's kind says so."""
    return indicator.kind == Indicator.Kind.PERCENTAGE


def column_label(batch: ImportBatch, index: int) -> str:
    headers = batch.headers
    name = str(headers[index]).strip() if index < len(headers) else ""
    return f"{column_letter(index)} ({name})" if name else column_letter(index)


def decision(batch: ImportBatch, index: int) -> dict:
    found = (batch.reading or {}).get("decimals", {}).get(str(index)) or {}
    return {"decision": "", "example": None, "ambiguous": None, **found}


def separator(batch: ImportBatch, index: int) -> str | None:
    """POINT or COMMA for the figures in this column; None while the user must choose."""
    if batch.decimal:
        return batch.decimal
    found = decision(batch, index)["decision"]
    if found == AMBIGUOUS:
        return None
    return found or COMMA


def number(batch: ImportBatch, index: int, cell, *, percent: bool):
    """The figure in a cell of a value column (ValueError if it is none)."""
    return read_number(cell, decimal=separator(batch, index) or COMMA, percent=percent)


def year(batch: ImportBatch, cell) -> int:
    return read_year(cell, periods=batch.periods_as_last_year)


def _header_year(header):
    try:
        return read_year(header)
    except ValueError:
        return None


@dataclass
class YearColumn:
    index: int
    year: int
    header: str
    period: bool


def candidate_year_columns(batch: ImportBatch) -> list[YearColumn]:
    """Every column whose name is a year or a period, chosen or not."""
    found = []
    for index, header in enumerate(batch.headers):
        value = _header_year(header)
        period = None if value is not None else period_of(header)
        if period:
            value = period[1]
        if value is not None and MIN_YEAR <= value <= max_year():
            found.append(YearColumn(index, value, str(header), period is not None))
    return found


def year_columns(batch: ImportBatch) -> list[tuple[int, int]]:
    """(column, year) of the columns to import in a wide file."""
    columns = [
        c
        for c in candidate_year_columns(batch)
        if batch.periods_as_last_year or not c.period
    ]
    if batch.chosen_columns is not None:
        columns = [c for c in columns if c.index in batch.chosen_columns]
    return [(c.index, c.year) for c in columns]


def group_label(batch: ImportBatch, index: int) -> str:
    """The name above a column in the line before the column names (merged header cells)."""
    above = [cells for line, cells in batch.rows if line < batch.header_line]
    if not above:
        return ""
    cells = above[-1]
    for position in range(min(index, len(cells) - 1), -1, -1):
        if str(cells[position]).strip():
            return str(cells[position]).strip()
    return ""


def _ranges(indexes: list[int]) -> str:
    letters = [column_letter(i) for i in indexes]
    return f"{letters[0]}–{letters[-1]}" if len(letters) > 1 else letters[0]


def reading_problems(batch: ImportBatch) -> list[tuple[int, str]]:
    """Questions the user must answer before the figures can be read right."""
    problems = []
    line = batch.header_line or (batch.rows[0][0] if batch.rows else 0)
    if (batch.reading or {}).get("too_many"):
        # Only the first rows were kept, to choose a filter: never import part of a file.
        problems.append(
            (
                line,
                _(
                    "The file has more than %(max)s rows. Choose the rows to keep, for instance only "
                    "the totals."
                )
                % {"max": format_count(MAX_ROWS)},
            )
        )
    if batch.layout == ImportBatch.Layout.WIDE:
        value_columns = [index for index, _year in year_columns(batch)]
        columns = year_columns(batch)
        by_year: dict[int, list[int]] = {}
        for index, value in columns:
            by_year.setdefault(value, []).append(index)
        twice = sorted(y for y, indexes in by_year.items() if len(indexes) > 1)
        if twice:
            groups = _groups(batch, columns)
            problems.append(
                (
                    line,
                    _(
                        "The years %(years)s appear more than once in the column names: columns "
                        "%(groups)s. Under “Choose other columns”, tick the columns to import."
                    )
                    % {
                        "years": ", ".join(str(y) for y in twice),
                        "groups": _(" and ").join(groups),
                    },
                )
            )
        periods = [c for c in candidate_year_columns(batch) if c.period]
        if periods and not batch.periods_as_last_year:
            problems.append(
                (
                    line,
                    _(
                        "The columns %(columns)s are periods, not years. Under “Choose other "
                        "columns”, say whether to read each period as its last year (%(example)s "
                        "as %(last)s); until then they are left out."
                    )
                    % {
                        "columns": ", ".join(f"{column_letter(c.index)} ({c.header})" for c in periods),
                        "example": periods[0].header,
                        "last": periods[0].year,
                    },
                )
            )
    else:
        value_columns = [batch.value_column] if batch.value_column is not None else []
    unclear = [index for index in value_columns if separator(batch, index) is None]
    if unclear:
        example = decision(batch, unclear[0])["ambiguous"]
        problems.append(
            (
                line,
                _(
                    "In column %(column)s the decimal separator cannot be told: “%(example)s” "
                    "could be %(point)s or %(comma)s. Choose the decimal separator."
                )
                % {
                    "column": ", ".join(column_label(batch, index) for index in unclear),
                    "example": example,
                    "point": example_reading(example, POINT),
                    "comma": example_reading(example, COMMA),
                },
            )
        )
    return problems


def _groups(batch: ImportBatch, columns: list[tuple[int, int]]) -> list[str]:
    """Runs of adjacent year columns, each named by its letters and the name above it."""
    runs, current, last_year = [], [], None
    for index, value in columns:
        # A run ends at a gap, or where the years start again (2021 2022 2023 | 2021 2022 2023).
        if current and (index != current[-1] + 1 or value <= last_year):
            runs.append(current)
            current = []
        current.append(index)
        last_year = value
    if current:
        runs.append(current)
    named = []
    for run in runs:
        label = group_label(batch, run[0])
        named.append(f"{_ranges(run)} ({label})" if label else _ranges(run))
    return named


def decimal_notes(batch: ImportBatch) -> list[dict]:
    """For the preview: how the figures' decimal separator was decided, with an example."""
    if batch.layout == ImportBatch.Layout.WIDE:
        indexes = [index for index, _year in year_columns(batch)]
    else:
        indexes = [batch.value_column] if batch.value_column is not None else []
    notes: dict[str, dict] = {}
    for index in indexes:
        found = decision(batch, index)
        chosen = separator(batch, index)
        if not found["example"] or chosen is None:
            continue
        example = found["ambiguous"] or found["example"]
        note = notes.setdefault(
            chosen,
            {
                "columns": [],
                "separator": chosen,
                "chosen_by_user": bool(batch.decimal),
                "example": example,
                "reading": example_reading(example, chosen),
            },
        )
        note["columns"].append(column_label(batch, index))
    return list(notes.values())
