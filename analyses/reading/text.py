"""Text files: the encoding, the separator, and the rows."""

import csv
import io

from django.utils.translation import gettext as _

from ..parsing import FileProblem

DELIMITERS = [";", "\t", "|", ","]  # in order of preference when a file fits several


def decode(data: bytes) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # Excel's "Unicode text": UTF-16 with a byte order mark, tabs between the cells.
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise FileProblem(_("This text file cannot be read: its UTF-16 encoding is damaged.")) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel on Windows saves CSV in cp1252 ("Sint-Niklaas;12,3" with é and ë as single bytes).
        return data.decode("cp1252", errors="replace")


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits most lines into the same number of fields."""
    lines = [line for line in text.splitlines() if line.strip()][:50]
    best, best_score = ";", (-1, 0)
    for delimiter in DELIMITERS:
        counts = [len(row) - 1 for row in csv.reader(lines, delimiter=delimiter)]
        counts = [c for c in counts if c > 0]
        if not counts:
            continue
        modal = max(set(counts), key=counts.count)
        score = (counts.count(modal), modal)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def text_rows(data: bytes):
    """(line number, cells) for every line of a text file; empty lines left out."""
    text = decode(data)
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        for cells in reader:
            cells = trim([c.strip() for c in cells])
            if cells:
                yield reader.line_num, cells
    except csv.Error:
        raise FileProblem(_("This file cannot be read as CSV: check that it is a text file.")) from None


def trim(cells: list) -> list:
    """The cells without the empty ones at the end; an empty list for an empty line."""
    while cells and cells[-1] == "":
        cells.pop()
    return cells
