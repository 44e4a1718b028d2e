"""How dates and numbers are written for Flemish readers (nl-BE), read by Django through
FORMAT_MODULE_PATH; Django's own Dutch formats write months in full or abbreviate them without
a point. `N` is the abbreviated month, spelled in months.py: "1 dec. 2026", "3 mei 2027"."""

from .months import ABBREVIATED_MONTHS  # noqa: F401  (keeps the spellings in our catalogue)

DATE_FORMAT = "j N Y"
DATETIME_FORMAT = "j N Y, H:i"
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "N Y"
MONTH_DAY_FORMAT = "j N"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
FIRST_DAY_OF_WEEK = 1

DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
