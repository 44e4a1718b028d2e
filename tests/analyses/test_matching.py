from analyses.matching import GemeenteMatcher, match_key
from netwerken.models import Gemeente
from netwerken.permissions import ABILITIES, ADMIN, REVIEWER, SET_FLEMISH_REFERENCE
from tests.factories import ensure_gemeenten


def matcher():
    ensure_gemeenten()
    return GemeenteMatcher(list(Gemeente.objects.all()))


def test_municipalities_by_name_code_and_the_flemish_row(db):
    m = matcher()
    assert str(m.match("SINT-NIKLAAS", "naam", 2023).gemeente) == "Sint-Niklaas"
    assert str(m.match("St.-Niklaas", "naam", 2023).gemeente) == "Sint-Niklaas"
    assert str(m.match("St Truiden", "naam", 2023).gemeente) == "Sint-Truiden"
    assert str(m.match("Stad Gent", "naam", 2023).gemeente) == "Gent"
    assert m.match("Antwerpen", "naam", 2025).gemeente.kind == "gemeente"
    assert str(m.match(46021, "nis", 2023).gemeente) == "Sint-Niklaas"
    assert m.match("Vlaams Gewest", "naam", 2023).flemish and m.match("2000", "nis", 2023).flemish
    assert m.match("Temse", "nis", 2023).unknown


def test_rows_out_of_scope_say_why(db):
    m = matcher()
    outside = "Een gemeente buiten Vlaanderen".lower()
    for name in ["Bruxelles", "Schaarbeek", "Charleroi", "Namur", "Eigenbrakel"]:
        assert m.match(name, "naam", 2023).left_out.lower() == outside, name
    for name in ["13 centrumsteden", "Centrumsteden", "Vlaamse Rand", "Kustgemeenten"]:
        assert m.match(name, "naam", 2023).left_out == "een vergelijkingsgroep, geen gemeente", name
    for name in ["Provincie Limburg", "Arrondissement Gent", "Referentieregio Waasland", "België", "Limburg"]:
        assert "totaal" in m.match(name, "naam", 2023).left_out, name
    assert "buiten Vlaanderen" in m.match("62063", "nis", 2023).left_out
    assert "totaal" in m.match("01000", "nis", 2023).left_out


def test_merged_municipalities_by_year(db):
    m = matcher()
    for name in ["Lokeren", "Hasselt", "Tielt", "Wingene", "Lochristi", "Antwerpen"]:
        before, after = m.match(name, "naam", 2024), m.match(name, "naam", 2025)
        assert before.part and before.part.name == name and before.gemeente is None, name
        assert after.gemeente and after.gemeente.nis_code == before.part.new_code, name
    # Antwerpen kept its code: before 2025 the code means the old city.
    assert m.match("11002", "nis", 2024).part.code == "11002"
    assert m.match("11002", "nis", 2025).gemeente.name == "Antwerpen"
    assert m.match("73040", "nis", 2024).part.new_name == "Hasselt"
    assert "sinds 2025 deel van Hasselt (71072)" in m.match("Kortessem", "naam", 2025).left_out
    # A series already recomputed on the new municipalities is taken as it is.
    assert m.match("Pajottegem", "naam", 2022).gemeente.nis_code == "23106"


def test_suggestions_for_unknown_names(db):
    m = matcher()
    assert str(m.match("Sint-Truidn", "naam", 2023).suggestion) == "Sint-Truiden"
    assert m.match("Atlantis", "naam", 2023).suggestion is None
    accepted = GemeenteMatcher(list(Gemeente.objects.all()), accepted={match_key("Sint-Truidn"): "71053"})
    assert str(accepted.match("SINT-TRUIDN", "naam", 2023).gemeente) == "Sint-Truiden"


def test_only_staff_hold_the_ability_to_set_the_flemish_reference():
    holders = {role for role, abilities in ABILITIES.items() if SET_FLEMISH_REFERENCE in abilities}
    assert holders == {ADMIN, REVIEWER}
