"""The omgevingsanalyse: shared figures (indicators, values, imports) and each dossier's analysis."""

from .analyse import (  # noqa: F401
    Bevraging,
    Drempelbeschrijving,
    GekozenIndicator,
    Kansengroep,
    KwalitatieveAnalyse,
    SwotItem,
)
from .cijfers import Indicator, IndicatorValue  # noqa: F401
from .imports import ImportBatch, ImportChange  # noqa: F401
