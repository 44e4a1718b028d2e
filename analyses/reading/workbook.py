"""Excel workbooks (.xlsx), read as a stream: one row in memory at a time, within the caps.

openpyxl's read-only mode gives every cell's stored value and number format. What it cannot say
with `data_only` is that a cell holds a formula whose result was never saved (a file written by
a script rather than by Excel): such a cell reads as empty, which would silently drop a figure.
So the sheet's XML is scanned once for those cells first.
"""

import io
import math
import zipfile
from datetime import date, datetime
from decimal import Decimal
from xml.etree.ElementTree import ParseError, iterparse

from django.utils.translation import gettext as _

from netwerken.numbers import format_count

from ..parsing import FileProblem
from .limits import MAX_CELLS
from .text import trim

_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def open_workbook(data: bytes):
    from openpyxl import load_workbook

    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, ParseError):
        raise FileProblem(_("This file cannot be opened as an Excel file (.xlsx).")) from None


def sheet_names(workbook) -> list[str]:
    return [ws.title for ws in workbook.worksheets if getattr(ws, "sheet_state", "visible") == "visible"]


def pick_sheet(workbook, name: str):
    names = sheet_names(workbook) or workbook.sheetnames
    if name:
        if name not in workbook.sheetnames:
            raise FileProblem(
                _("The workbook has no sheet “%(name)s”; it has: %(names)s.")
                % {"name": name, "names": ", ".join(names)}
            )
        return workbook[name]
    return workbook[names[0]]


def _formulas_without_result(workbook, sheet) -> set[str]:
    """Coordinates ("C7") of cells with a formula but no stored result."""
    found = set()
    path = getattr(sheet, "_worksheet_path", None)
    if not path:
        return found
    try:
        with workbook._archive.open(path) as source:
            for _event, element in iterparse(source):
                if element.tag != _NS + "c":
                    continue
                formula = element.find(_NS + "f")
                if formula is not None:
                    value = element.find(_NS + "v")
                    if value is None or not (value.text or "").strip():
                        found.add(element.get("r", ""))
                element.clear()
    except ParseError:
        raise FileProblem(_("This file cannot be opened as an Excel file (.xlsx).")) from None
    return found


def _cell(cell, formulas: set[str]):
    value = cell.value
    if value is None:
        coordinate = getattr(cell, "coordinate", None)
        if formulas and coordinate in formulas:
            return {"formula": coordinate}
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float, Decimal)):
        number = float(value) if isinstance(value, Decimal) else value
        if isinstance(number, float) and not math.isfinite(number):
            return str(number)
        if "%" in (getattr(cell, "number_format", None) or ""):
            return {"pct": number}
        return number
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return str(value).strip()


def workbook_rows(data: bytes, sheet_name: str = ""):
    """(sheet names, chosen sheet, iterator of (line, cells))."""
    workbook = open_workbook(data)
    sheet = pick_sheet(workbook, sheet_name)
    # Pad nothing: a sheet that declares a huge size but holds little is read as what it holds.
    sheet.reset_dimensions()
    formulas = _formulas_without_result(workbook, sheet)

    def rows():
        cells_seen = 0
        try:
            for line, row in enumerate(sheet.iter_rows(), start=1):
                cells_seen += len(row)
                if cells_seen > MAX_CELLS:
                    raise FileProblem(
                        _("This sheet holds more than %(cells)s cells. Keep only the rows and columns you need.")
                        % {"cells": format_count(MAX_CELLS)}
                    )
                cells = trim([_cell(c, formulas) for c in row])
                if cells:
                    yield line, cells
        finally:
            workbook.close()

    return sheet_names(workbook) or workbook.sheetnames, sheet.title, rows()
