"""Changes to a dossier's analysis that touch more than one row."""

from django.db import transaction

from .models import GekozenIndicator


@transaction.atomic
def analyse_choose_indicators(*, nota, indicators) -> tuple[list, list]:
    """Follow exactly these indicators; returns (added, removed) indicators."""
    current = {k.indicator_id: k for k in nota.gekozen_indicatoren.select_related("indicator")}
    wanted = {i.pk: i for i in indicators}
    removed = []
    for indicator_id, keuze in current.items():
        if indicator_id not in wanted:
            removed.append(keuze.indicator)
            keuze.delete()
    added = []
    for indicator_id, indicator in wanted.items():
        if indicator_id not in current:
            GekozenIndicator.objects.create(nota=nota, indicator=indicator)
            added.append(indicator)
    return added, removed
