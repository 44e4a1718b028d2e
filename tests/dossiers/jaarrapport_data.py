"""A working year whose follow-up is filled in, the starting point of the yearly report tests."""

from decimal import Decimal

from dossiers.models import Actie, ActieOpvolging, Zelfscan, ZelfscanScore
from dossiers.services_opvolging import werkjaar_start

from .opvolging_data import approve_with_plan


def started_year(nota, coordinator, partner, *, actions=1):
    """The approved dossier's 2027 follow-up, started, with `partner` leading every action."""
    approve_with_plan(nota, actions=actions)
    Actie.objects.filter(od__sd__nota=nota).update(lead_partner=partner)
    return werkjaar_start(nota=nota, year=2027, user=coordinator)


def fill_in(werkjaar):
    """Every action done, every line realised; the one deviation explained."""
    werkjaar.acties.update(
        status=ActieOpvolging.Status.AFGEROND,
        done="Twee infomarkten in de bib",
        participants=120,
        participants_kansengroepen=45,
        cost=Decimal("1400.00"),
    )
    for row in werkjaar.realisaties.select_related("post"):
        if row.post.kind == "uitgave":
            row.amount, row.explanation = Decimal("1250.00"), "Extra vervoer naar de infomarkt"
        else:
            row.amount = Decimal("1000.00")
        row.save()
    return werkjaar


def scan(netwerk, user):
    zelfscan = Zelfscan.objects.create(
        netwerk=netwerk, title="Voorjaar 2027", opened_on="2027-03-01"
    )
    for domein, score in (("context", 4), ("actoren", 2), ("middelen", 3)):
        ZelfscanScore.objects.create(scan=zelfscan, user=user, domein=domein, score=score)
    return zelfscan
