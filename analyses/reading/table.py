"""From a file's bytes to the table the import works with, and what we learnt on the way."""

import hashlib
import io
import zipfile
from dataclasses import asdict, dataclass, field

from django.utils.translation import gettext as _

from netwerken.numbers import format_count

from ..parsing import FileProblem
from .decimals import decide_column
from .detect import XLSX, ZIPPED_TEXT, TEXT_SUFFIXES, check_upload
from .limits import MAX_DIMENSION_VALUES, MAX_READ_ROWS, MAX_ROWS
from .text import text_rows
from .workbook import workbook_rows


@dataclass(frozen=True)
class ReadOptions:
    sheet: str = ""
    # Keep only the rows after `filter_after` whose cell in `filter_column` is `filter_value`.
    filter_column: int | None = None
    filter_value: str = ""
    filter_after: int = 0


@dataclass
class Table:
    rows: list  # [[line, [cells]]]
    sha256: str
    sheets: list = field(default_factory=list)
    sheet: str = ""
    decimals: dict = field(default_factory=dict)  # {"3": {"decision": ..., "example": ...}}
    # Columns with few distinct values, to filter on: {"2": ["M", "V", "Totaal"]}
    dimensions: dict = field(default_factory=dict)
    total_rows: int = 0  # rows in the file (before a filter), if all were counted
    too_many: bool = False  # more rows than MAX_ROWS: only the first ones are kept, to choose a filter

    def as_dict(self) -> dict:
        return asdict(self)


def _unzip_text(data: bytes) -> bytes:
    archive = zipfile.ZipFile(io.BytesIO(data))
    member = next(
        m for m in archive.infolist() if not m.is_dir() and m.filename.lower().endswith(TEXT_SUFFIXES)
    )
    with archive.open(member) as stream:
        return stream.read()


def _key(cell) -> str:
    return str(cell).strip().casefold()


def read_table(data: bytes, name: str = "", options: ReadOptions = ReadOptions()) -> Table:
    """The whole reading (FileProblem if the file cannot be imported as it is)."""
    kind = check_upload(data, name)
    if kind != XLSX:
        return _table(text_rows(_unzip_text(data) if kind == ZIPPED_TEXT else data), data, options)
    sheets, sheet, rows = workbook_rows(data, options.sheet)
    if options.sheet:
        return _table(rows, data, options, sheets=sheets, sheet=sheet)
    # No sheet chosen: the first one with a table in it (workbooks often start with a title page
    # or an explanation).
    first_problem = None
    for candidate in sheets:
        if candidate != sheet:
            _sheets, sheet, rows = workbook_rows(data, candidate)
        try:
            return _table(rows, data, options, sheets=sheets, sheet=sheet)
        except FileProblem as problem:
            first_problem = first_problem or problem
    raise first_problem


def _table(rows, data: bytes, options: ReadOptions, *, sheets=(), sheet="") -> Table:
    kept, distinct, total, too_many, widest = [], {}, 0, False, 0
    wanted = _key(options.filter_value)
    for line, cells in rows:
        total += 1
        if total > MAX_READ_ROWS:
            raise FileProblem(
                _("The file has more than %(max)s rows, too many to read. Split it or keep only the rows you need.")
                % {"max": format_count(MAX_READ_ROWS)}
            )
        widest = max(widest, len(cells))
        for index, cell in enumerate(cells):
            values = distinct.setdefault(index, {})
            if values is not None and len(values) <= MAX_DIMENSION_VALUES and isinstance(cell, str):
                values.setdefault(_key(cell), cell)
            elif values is not None and not isinstance(cell, str) and cell != "":
                distinct[index] = None  # numbers: a measure, not a dimension
        if options.filter_column is not None and line > options.filter_after:
            cell = cells[options.filter_column] if options.filter_column < len(cells) else ""
            if _key(cell) != wanted:
                continue
        if len(kept) < MAX_ROWS:
            kept.append([line, cells])
        else:
            too_many = True

    if not kept:
        raise FileProblem(_("The file contains no rows with data."))
    if widest < 2:
        raise FileProblem(
            _(
                "Only one column was found: is the separator right? Save the file as CSV with "
                "semicolons (;) or tabs between the columns, or as .xlsx."
            )
        )
    columns = max(len(cells) for _line, cells in kept)
    decimals = {}
    for index in range(columns):
        decision = decide_column(cells[index] for _line, cells in kept if index < len(cells))
        if decision["decision"]:
            decimals[str(index)] = decision
    dimensions = {
        str(index): sorted(values.values(), key=str.casefold)
        for index, values in distinct.items()
        if values and 2 <= len(values) <= MAX_DIMENSION_VALUES
    }
    return Table(
        rows=kept,
        sha256=hashlib.sha256(data).hexdigest(),
        sheets=list(sheets),
        sheet=sheet,
        decimals=decimals,
        dimensions=dimensions,
        total_rows=total,
        too_many=too_many,
    )
