"""Reading publishers' files as they ship them: bytes in, a table of typed cells out.

`check_upload` is what a web request may do with a file: a few cheap looks (size, kind, a
workbook's declared dimensions) that refuse what can never be read. `read_table` does the real
work and runs in the background worker, within time and memory limits (`netwerken.limits`).

A cell in the table is text, an int or a float (spreadsheet numbers stay numbers), or a small
dict for what a spreadsheet knows and text does not: ``{"pct": 0.261}`` for a number shown with a
percent format, ``{"formula": "=B2/C2"}`` for a formula saved without its result.
"""

from .cells import example_reading, formula_of, percent_of, read_number, read_year
from .decimals import COMMA, POINT, decide_column
from .detect import check_upload
from .table import ReadOptions, Table, read_table

__all__ = [
    "COMMA",
    "POINT",
    "ReadOptions",
    "Table",
    "check_upload",
    "decide_column",
    "example_reading",
    "formula_of",
    "percent_of",
    "read_number",
    "read_table",
    "read_year",
]
