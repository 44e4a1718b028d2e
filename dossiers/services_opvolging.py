"""The yearly follow-up of an approved dossier: starting a working year and reading it back.

Starting a year writes a row for every action planned that year, every indicator of those
actions and every budget line (with the plan as it stood), so the pages only fill them in.
Starting again adds what is missing (e.g. after a change to the dossier) and keeps what exists.
"""

from collections import Counter
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from netwerken.prepared import PreparedQuery

from .models import (
    Actie,
    ActieIndicator,
    ActieKost,
    ActieOpvolging,
    Afsprakennota,
    Begrotingsbedrag,
    Begrotingspost,
    BegrotingRealisatie,
    Bijsturing,
    IndicatorMeting,
    Werkjaar,
)
from .states import Status


def has_follow_up(nota: Afsprakennota) -> bool:
    """Only an approved dossier is carried out and followed up."""
    return nota.status == Status.GOEDGEKEURD


def planned_in(actie: Actie, year: int) -> bool:
    """An action without working years is followed up every year."""
    return not actie.years or year in actie.years


@transaction.atomic
def werkjaar_start(*, nota: Afsprakennota, year: int, user) -> Werkjaar:
    if not has_follow_up(nota):
        raise ValidationError(_("Only an approved afsprakennota has a follow-up."))
    werkjaar = Werkjaar.objects.filter(nota=nota, year=year).first()
    if werkjaar is None:
        werkjaar = Werkjaar(nota=nota, year=year, started_by=user)
        werkjaar.full_clean()
        werkjaar.save()
    werkjaar_add_rows(werkjaar=werkjaar)
    return werkjaar


def werkjaar_add_rows(*, werkjaar: Werkjaar) -> None:
    """The rows of the year's actions, their indicators and the budget lines that are missing."""
    nota, year = werkjaar.nota, werkjaar.year
    acties = [a for a in Actie.objects.filter(nota=nota) if planned_in(a, year)]
    known = set(werkjaar.acties.values_list("actie_id", flat=True))
    ActieOpvolging.objects.bulk_create(
        [ActieOpvolging(werkjaar=werkjaar, actie=a) for a in acties if a.pk not in known]
    )
    measured = set(werkjaar.metingen.values_list("indicator_id", flat=True))
    IndicatorMeting.objects.bulk_create([
        IndicatorMeting(werkjaar=werkjaar, indicator=i)
        for i in ActieIndicator.objects.filter(actie__in=acties).exclude(pk__in=measured)
    ])
    planned = dict(
        Begrotingsbedrag.objects.filter(post__nota=nota, year=year).values_list("post_id", "amount")
    )
    realised = set(werkjaar.realisaties.values_list("post_id", flat=True))
    BegrotingRealisatie.objects.bulk_create([
        BegrotingRealisatie(werkjaar=werkjaar, post=post, planned=planned.get(post.pk, Decimal("0")))
        for post in Begrotingspost.objects.filter(nota=nota).exclude(pk__in=realised)
    ])


def werkjaren_overview(nota: Afsprakennota) -> list[dict]:
    """Every working year of the round with its follow-up (or None) and its actions by status."""
    started = {w.year: w for w in Werkjaar.objects.of(nota)}
    counts: dict[int, Counter] = {}
    rows = ActieOpvolging.objects.filter(werkjaar__nota=nota).values_list("werkjaar__year", "status")
    for year, status in rows:
        counts.setdefault(year, Counter())[status] += 1
    return [
        {
            "year": year,
            "werkjaar": started.get(year),
            "statuses": [
                (label, counts.get(year, Counter())[value])
                for value, label in ActieOpvolging.Status.choices
            ],
        }
        for year in nota.ronde.years
    ]


def actie_opvolgingen(werkjaar: Werkjaar) -> list[ActieOpvolging]:
    """The year's actions in the dossier's order, each with its estimated cost for the year."""
    rows = list(
        werkjaar.acties.select_related("actie__od__sd").prefetch_related("partners")
    )
    estimated = dict(
        ActieKost.objects.filter(actie__nota_id=werkjaar.nota_id, year=werkjaar.year)
        .values_list("actie_id", "amount")
    )
    for row in rows:
        row.estimated = estimated.get(row.actie_id)
    rows.sort(key=lambda r: (r.actie.od.sd.position, r.actie.od.position, r.actie.position, r.actie.pk))
    return rows


def realisaties(werkjaar: Werkjaar):
    return werkjaar.realisaties.select_related("post__gemeente")


def metingen(werkjaar: Werkjaar):
    return werkjaar.metingen.select_related("indicator__actie__od__sd").order_by(
        "indicator__actie__od__sd__position", "indicator__actie__od__position",
        "indicator__actie__position", "indicator__pk",
    )


def budget_totals(rows) -> dict:
    """Planned and realised per kind (expenses, income) over the year's lines."""
    totals = {}
    for row in rows:
        kind = totals.setdefault(row.post.kind, {"planned": Decimal("0"), "realised": Decimal("0")})
        kind["planned"] += row.planned
        kind["realised"] += row.amount or Decimal("0")
    return totals


def open_bijsturingen(netwerk):
    """The proposed changes of the network's approved dossiers not yet applied or rejected.

    An approved dossier is frozen, so a proposal waits until a dossier of the network is open for
    changes (e.g. the copy for the next round); its overview lists them there to apply by hand.
    """
    return (
        Bijsturing.objects.filter(
            status=Bijsturing.Status.VOORGESTELD,
            werkjaar__nota__netwerk=netwerk,
            werkjaar__nota__status=Status.GOEDGEKEURD,
        )
        .select_related("werkjaar", "actie__od__sd", "post__gemeente")
        .order_by("from_year", "pk")
    )


def any_open_bijsturingen(nota) -> bool:
    """Whether `open_bijsturingen` of the dossier's network holds any of other dossiers (every
    overview asks; the query's SQL is built once)."""
    return bool(_ANY_OPEN.rows(nota.netwerk_id, nota.pk))


def _any_open(netwerk_id, nota_id):
    rows = open_bijsturingen(netwerk_id).exclude(werkjaar__nota_id=nota_id).select_related(None)
    return rows.values_list("pk")[:1]


_ANY_OPEN = PreparedQuery(_any_open, 2)
