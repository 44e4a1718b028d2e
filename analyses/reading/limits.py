"""How much of a file we are willing to read. Past these, the file is refused with a reason."""

MAX_BYTES = 5 * 1024 * 1024  # the upload itself
MAX_ROWS = 20_000  # rows kept for the import (after a filter)
MAX_READ_ROWS = 300_000  # rows looked at while filtering a large file
MAX_CELLS = 600_000  # cells a workbook sheet may declare or hold
MAX_UNPACKED = 60 * 1024 * 1024  # all members of a ZIP or workbook together, uncompressed
MAX_SHARED_STRINGS = 500_000
MAX_MEMBERS = 500
MAX_DIMENSION_VALUES = 30  # distinct values that make a column a dimension to filter on
