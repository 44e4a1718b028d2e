"""Demo data for the omgevingsanalyse of one dossier.

The figures are invented (plausible in size, but not real) and say so: they come in through an
import called "fictieve democijfers", so they can be recognised and undone like any import.
Running it again changes nothing: only what is missing is added.
"""

import hashlib
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from dossiers.vocab import Doelgroep, Drempel

from .access import ImportScope
from .models import (
    Bevraging,
    Drempelbeschrijving,
    GekozenIndicator,
    ImportBatch,
    Indicator,
    IndicatorValue,
    Kansengroep,
    KwalitatieveAnalyse,
    SwotItem,
)
from .services import import_batch_confirm, import_batch_create, import_batch_map

DEMO_NOTE = "Fictieve democijfers: verzonnen voor de demo, geen echte gegevens."

# code: (Flemish level, spread between municipalities, change per year)
LEVELS = {
    "kansarmoede-index": (Decimal("15.5"), Decimal("8"), Decimal("0.3")),
    "leefloon-per-1000": (Decimal("7.5"), Decimal("6"), Decimal("0.1")),
    "werkzoekendengraad": (Decimal("6.5"), Decimal("3"), Decimal("-0.1")),
    "mediaan-inkomen-aangifte": (Decimal("26500"), Decimal("3500"), Decimal("450")),
    "verhoogde-tegemoetkoming": (Decimal("16"), Decimal("6"), Decimal("0.2")),
    "gemiddeld-inkomen-inwoner": (Decimal("21500"), Decimal("3000"), Decimal("380")),
    "buitenlandse-herkomst": (Decimal("24"), Decimal("14"), Decimal("0.6")),
    "uitpas-kansentarief": (Decimal("350"), Decimal("300"), Decimal("25")),
    "sociale-toeslag-groeipakket": (Decimal("27"), Decimal("10"), Decimal("0.2")),
    "eenoudergezinnen": (Decimal("9"), Decimal("3"), Decimal("0.05")),
}
SMALL = ["kansarmoede-index", "leefloon-per-1000", "werkzoekendengraad", "mediaan-inkomen-aangifte"]
YEARS = {"small": range(2020, 2025), "large": range(2015, 2025)}


def _wobble(*parts) -> Decimal:
    """A fixed number between -1 and 1 for these parts: the same every run."""
    digest = hashlib.sha256("|".join(map(str, parts)).encode()).digest()
    return Decimal(int.from_bytes(digest[:4], "big")) / Decimal(2**31) - 1


def _value(code, nis, year, first_year) -> Decimal:
    level, spread, step = LEVELS[code]
    offset = spread * _wobble(code, nis) if nis else Decimal(0)
    noise = spread * Decimal("0.08") * _wobble(code, nis, year)
    value = level + offset + step * (year - first_year) + noise
    return max(value, Decimal(0)).quantize(Decimal("0.1"))


def _seed_values(indicators, gemeenten, years):
    for indicator in indicators:
        existing = set(
            IndicatorValue.objects.for_gemeenten([indicator.pk], [g.pk for g in gemeenten]).values_list(
                "gemeente_id", "year"
            )
        )
        lines = []
        for gemeente in [None, *gemeenten]:
            for year in years:
                if (gemeente.pk if gemeente else None, year) in existing:
                    continue
                nis = gemeente.nis_code if gemeente else "02000"
                name = gemeente.name if gemeente else "Vlaams Gewest"
                value = _value(indicator.code, nis if gemeente else None, year, years[0])
                lines.append(f"{nis};{name};{year};{str(value).replace('.', ',')}")
        if not lines:
            continue
        content = ("NIS;Gemeente;Jaar;Waarde\n" + "\n".join(lines) + "\n").encode("utf-8")
        upload = SimpleUploadedFile("democijfers-fictief.csv", content, content_type="text/csv")
        batch = import_batch_create(indicator=indicator, uploaded=upload, user=None, background=False)
        batch.note = DEMO_NOTE
        import_batch_map(
            batch=batch,
            mapping={
                "header_line": 1,
                "layout": ImportBatch.Layout.LONG,
                "gemeente_column": 0,
                "match_by": ImportBatch.MatchBy.NIS,
                "year_column": 2,
                "fixed_year": None,
                "value_column": 3,
            },
        )
        import_batch_confirm(batch=batch, scope=ImportScope(everything=True, flemish_reference=True))


