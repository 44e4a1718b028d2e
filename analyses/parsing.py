"""Reading cells of publishers' files: a cell in, a number, year or municipality out.

Everything here is pure. Problems are raised or returned as Dutch sentences for the person who
uploaded the file. Reading whole files is in `analyses/reading/`.
"""

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

# What publishers write where a figure is missing or kept secret: not an error, just no value.
NO_VALUE = {"", "-", "–", "—", ".", "..", "x", "n.b.", "nb", "n.v.t.", "nvt", "n/a", "na"}


class FileProblem(Exception):
    """The file as a whole cannot be read; the message says why, in Dutch."""


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
