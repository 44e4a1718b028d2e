"""Objectives and actions for the demo and reference dossiers (invented, in plain Dutch)."""

from decimal import Decimal
from itertools import cycle

from django.db import transaction

from .models import Actie, ActieIndicator, ActieKost, OperationeleDoelstelling, StrategischeDoelstelling

# (SD title, description, [(OD title, [(action title, description, years offsets, cost, groups,
#  thresholds, lead partner name)])])
SMALL = [
    (
        "Mensen in armoede kennen het vrijetijdsaanbod en vinden er de weg naartoe",
        "Wie het aanbod niet kent, kan er niet voor kiezen. We brengen het aanbod tot bij de mensen.",
        [
            (
                "Toeleiders in de sociale diensten kennen het aanbod en de kortingen",
                [
                    ("Vorming voor maatschappelijk werkers over de UiTPAS met kansentarief",
                     "Twee keer per jaar een vorming voor de medewerkers van OCMW en CAW.",
                     [0, 1, 2], "1500", ["armoede"], ["bekend"], "OCMW Sint-Niklaas"),
                    ("Regionale vrijetijdsgids in eenvoudige taal",
                     "Een gids met het aanbod van de vijf gemeenten, met pictogrammen en foto's.",
                     [0, 2, 4], "4200", ["armoede", "migratie"], ["bekend", "begrijpbaar"], "UiTPAS Waasland"),
                ],
            ),
            (
                "Vervoer is geen drempel meer",
                [
                    ("Vrijwilligersvervoer naar activiteiten",
                     "Een pool van vrijwillige chauffeurs rijdt op vraag naar voorstellingen en clubs.",
                     [0, 1, 2, 3, 4, 5], "3000", ["senioren", "beperking"], ["bereikbaar"], "Sociaal Huis Temse"),
                ],
            ),
        ],
    ),
    (
        "Het aanbod is betaalbaar en welkom voor iedereen",
        "Prijs en sfeer bepalen of iemand terugkomt.",
        [
            (
                "Kansentarief in alle deelnemende gemeenten",
                [
                    ("UiTPAS-kansentarief invoeren in Stekene en Lokeren",
                     "De twee gemeenten die nog geen kansentarief hebben, stappen in.",
                     [0, 1], "6000", ["armoede", "gezinnen"], ["betaalbaar"], "UiTPAS Waasland"),
                    ("Gratis sportkampen voor kinderen uit kwetsbare gezinnen",
                     "Een vast aantal plaatsen per kamp, zonder dat het kind anders behandeld wordt.",
                     [0, 1, 2, 3, 4, 5], "8000", ["jongeren", "gezinnen"], ["betaalbaar", "beschikbaar"], "Sportdienst Sint-Niklaas"),
                ],
            ),
            (
                "Organisatoren onthalen mensen in armoede goed",
                [
                    ("Onthaaltraining voor vrijwilligers van jeugdbewegingen en clubs",
                     "Hoe ga je om met een ouder die het inschrijvingsgeld niet kan betalen?",
                     [1, 3], "2500", ["jongeren"], ["betrouwbaar"], "Jeugddienst Sint-Niklaas"),
                    ("Buddy's voor een eerste bezoek aan het cultuurcentrum",
                     "Een vrijwilliger gaat mee en wacht niet aan de deur.",
                     [0, 1, 2], "1800", ["armoede", "senioren"], ["betrouwbaar", "bruikbaar"], "Cultuurdienst Sint-Niklaas"),
                ],
            ),
        ],
    ),
    (
        "Mensen in armoede hebben een stem in het vrijetijdsbeleid",
        "Deelhebben: niet alleen meedoen, maar ook mee beslissen.",
        [
            (
                "Een regionale klankbordgroep van ervaringsdeskundigen",
                [
                    ("Klankbordgroep vier keer per jaar",
                     "De vereniging waar armen het woord nemen trekt de groep; deelnemers krijgen een vergoeding.",
                     [0, 1, 2, 3, 4, 5], "2400", ["armoede"], ["betrouwbaar"], "De Keeting (vereniging waar armen het woord nemen)"),
                    ("Programmaraad in het cultuurcentrum met ervaringsdeskundigen",
                     "Twee plaatsen in de programmaraad voor mensen uit de klankbordgroep.",
                     [1, 2, 3], "600", ["armoede"], ["beschikbaar"], "Cultuurdienst Temse"),
                ],
            ),
            (
                "Signalen over drempels komen bij het beleid",
                [
                    ("Jaarlijkse drempelscan met de partners",
                     "Samen met buurtwerk en CAW brengen we nieuwe drempels in kaart.",
                     [0, 1, 2, 3, 4, 5], "1000", ["armoede", "migratie"], ["bekend", "bereikbaar"], "Buurtwerk Sint-Niklaas Noord"),
                ],
            ),
        ],
    ),
]

