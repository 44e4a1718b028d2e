"""The large reference dossier's first working year, filled in (all invented): what the yearly
report's benchmark renders (bench/run.py). Every action of 2027 gets a status, a story and a
reach, every budget line a realised amount (with an explanation where it is more than 10% off),
and the year two reflection moments and two proposed changes. Running it again changes nothing.

The large dossier itself stays a draft, so that the benchmark's dossier pages keep measuring the
same thing; its working year is therefore added here directly, not through `werkjaar_start`
(which only starts the follow-up of an approved dossier)."""

from datetime import date
from decimal import Decimal

from django.db import transaction

from .models import (
    ActieKost,
    ActieOpvolging,
    BegrotingRealisatie,
    Bijsturing,
    IndicatorMeting,
    Reflectiemoment,
    Werkjaar,
)
from .services_opvolging import werkjaar_add_rows

YEAR = 2027
STATUSES = [
    ActieOpvolging.Status.AFGEROND,
    ActieOpvolging.Status.AFGEROND,
    ActieOpvolging.Status.LOPEND,
    ActieOpvolging.Status.AFGEROND,
    ActieOpvolging.Status.UITGESTELD,
]
DONE = {
    ActieOpvolging.Status.AFGEROND: "Uitgevoerd zoals gepland, met de partners en twee "
    "ervaringsdeskundigen; de deelnemers vulden een korte bevraging in.",
    ActieOpvolging.Status.LOPEND: "Gestart in het najaar; de tweede reeks loopt door in het "
    "volgende werkjaar.",
    ActieOpvolging.Status.UITGESTELD: "Uitgesteld omdat de zaal pas in het volgende werkjaar vrij "
    "is; de partners blijven betrokken.",
}
# Realised against planned, per budget line in turn: on plan, a little off, more than 10% off.
FACTORS = [Decimal("1.00"), Decimal("0.96"), Decimal("1.18"), Decimal("1.04"), Decimal("0.85")]


@transaction.atomic
def seed_opvolging(*, nota) -> Werkjaar:
    werkjaar, created = Werkjaar.objects.get_or_create(nota=nota, year=YEAR)
    if not created:
        return werkjaar
    werkjaar_add_rows(werkjaar=werkjaar)
    _acties(werkjaar)
    _metingen(werkjaar)
    _realisaties(werkjaar)
    _reflectie(werkjaar)
    return werkjaar


def _acties(werkjaar):
    estimated = dict(
        ActieKost.objects.filter(actie__nota=werkjaar.nota, year=YEAR).values_list(
            "actie_id", "amount"
        )
    )
    rows = list(werkjaar.acties.select_related("actie").order_by("actie__pk"))
    for i, row in enumerate(rows):
        row.status = STATUSES[i % len(STATUSES)]
        row.done = DONE[row.status]
        if row.status != ActieOpvolging.Status.UITGESTELD:
            row.participants = 40 + (i * 37) % 260
            row.participants_kansengroepen = row.participants * 2 // 5
            row.cost = (estimated.get(row.actie_id) or Decimal("800.00")) * FACTORS[
                i % len(FACTORS)
            ]
    ActieOpvolging.objects.bulk_update(
        rows, ["status", "done", "participants", "participants_kansengroepen", "cost"]
    )
    for row in rows:
        if row.actie.lead_partner_id and row.status != ActieOpvolging.Status.UITGESTELD:
            row.partners.add(row.actie.lead_partner_id)


def _metingen(werkjaar):
    rows = list(werkjaar.metingen.select_related("indicator"))
    for i, row in enumerate(rows):
        row.value = row.indicator.target if i % 3 else "ongeveer de helft van de streefwaarde"
        row.remark = "" if i % 3 else "De eerste editie trok minder volk dan verwacht."
    IndicatorMeting.objects.bulk_update(rows, ["value", "remark"])


def _realisaties(werkjaar):
    rows = list(werkjaar.realisaties.order_by("post__pk"))
    for i, row in enumerate(rows):
        row.amount = (row.planned * FACTORS[i % len(FACTORS)]).quantize(Decimal("0.01"))
        if row.deviates:
            row.explanation = (
                "Meer deelnemers dan verwacht, dus meer vervoer en begeleiding."
                if row.amount > row.planned
                else "Een deel van de activiteiten schoof door naar volgend jaar."
            )
    BegrotingRealisatie.objects.bulk_update(rows, ["amount", "explanation"])


def _reflectie(werkjaar):
    voorjaar = Reflectiemoment.objects.create(
        werkjaar=werkjaar,
        held_on=date(YEAR, 5, 12),
        people_in_poverty=True,
        participants="Stuurgroep, vereniging waar armen het woord nemen, drie ervaringsdeskundigen",
        lessons="Vervoer blijft de grootste drempel in de landelijke gemeenten.",
        decisions="Een busje delen met de dienst welzijn.",
    )
    Reflectiemoment.objects.create(
        werkjaar=werkjaar,
        held_on=date(YEAR, 11, 20),
        people_in_poverty=True,
        participants="Stuurgroep en alle trekkers van acties",
        lessons="Acties met een vaste begeleider bereiken meer mensen uit de kansengroepen.",
        decisions="Per actie een vaste begeleider vanaf volgend werkjaar.",
    )
    Bijsturing.objects.create(
        werkjaar=werkjaar,
        reflectiemoment=voorjaar,
        from_year=YEAR + 1,
        description="Budget voor vervoer verhogen in de landelijke gemeenten.",
        amount=Decimal("4000.00"),
    )
    Bijsturing.objects.create(
        werkjaar=werkjaar,
        from_year=YEAR + 1,
        description="Een vaste begeleider per actie inplannen.",
    )
