"""The indicator figures shared by all networks: indicators, their values and the imports."""

from .cijfers import Indicator, IndicatorValue  # noqa: F401
from .imports import ImportBatch, ImportChange  # noqa: F401
