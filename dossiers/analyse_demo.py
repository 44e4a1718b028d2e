"""Demo content for the omgevingsanalyse of one dossier: invented figures (see analyses/demo.py)
for its municipalities, and answers, SWOT, thresholds, kansengroepen and hearings.
Running it again changes nothing: only what is missing is added.
"""

from django.db import transaction

from analyses.demo import LEVELS, SMALL, YEARS, seed_values
from analyses.models import Indicator

from .models import Bevraging, Drempelbeschrijving, GekozenIndicator, Kansengroep, KwalitatieveAnalyse, SwotItem
from .vocab import Doelgroep, Drempel


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
    seed_values(indicators, gemeenten, list(YEARS[size]))

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
