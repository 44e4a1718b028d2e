"""Which character separates the decimals, decided per column from all of its cells.

Statbel writes `0.194` and `13.18` in one column; read cell by cell with Dutch habits, the first
became 194 and the second 13,18. So a column is judged as a whole:

- a point followed by one or two, or four or more digits (or after a lone 0, or after four
  digits) can only be a decimal point;
- a comma followed by digits, or a point used more than once (`1.234.567`), means a decimal comma;
- a column whose every number fits `1.234` (one to three digits, then groups of three) could be
  either: we ask. So do we where a column holds both habits and such a number.

Cells that can be read only one way (12,3 and 15.6) are read that way whatever the column's
separator; the decision matters only for the others.
"""

import re

POINT, COMMA, AMBIGUOUS = "point", "comma", "ambiguous"

_SPACES = str.maketrans("", "", " \u00a0\u202f\u2009")
_POINT_DECIMAL = re.compile(r"[-+−]?\d*\.\d+")
_POINT_GROUPS = re.compile(r"[-+−]?[1-9]\d{0,2}(\.\d{3})+")
_COMMA_DECIMAL = re.compile(r"[-+−]?\d*,\d+")
_DUTCH = re.compile(r"[-+−]?[1-9]\d{0,2}(\.\d{3})+,\d+")
_ENGLISH = re.compile(r"[-+−]?[1-9]\d{0,2}(,\d{3})+\.\d+")


def _core(text: str) -> str:
    text = text.translate(_SPACES)
    return text.removeprefix("€").removesuffix("%").removesuffix("‰")


def evidence(cell) -> str | None:
    """What one cell says about the decimal separator: POINT, COMMA, AMBIGUOUS or nothing."""
    if not isinstance(cell, str):
        return None
    text = _core(cell)
    if _DUTCH.fullmatch(text):
        return COMMA
    if _ENGLISH.fullmatch(text):
        return POINT
    if _COMMA_DECIMAL.fullmatch(text):
        return COMMA
    if _POINT_GROUPS.fullmatch(text):
        return COMMA if text.count(".") > 1 else AMBIGUOUS
    # Any other single point (0.194, 13.18, 1234.567, 0.1234) cannot group thousands.
    if _POINT_DECIMAL.fullmatch(text):
        return POINT
    return None


def decide_column(cells) -> dict:
    """{"decision": POINT | COMMA | AMBIGUOUS | "", "example": a cell that shows it, and
    "ambiguous": a cell that the decision changes (1.234), if any}."""
    found = {POINT: [], COMMA: [], AMBIGUOUS: []}
    for cell in cells:
        kind = evidence(cell)
        if kind and len(found[kind]) < 1000:
            found[kind].append(cell)
    ambiguous = found[AMBIGUOUS][0] if found[AMBIGUOUS] else None
    if found[POINT] and found[COMMA]:
        # Two habits in one column. Cells such as 12,3 and 15.6 read the same either way; a
        # cell such as 1.234 does not, and then we ask.
        if ambiguous is not None:
            return {"decision": AMBIGUOUS, "example": ambiguous, "ambiguous": ambiguous}
        kind = POINT if len(found[POINT]) > len(found[COMMA]) else COMMA
        return {"decision": kind, "example": found[kind][0], "ambiguous": None}
    for kind in (POINT, COMMA, AMBIGUOUS):
        if found[kind]:
            return {"decision": kind, "example": found[kind][0], "ambiguous": ambiguous}
    return {"decision": "", "example": None, "ambiguous": None}
