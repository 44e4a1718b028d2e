"""One cell in, a number or a year out, once the column's decimal separator is known."""

import re
from decimal import Decimal, InvalidOperation

from .decimals import COMMA, POINT, _core

# What publishers write where a figure is missing or kept secret: not an error, just no value.
NO_VALUE = {"", "-", "–", "—", ".", "..", "x", "n.b.", "nb", "n.v.t.", "nvt", "n/a", "na", "/"}

_COMMA_GROUPS = re.compile(r"[1-9]\d{0,2}(,\d{3})+(\.\d+)?")
_POINT_GROUPS = re.compile(r"[1-9]\d{0,2}(\.\d{3})+(,\d+)?")
_PLAIN_POINT = re.compile(r"\d+(\.\d+)?|\.\d+")
_PLAIN_COMMA = re.compile(r"\d+(,\d+)?|,\d+")
_PERIOD = re.compile(r"((?:19|20)\d{2})\s*[-–/]\s*((?:19|20)\d{2})")


def percent_of(cell):
    return cell.get("pct") if isinstance(cell, dict) else None


def formula_of(cell):
    return cell.get("formula") if isinstance(cell, dict) else None


def read_number(cell, *, decimal: str = COMMA, percent: bool = False) -> Decimal | None:
    """A number; None where the cell says there is no figure; ValueError otherwise.

    `percent`: the indicator is a percentage, so a spreadsheet cell with a percent format
    (stored as 0.261, shown as 26,1 %) counts as 26.1.
    """
    if isinstance(cell, dict):
        if "pct" in cell:
            number = read_number(cell["pct"])
            return number * 100 if percent and number is not None else number
        raise ValueError(cell)
    if isinstance(cell, bool):
        raise ValueError(cell)
    if isinstance(cell, int):
        return Decimal(cell)
    if isinstance(cell, float):
        return Decimal(repr(cell))
    text = _core(str(cell))
    if text.lower() in NO_VALUE:
        return None
    text = text.replace("−", "-")
    sign = ""
    if text[:1] in "+-":
        sign, text = text[0].replace("+", ""), text[1:]
    if decimal == POINT:
        if _COMMA_GROUPS.fullmatch(text):
            text = text.replace(",", "")
        elif _PLAIN_COMMA.fullmatch(text) and "," in text:
            text = text.replace(",", ".")  # 12,3: a comma that cannot group thousands
        elif not _PLAIN_POINT.fullmatch(text):
            raise ValueError(cell)
    else:
        if _POINT_GROUPS.fullmatch(text):
            text = text.replace(".", "").replace(",", ".")
        elif _PLAIN_COMMA.fullmatch(text):
            text = text.replace(",", ".")
        elif not _PLAIN_POINT.fullmatch(text):  # 15.6: a point that cannot group thousands
            raise ValueError(cell)
    try:
        return Decimal(sign + text)
    except InvalidOperation:
        raise ValueError(cell) from None


def period_of(cell) -> tuple[int, int] | None:
    """(first, last) year of a period such as "2021-2023"."""
    match = _PERIOD.fullmatch(str(cell).strip())
    if not match:
        return None
    first, last = int(match.group(1)), int(match.group(2))
    return (first, last) if first < last else None


def read_year(cell, *, periods: bool = False) -> int:
    """A year; with `periods`, a period such as "2021-2023" counts as its last year."""
    if isinstance(cell, bool) or isinstance(cell, dict):
        raise ValueError(cell)
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    if isinstance(cell, int):
        return cell
    text = str(cell).strip()
    match = re.fullmatch(r"(\d{4})(\.0+)?", text) or re.fullmatch(r"(\d{4})-\d{2}-\d{2}(T.*)?", text)
    if match:
        return int(match.group(1))
    period = period_of(text)
    if periods and period:
        return period[1]
    raise ValueError(cell)


def example_reading(example, decimal: str) -> str:
    """How the example cell is read with this separator, written the Dutch way ("0,194")."""
    try:
        number = read_number(example, decimal=decimal)
    except ValueError:
        return ""
    if number is None:
        return ""
    text = format(number, "f")
    return text.replace(".", ",")
