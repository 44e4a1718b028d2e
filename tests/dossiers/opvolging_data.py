"""An approved dossier with a small plan, the starting point of the follow-up tests."""

from decimal import Decimal

from dossiers.models import (
    Actie,
    ActieIndicator,
    ActieKost,
    Begrotingsbedrag,
    Begrotingspost,
    OperationeleDoelstelling,
    StrategischeDoelstelling,
)


def approve_with_plan(nota, *, actions=1, status="goedgekeurd"):
    """Give `nota` `actions` actions (each with an indicator and a cost in 2027) and two budget
    lines, and mark it approved."""
    sd = StrategischeDoelstelling.objects.create(nota=nota, title="Iedereen kent het aanbod")
    od = OperationeleDoelstelling.objects.create(sd=sd, title="Toeleiders kennen het aanbod")
    for i in range(1, actions + 1):
        actie = Actie.objects.create(
            od=od, position=i, title=f"Infomarkt {i}", years=[2027, 2028],
            doelgroepen=["armoede", "gezinnen"],
        )
        ActieIndicator.objects.create(actie=actie, name=f"Bezoekers {i}", target="200")
        ActieKost.objects.create(actie=actie, year=2027, amount=Decimal("1500.00"))
    werking = Begrotingspost.objects.create(nota=nota, kind="uitgave", category="werking")
    inbreng = Begrotingspost.objects.create(nota=nota, kind="inkomst", category="eigen_inbreng")
    for post in (werking, inbreng):
        for year in nota.ronde.years:
            Begrotingsbedrag.objects.create(post=post, year=year, amount=Decimal("1000.00"))
    nota.status = status
    nota.save(update_fields=["status"])
    return nota
