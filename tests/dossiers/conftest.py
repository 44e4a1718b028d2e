"""Fixtures shared by the dossier tests."""

from decimal import Decimal

import pytest

from dossiers.models import (
    Actie,
    ActieKost,
    Begrotingsbedrag,
    Begrotingspost,
    OperationeleDoelstelling,
    StrategischeDoelstelling,
)
from tests.factories import add_samenwerking, make_ready


@pytest.fixture
def full_nota(nota_a):
    make_ready(nota_a)
    nota_a.begrotingsposten.all().delete()  # a budget of its own, below
    partner = nota_a.netwerk.partners.first()
    sd = StrategischeDoelstelling.objects.create(nota=nota_a, position=2, title="Iedereen bereikt het aanbod")
    od = OperationeleDoelstelling.objects.create(sd=sd, position=1, title="Drempels verlagen")
    for i, title in enumerate(["Vakantiekamp voor gezinnen", "UiTPAS-infomarkt"], start=1):
        actie = Actie.objects.create(od=od, position=i, title=title, years=[2027, 2028], lead_partner=partner)
        ActieKost.objects.create(actie=actie, year=2027, amount=Decimal("1250.50"))
    personeel = Begrotingspost.objects.create(nota=nota_a, kind="uitgave", category="personeel")
    subsidie = Begrotingspost.objects.create(nota=nota_a, kind="inkomst", category="vlaamse_subsidie")
    for year in nota_a.ronde.years:
        Begrotingsbedrag.objects.create(post=personeel, year=year, amount=Decimal("45000"))
        Begrotingsbedrag.objects.create(post=subsidie, year=year, amount=Decimal("40000"))
    add_samenwerking(nota_a)
    return nota_a
