"""The analysis' part of the dossier history (read by `dossiers.history`)."""

from .models import Bevraging, Drempelbeschrijving, GekozenIndicator, Kansengroep
from .models import KwalitatieveAnalyse, SwotItem


def history_sources(nota) -> list:
    return [
        (
            GekozenIndicator,
            GekozenIndicator.history.filter(nota=nota).select_related("indicator"),
            lambda r: r.indicator.name,
        ),
        (KwalitatieveAnalyse, KwalitatieveAnalyse.history.filter(nota=nota), lambda r: r.get_kind_display()),
        (SwotItem, SwotItem.history.filter(nota=nota), lambda r: f"{r.get_kind_display()}: {r.text[:60]}"),
        (Drempelbeschrijving, Drempelbeschrijving.history.filter(nota=nota), lambda r: r.get_drempel_display()),
        (Kansengroep, Kansengroep.history.filter(nota=nota), lambda r: r.get_doelgroep_display()),
        (Bevraging, Bevraging.history.filter(nota=nota), lambda r: r.get_method_display()),
    ]
