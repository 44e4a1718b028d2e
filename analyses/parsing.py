"""Reading publishers' files: CSV in the usual Belgian variants, and Excel (.xlsx).

Everything here is pure: bytes in, rows out; a cell in, a number, year or municipality out.
Problems are raised or returned as Dutch sentences for the person who uploaded the file.
"""

import csv
import hashlib
import io
import math
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 20_000
DELIMITERS = [";", "\t", ",", "|"]  # in order of preference when a file fits several

# What publishers write where a figure is missing or kept secret: not an error, just no value.
NO_VALUE = {"", "-", "–", "—", ".", "..", "x", "n.b.", "nb", "n.v.t.", "nvt", "n/a", "na"}


class FileProblem(Exception):
    """The file as a whole cannot be read; the message says why, in Dutch."""


@dataclass
class ReadFile:
    rows: list  # [[line number, [cells]]], empty lines left out
    decimal_comma: bool
    sha256: str


def read_upload(uploaded) -> ReadFile:
    data = uploaded.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise FileProblem(_("The file is larger than 5 MB. Keep only the columns and rows you need."))
    if not data.strip():
        raise FileProblem(_("The file is empty."))
    name = (getattr(uploaded, "name", "") or "").lower()
    if data[:4] == b"PK\x03\x04":
        rows, decimal_comma = read_xlsx(data), True
    elif name.endswith((".xls", ".ods")) or data[:4] == b"\xd0\xcf\x11\xe0":
        raise FileProblem(
            _("This spreadsheet format cannot be read. Save the file as .xlsx or as CSV and try again.")
        )
    else:
        rows, decimal_comma = read_csv(data)
    if not rows:
        raise FileProblem(_("The file contains no rows with data."))
    if len(rows) > MAX_ROWS:
        raise FileProblem(
            _("The file has more than %(max)s rows. Split it or keep only the rows you need.")
            % {"max": f"{MAX_ROWS:,}".replace(",", ".")}
        )
    return ReadFile(rows=rows, decimal_comma=decimal_comma, sha256=hashlib.sha256(data).hexdigest())


def read_xlsx(data: bytes) -> list:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise FileProblem(_("This file cannot be opened as an Excel file (.xlsx).")) from None
    try:
        sheet = workbook.worksheets[0]
        rows = []
        for line, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            cells = _trim([_xlsx_cell(v) for v in values])
            if cells:
                rows.append([line, cells])
            if len(rows) > MAX_ROWS:
                break
        return rows
    finally:
        workbook.close()


def _xlsx_cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return str(value).strip()


def _trim(cells: list) -> list:
    """The cells without the empty ones at the end; an empty list for an empty line."""
    while cells and cells[-1] == "":
        cells.pop()
    return cells


def decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel on Windows saves CSV in cp1252 ("Sint-Niklaas;12,3" with é and ë as single bytes).
        return data.decode("cp1252", errors="replace")


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits most lines into the same number of fields."""
    lines = [line for line in text.splitlines() if line.strip()][:50]
    best, best_score = ";", -1
    for delimiter in DELIMITERS:
        counts = [len(row) - 1 for row in csv.reader(lines, delimiter=delimiter)]
        counts = [c for c in counts if c > 0]
        if not counts:
            continue
        modal = max(set(counts), key=counts.count)
        score = counts.count(modal)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_csv(data: bytes) -> tuple[list, bool]:
    text = decode(data)
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    try:
        for cells in reader:
            cells = _trim([c.strip() for c in cells])
            if cells:
                rows.append([reader.line_num, cells])
            if len(rows) > MAX_ROWS:
                break
    except csv.Error:
        raise FileProblem(_("This file cannot be read as CSV: check that it is a text file.")) from None
    # Where the comma separates fields, it cannot be the decimal separator too.
    return rows, delimiter != ","


_DUTCH_THOUSANDS = re.compile(r"\d{1,3}(\.\d{3})+(,\d+)?")
_ENGLISH_THOUSANDS = re.compile(r"\d{1,3}(,\d{3})+(\.\d+)?")
_DECIMAL_COMMA = re.compile(r"\d+(,\d+)?")
_DECIMAL_POINT = re.compile(r"\d+(\.\d+)?")


def parse_number(cell, *, decimal_comma: bool = True) -> Decimal | None:
    """A number from a cell; None where the cell says there is no figure; ValueError otherwise."""
    if isinstance(cell, bool):
        raise ValueError(cell)
    if isinstance(cell, (int, float)):
        return Decimal(repr(cell)) if isinstance(cell, float) else Decimal(cell)
    text = str(cell)
    for space in (" ", "\u00a0", "\u202f", "\u2009"):
        text = text.replace(space, "")
    if text.lower() in NO_VALUE:
        return None
    text = text.removeprefix("€").removesuffix("%").removesuffix("‰").replace("−", "-")
    sign = ""
    if text[:1] in "+-":
        sign, text = text[0].replace("+", ""), text[1:]
    if decimal_comma and _DUTCH_THOUSANDS.fullmatch(text):
        text = text.replace(".", "").replace(",", ".")
    elif not decimal_comma and _ENGLISH_THOUSANDS.fullmatch(text):
        text = text.replace(",", "")
    elif _DECIMAL_COMMA.fullmatch(text):
        text = text.replace(",", ".")
    elif not _DECIMAL_POINT.fullmatch(text):
        raise ValueError(cell)
    try:
        return Decimal(sign + text)
    except InvalidOperation:
        raise ValueError(cell) from None


def parse_year(cell) -> int:
    if isinstance(cell, bool):
        raise ValueError(cell)
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    if isinstance(cell, int):
        return cell
    text = str(cell).strip()
    match = re.fullmatch(r"(\d{4})(\.0+)?", text) or re.fullmatch(r"(\d{4})-\d{2}-\d{2}(T.*)?", text)
    if not match:
        raise ValueError(cell)
    return int(match.group(1))


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def normalise_name(text) -> str:
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[-‐_]", " ", text).casefold().split())


def nis_text(cell) -> str:
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    text = str(cell).strip()
    if re.fullmatch(r"\d{4}", text):
        text = text.zfill(5)
    return text