LARGE_SD = [
    "Het aanbod is gekend",
    "Het aanbod is betaalbaar",
    "Het aanbod is bereikbaar",
    "Mensen worden welkom geheten",
    "Mensen in armoede hebben een stem",
    "Het netwerk werkt duurzaam samen",
]


@transaction.atomic
def seed_doelen(*, nota, size: str = "small", plan=None) -> int:
    """Fill the dossier's objectives and actions once; returns the number of actions made.
    `plan` has the shape of SMALL (the Waasland plan when not given)."""
    if nota.strategische_doelstellingen.exists():
        return 0
    partners = {p.name: p for p in nota.netwerk.partners.all()}
    years = nota.ronde.years
    if size == "large":
        return _large(nota, list(partners.values()), years)
    count = 0
    for s, (sd_title, sd_description, ods) in enumerate(plan or SMALL, start=1):
        sd = StrategischeDoelstelling.objects.create(nota=nota, position=s, title=sd_title, description=sd_description)
        for o, (od_title, acties) in enumerate(ods, start=1):
            od = OperationeleDoelstelling.objects.create(sd=sd, position=o, title=od_title)
            for a, (title, description, offsets, cost, groups, drempels, lead) in enumerate(acties, start=1):
                actie = Actie.objects.create(
                    od=od, position=a, title=title, description=description,
                    years=[years[i] for i in offsets if i < len(years)],
                    lead_partner=partners.get(lead), doelgroepen=groups, drempels=drempels,
                    inspraak="beslist" if "armoede" in groups else "geconsulteerd",
                )
                ActieIndicator.objects.create(actie=actie, name="Aantal deelnemers in armoede", target="30 per jaar")
                for year in actie.years[:2]:
                    ActieKost.objects.create(actie=actie, year=year, amount=Decimal(cost))
                count += 1
    return count


def _large(nota, partners, years) -> int:
    """6 SD, 24 OD and 150 actions, spread over the partners and the first working years."""
    leads, others = cycle(partners), cycle(partners[::-1])
    count = 0
    for s, sd_title in enumerate(LARGE_SD, start=1):
        sd = StrategischeDoelstelling.objects.create(nota=nota, position=s, title=sd_title)
        for o in range(1, 5):
            od = OperationeleDoelstelling.objects.create(sd=sd, position=o, title=f"Operationele doelstelling {s}.{o}")
            per_od = 7 if (s - 1) * 4 + o <= 6 else 6  # 6 ODs of 7 and 18 of 6: 150 actions
            for a in range(1, per_od + 1):
                actie = Actie.objects.create(
                    od=od, position=a, title=f"Actie {s}.{o}.{a}: {sd_title.lower()}",
                    description="Een actie van het referentiedossier, met trekker, partners en kosten.",
                    years=years[(a % 3):(a % 3) + 3] or years[:2], lead_partner=next(leads),
                    doelgroepen=["armoede"], drempels=["betaalbaar"], inspraak="geconsulteerd",
                )
                actie.partners.set({next(others), next(others)} - {actie.lead_partner})
                ActieIndicator.objects.create(actie=actie, name="Aantal deelnemers", target="25")
                for year in actie.years[:2]:
                    ActieKost.objects.create(actie=actie, year=year, amount=Decimal("750"))
                count += 1
    return count