ANSWERS = {
    "intern": {
        "werking": "Demo: de vrijetijdsdiensten werken met een kansentarief, maar elke gemeente "
        "legt de voorwaarden anders. Het aanbod voor gezinnen is het sterkst in de centrumstad.",
        "taakverdeling": "Demo: het Sociaal Huis bepaalt wie recht heeft op het kansentarief; de "
        "cultuur-, jeugd- en sportdiensten zorgen voor het aanbod.",
        "signalen": "Demo: signalen komen vooral binnen via de vereniging waar armen het woord "
        "nemen; er is nog geen vaste manier om ze terug te koppelen.",
        "evaluatie": "Demo: de vrijetijdsbeurs werkte goed; de vervoerspas werd te weinig gebruikt "
        "omdat ze te weinig bekend was.",
    },
    "extern": {
        "cijfers": "Demo (fictieve cijfers): de centrumstad en twee kleinere gemeenten liggen "
        "boven het Vlaamse gemiddelde voor kansarmoede en leefloon.",
        "behoeften": "Demo: gezinnen met jonge kinderen vragen betaalbare vakantieopvang; senioren "
        "vragen aanbod dicht bij huis.",
    },
    "netwerk": {
        "spelers": "Demo: de cultuur-, jeugd- en sportdiensten, het Sociaal Huis, de vereniging "
        "waar armen het woord nemen, het buurtwerk en UiTPAS.",
        "ontbrekend": "Demo: de sportclubs en de scholen zijn nog niet betrokken.",
    },
}

SWOT = [
    (SwotItem.Kind.STRENGTH, "Demo: een vaste kern van partners die elkaar goed kent.", SwotItem.Source.PARTNERS),
    (SwotItem.Kind.STRENGTH, "Demo: UiTPAS met kansentarief in de hele regio.", SwotItem.Source.DATA),
    (SwotItem.Kind.WEAKNESS, "Demo: dezelfde organisaties dragen bijna alle acties.", SwotItem.Source.PARTNERS),
    (SwotItem.Kind.OPPORTUNITY, "Demo: de fusie van gemeenten brengt diensten samen.", ""),
    (SwotItem.Kind.THREAT, "Demo: mensen in armoede haken af door vervoerskosten.", SwotItem.Source.CONVERSATION),
]


@transaction.atomic
def seed_analyse(*, nota, size: str = "small") -> None:
    """Fill the analysis of `nota` with demo content; `size` is "small" or "large"."""
    codes = SMALL if size == "small" else list(LEVELS)
    indicators = list(Indicator.objects.filter(code__in=codes).order_by("name"))
    gemeenten = [d.gemeente for d in nota.netwerk.deelnemende_gemeenten.select_related("gemeente")]
    _seed_values(indicators, gemeenten, list(YEARS[size]))

    for indicator in indicators:
        keuze, _created = GekozenIndicator.objects.get_or_create(nota=nota, indicator=indicator)
        if not keuze.interpretation:
            keuze.interpretation = (
                "Demo (fictieve cijfers): de verschillen tussen de gemeenten zijn groot. Het "
                "netwerk kijkt eerst naar de gemeenten boven het Vlaamse gemiddelde."
            )
            keuze.save()

    for kind, answers in ANSWERS.items():
        analysis, _created = KwalitatieveAnalyse.objects.get_or_create(nota=nota, kind=kind)
        missing = {k: v for k, v in answers.items() if not analysis.answer(k)}
        if missing:
            analysis.answers = {**analysis.answers, **missing}
            analysis.save()

    if not nota.swot_items.exists():
        for kind, text, source in SWOT:
            SwotItem.objects.create(nota=nota, kind=kind, text=text, source=source)

    some = gemeenten[:2]
    for drempel, text, groups in [
        (Drempel.BETAALBAAR, "Demo: ook met kansentarief blijven materiaal en vervoer te duur.", [Doelgroep.ARMOEDE, Doelgroep.GEZINNEN]),
        (Drempel.BEREIKBAAR, "Demo: 's avonds en in het weekend rijdt er weinig openbaar vervoer.", [Doelgroep.SENIOREN]),
        (Drempel.BEKEND, "Demo: folders bereiken wie geen e-mail of sociale media gebruikt niet.", [Doelgroep.MIGRATIE]),
    ]:
        item, created = Drempelbeschrijving.objects.get_or_create(
            nota=nota, drempel=drempel, defaults={"description": text, "doelgroepen": groups}
        )
        if created:
            item.gemeenten.set(some)

    if not nota.kansengroepen.exists():
        for doelgroep, name, text in [
            (Doelgroep.ARMOEDE, "", "Demo: mensen met een leefloon of in schuldbemiddeling."),
            (Doelgroep.GEZINNEN, "eenoudergezinnen", "Demo: alleenstaande ouders hebben weinig tijd en budget."),
            (Doelgroep.MIGRATIE, "nieuwkomers", "Demo: nieuwkomers kennen het aanbod en de taal nog niet."),
        ]:
            group = Kansengroep.objects.create(nota=nota, doelgroep=doelgroep, name=name, description=text)
            group.gemeenten.set(some)

    if not nota.bevragingen.exists():
        Bevraging.objects.create(
            nota=nota, method=Bevraging.Method.GROUP, period="maart 2025", participants=14,
            description="Demo: twee gespreksavonden bij de vereniging waar armen het woord nemen.",
        )
        Bevraging.objects.create(
            nota=nota, method=Bevraging.Method.SURVEY, period="voorjaar 2025", participants=63,
            description="Demo: een korte vragenlijst via het Sociaal Huis.",
        )
