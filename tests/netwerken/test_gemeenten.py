from collections import Counter

import pytest
from django.core.management import call_command

from netwerken.models import Gemeente, Provincie


@pytest.fixture
def gemeenten(db):
    from tests.factories import ensure_gemeenten

    ensure_gemeenten()


def test_there_are_285_flemish_municipalities_since_2025(gemeenten):
    assert Gemeente.objects.filter(kind="gemeente").count() == 285


def test_every_province_has_its_municipalities(gemeenten):
    counts = Counter(Gemeente.objects.filter(kind="gemeente").values_list("province", flat=True))
    assert counts == {
        Provincie.ANTWERPEN: 67,
        Provincie.VLAAMS_BRABANT: 63,
        Provincie.WEST_VLAANDEREN: 62,
        Provincie.OOST_VLAANDEREN: 55,
        Provincie.LIMBURG: 38,
    }


def test_the_2025_mergers_are_in_and_the_former_municipalities_out(gemeenten):
    assert Gemeente.objects.get(name="Nazareth-De Pinte").nis_code == "44086"
    assert Gemeente.objects.get(name="Lokeren").nis_code == "46029"
    for gone in ["Nazareth", "De Pinte", "Moerbeke", "Melle", "Borgloon", "Kruibeke", "Ruiselede"]:
        assert not Gemeente.objects.filter(name=gone).exists(), gone


def test_antwerp_has_its_nine_districts(gemeenten):
    antwerpen = Gemeente.objects.get(name="Antwerpen", kind="gemeente")
    districts = antwerpen.districts.order_by("name")
    assert districts.count() == 9
    assert "Berendrecht-Zandvliet-Lillo" in {d.name for d in districts}
    assert all(d.province == Provincie.ANTWERPEN for d in districts)
    assert str(districts.get(name="Deurne")) == "Deurne (district)"


def test_loading_again_changes_nothing(gemeenten, capsys):
    call_command("load_gemeenten")
    assert "0 nieuw, 0 bijgewerkt" in capsys.readouterr().out
    assert Gemeente.objects.count() == 294
