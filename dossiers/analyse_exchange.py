"""The omgevingsanalyse in the dossier's JSON exchange format (dossiers/exchange.py).

The importer writes the validated part (dossiers/schema/analyse.py) into a new dossier.
Indicator values are shared by all networks: an import adds the values this installation lacks
and never overwrites the ones it has. The drawn charts and the ready-made tables in the document
are derived data and are ignored.
"""

from analyses.models import Indicator, IndicatorValue
from netwerken.models import Gemeente

from .models import (
    Bevraging,
    Drempelbeschrijving,
    GekozenIndicator,
    Kansengroep,
    KwalitatieveAnalyse,
    SwotItem,
)


def _indicator(ind) -> Indicator:
    indicator, _created = Indicator.objects.get_or_create(
        code=ind.code,
        defaults={
            "name": ind.name,
            "unit": ind.unit,
            "publisher": ind.publisher,
            "source_url": ind.source_url,
            "higher_is_worse": ind.higher_is_worse,
            "definition": "",
        },
    )
    return indicator


def _missing_values(indicator, ind, gemeenten):
    """The values of the document this installation does not hold yet."""
    wanted = {
        (gemeenten[nis_code].pk, int(year)): value
        for nis_code, by_year in ind.values.items()
        for year, value in by_year.items()
    }
    wanted.update({(None, int(year)): value for year, value in ind.reference.items()})
    have = set(
        IndicatorValue.objects.filter(indicator=indicator).values_list("gemeente_id", "year")
    )
    return [
        IndicatorValue(indicator=indicator, gemeente_id=gemeente_id, year=year, value=value)
        for (gemeente_id, year), value in wanted.items()
        if (gemeente_id, year) not in have
    ]


def import_analyse(nota, analyse):
    """Write a validated analysis part into the new dossier `nota` (inside its transaction)."""
    if not analyse:
        return
    codes = set()
    for item in [*analyse.drempels, *analyse.kansengroepen]:
        codes.update(item.gemeenten)
    for ind in analyse.indicators:
        codes.update(ind.values)
    gemeenten = Gemeente.objects.in_bulk(codes, field_name="nis_code")

    new_values = []
    for ind in analyse.indicators:
        indicator = _indicator(ind)
        GekozenIndicator.objects.create(nota=nota, indicator=indicator, interpretation=ind.interpretation)
        new_values += _missing_values(indicator, ind, gemeenten)
    IndicatorValue.objects.bulk_create(new_values)

    for part in analyse.kwalitatief:
        if part.answers:
            KwalitatieveAnalyse.objects.create(nota=nota, kind=part.kind, answers=part.answers)
    SwotItem.objects.bulk_create(
        SwotItem(nota=nota, kind=s.kind, text=s.text, source=s.source) for s in analyse.swot
    )
    for d in analyse.drempels:
        drempel = Drempelbeschrijving.objects.create(
            nota=nota, drempel=d.drempel, description=d.description, doelgroepen=d.doelgroepen
        )
        drempel.gemeenten.set([gemeenten[code] for code in d.gemeenten])
    for k in analyse.kansengroepen:
        groep = Kansengroep.objects.create(
            nota=nota, doelgroep=k.doelgroep, name=k.name, description=k.description
        )
        groep.gemeenten.set([gemeenten[code] for code in k.gemeenten])
    Bevraging.objects.bulk_create(
        Bevraging(
            nota=nota, method=b.method, period=b.period, participants=b.participants,
            description=b.description,
        )
        for b in analyse.bevragingen
    )
