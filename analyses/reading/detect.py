"""What kind of file this is, and the cheap looks that refuse a file before anything is parsed.

`check_upload` runs in the web request, so it only looks at the first bytes and, for a ZIP or a
workbook, at the archive's directory and the first bytes of a few members: never more than a
few milliseconds, whatever the file declares.
"""

import io
import re
import zipfile

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from netwerken.numbers import format_count

from ..parsing import FileProblem
from .limits import MAX_BYTES, MAX_CELLS, MAX_MEMBERS, MAX_READ_ROWS, MAX_SHARED_STRINGS, MAX_UNPACKED

XLSX, TEXT, ZIPPED_TEXT = "xlsx", "text", "zipped-text"
TEXT_SUFFIXES = (".csv", ".txt", ".tsv", ".tab", ".dat")

# Start of files that are surely no table we can read (PDF, images, Office 97, ODF is a ZIP).
_BINARY_STARTS = {
    b"%PDF": gettext_lazy("This is a PDF file. Download the figures as CSV or Excel (.xlsx) instead."),
    b"\xd0\xcf\x11\xe0": gettext_lazy(
        "This spreadsheet format (.xls) cannot be read. Save the file as .xlsx or as CSV and try again."
    ),
}


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.0f}"


def check_upload(data: bytes, name: str = "") -> str:
    """The kind of file (XLSX, TEXT, ZIPPED_TEXT), or FileProblem saying why it cannot be read."""
    if len(data) > MAX_BYTES:
        raise FileProblem(_("The file is larger than 5 MB. Keep only the columns and rows you need."))
    if not data.strip():
        raise FileProblem(_("The file is empty."))
    for start, message in _BINARY_STARTS.items():
        if data.startswith(start):
            raise FileProblem(str(message))
    if data[:4] == b"PK\x03\x04":
        return _check_zip(data, name)
    if name.lower().endswith((".xls", ".ods", ".numbers")):
        raise FileProblem(
            _("This spreadsheet format cannot be read. Save the file as .xlsx or as CSV and try again.")
        )
    if looks_binary(data):
        raise FileProblem(
            _("This is not a text file nor an Excel file (.xlsx). Upload the figures as CSV or .xlsx.")
        )
    return TEXT


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 text has a NUL in every other byte
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(head) // 50


def _open_zip(data: bytes) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        raise FileProblem(_("This file cannot be opened as an Excel file (.xlsx).")) from None


def _check_zip(data: bytes, name: str) -> str:
    archive = _open_zip(data)
    members = archive.infolist()
    if len(members) > MAX_MEMBERS or sum(m.file_size for m in members) > MAX_UNPACKED:
        raise FileProblem(
            _("Unpacked, this file would be larger than %(mb)s MB. Keep only the rows and columns you need.")
            % {"mb": _mb(MAX_UNPACKED)}
        )
    names = {m.filename for m in members}
    if "xl/workbook.xml" in names or "[Content_Types].xml" in names:
        if "content.xml" in names and "xl/workbook.xml" not in names:
            raise FileProblem(
                _("This spreadsheet format cannot be read. Save the file as .xlsx or as CSV and try again.")
            )
        check_workbook(archive)
        return XLSX
    files = [m for m in members if not m.is_dir() and not m.filename.startswith(("__MACOSX/", "."))]
    if len(files) != 1 or not files[0].filename.lower().endswith(TEXT_SUFFIXES):
        raise FileProblem(
            _("This ZIP file should hold exactly one text file (.csv or .txt); it holds %(names)s.")
            % {"names": ", ".join(m.filename for m in files[:5]) or _("nothing")}
        )
    if files[0].file_size > MAX_UNPACKED:
        raise FileProblem(_("The file in the ZIP is too large to read."))
    return ZIPPED_TEXT


_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"')
_UNIQUE = re.compile(rb'uniqueCount="(\d+)"')
_COUNT = re.compile(rb'\bcount="(\d+)"')


def _column_number(letters: bytes) -> int:
    number = 0
    for char in letters:
        number = number * 26 + (char - 64)
    return number


def _head(archive: zipfile.ZipFile, member: str, size: int = 4096) -> bytes:
    with archive.open(member) as stream:
        return stream.read(size)


def check_workbook(archive: zipfile.ZipFile) -> None:
    """Refuse a workbook whose sheets or shared strings declare more than we read."""
    too_large = FileProblem(
        _(
            "This workbook declares more than %(cells)s cells or %(rows)s rows. Keep only the sheet, "
            "rows and columns you need and save it again."
        )
        % {"cells": format_count(MAX_CELLS), "rows": format_count(MAX_READ_ROWS)}
    )
    try:
        for member in archive.namelist():
            if member.startswith("xl/worksheets/") and member.endswith(".xml"):
                match = _DIMENSION.search(_head(archive, member))
                if match and match.group(3):
                    rows = int(match.group(4)) - int(match.group(2)) + 1
                    columns = _column_number(match.group(3)) - _column_number(match.group(1)) + 1
                    if rows > MAX_READ_ROWS or rows * columns > MAX_CELLS:
                        raise too_large
            elif member == "xl/sharedStrings.xml":
                head = _head(archive, member)
                counts = [int(c) for c in _UNIQUE.findall(head) + _COUNT.findall(head)[:1]]
                if any(count > MAX_SHARED_STRINGS for count in counts):
                    raise too_large
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError):
        raise FileProblem(_("This file cannot be opened as an Excel file (.xlsx).")) from None
