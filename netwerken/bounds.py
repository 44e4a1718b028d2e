"""Every bound on what people can enter, in one place (docs/dossier-format.md lists them).

Model fields, forms, the budget grid, the JSON import and the admin all read these numbers, so a
value that one way in accepts is accepted by every other way in, and every page and export can
show it. The numbers are generous for an afsprakennota and small enough that one dossier cannot
make the PDF worker run for ever.
"""

from decimal import Decimal

# --- Money: euro, never negative, exactly two decimals. ---
# The columns hold 12 digits (9,999,999,999.99). The maximum stays ten times below that, so a
# total over several lines or years still fits the same number type when a database sums it.
MONEY_MAX_DIGITS = 12
MONEY_DECIMAL_PLACES = 2
MONEY_MIN = Decimal("0.00")
MONEY_MAX = Decimal("999999999.99")
# The JSON format writes money as a string with exactly two decimals ("62000.00").
MONEY_PATTERN = r"^\d+\.\d{2}$"

# --- Years: a subsidy round's years and the years of indicator figures. ---
YEAR_MIN = 1900
YEAR_MAX = 2100
ROUND_YEAR_MIN = 2020  # the first subsidy period under the decree starts in 2027
PERIOD_YEARS = 12  # a subsidy period lasts at most this many years (the grid has a column each)

# --- Figures of the omgevingsanalyse: the values' column holds 16 digits, 4 of them decimals. ---
FIGURE_MAX = Decimal("999999999999.9999")
FIGURE_DECIMALS = 4
PARTICIPANTS = 1_000_000  # people heard in one survey or conversation

# --- Free text: the most characters a field holds. ---
CODE = 60  # codes of indicators
SHORT_TEXT = 100  # a period ("spring 2025"), a unit
NAME = 200  # names of networks, partners, people, indicators' publishers; target values
TITLE = 300  # titles of objectives and actions, indicators of an action, a budget line's explanation
ADDRESS = 500  # a postal address
EMAIL = 254  # what Django's EmailField holds
TEXT = 5_000  # explanations, remarks, comments, answers to a guiding question, analysis texts
DESCRIPTION = 10_000  # the description of an objective or an action
LONG_TEXT = 20_000  # the vision (counted without its markup)
# Markup may add to a rich text's length, but not without end.
RICH_TEXT_MARKUP = 3 * LONG_TEXT

# --- Lists: the most items one dossier holds of each. ---
GEMEENTEN = 100  # participating municipalities
PARTNERS = 300
STRATEGIC_OBJECTIVES = 20
OPERATIONAL_PER_STRATEGIC = 20
ACTIONS_PER_OPERATIONAL = 50
ACTIONS = 300  # in the whole dossier
INDICATORS_PER_ACTION = 20
BUDGET_LINES = 200
ANALYSIS_INDICATORS = 100
ANALYSIS_ITEMS = 200  # SWOT items, thresholds, kansengroepen, surveys, each

# --- The cooperation agreements (samenwerkingsafspraken). ---
CONSULTATION_BODIES = 30  # overlegorganen of one network
MONITORING_ROWS = 200  # lines of the monitoring plan
REFLECTION_MOMENTS = 60  # planned reflection moments
MEETINGS_PER_YEAR = 52  # how often a consultation body meets, at most weekly
