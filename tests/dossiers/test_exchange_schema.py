"""The exchange format's schema (dossiers/schema/): the JSON Schema in docs/ is the one the code
makes, whole dossiers go out and come back in through it, and hostile documents get clear
problems at their places, never a crash."""

import copy
import json
import time
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from dossiers.exchange import ImportRefused, export_json, import_document
from dossiers.models import Afsprakennota
from dossiers.schema import DocumentV2, json_schema_text, validate
from netwerken import bounds
from netwerken.models import Netwerk
from tests.dossiers.test_exchange import normalised

SCHEMA_FILE = Path(settings.BASE_DIR) / "docs" / "dossier-format.schema.json"
ACTIE = "$.doelstellingen[0].ods[0].acties[0]"


def test_the_json_schema_in_docs_is_the_one_the_code_makes():
    out = StringIO()
    call_command("dossier_schema", stdout=out)
    assert out.getvalue() == json_schema_text()
    assert SCHEMA_FILE.read_text(encoding="utf-8") == json_schema_text(), (
        "docs/dossier-format.schema.json is stale: manage.py dossier_schema > docs/dossier-format.schema.json"
    )


def test_the_json_schema_holds_the_bounds_of_the_models():
    schema = json.loads(json_schema_text())
    actie = schema["$defs"]["Actie"]["properties"]
    assert actie["title"]["maxLength"] == bounds.TITLE
    assert actie["indicators"]["maxItems"] == bounds.INDICATORS_PER_ACTION
    money = actie["costs"]["patternProperties"][r"^\d{4}$"]
    assert money["type"] == "string" and money["pattern"] == bounds.MONEY_PATTERN
    assert str(bounds.MONEY_MAX) in money["description"]
    assert schema["$defs"]["Overlegorgaan"]["properties"]["per_year"]["maximum"] == bounds.MEETINGS_PER_YEAR
    assert schema["$defs"]["DocumentV1"]["properties"]["format_version"]["const"] == 1
    assert "samenwerking" not in schema["$defs"]["DocumentV1"]["properties"]
    assert "samenwerking" in schema["$defs"]["DocumentV2"]["properties"]


def test_an_exported_dossier_is_valid_and_comes_back_the_same(full_nota):
    exported = json.loads(export_json(full_nota))
    valid, problems = validate(exported, None)
    assert problems == [] and isinstance(valid, DocumentV2)
    Netwerk.objects.all().delete()
    imported = import_document(exported)
    again = json.loads(export_json(imported))
    assert normalised(again) == normalised(exported)


def version_1(document):
    """The document as format version 1 wrote it: no cooperation agreements, and none of the
    keys later versions added."""
    old = copy.deepcopy(document)
    old["format_version"] = 1
    del old["samenwerking"]
    return old


def test_a_version_1_document_imports_and_its_agreements_key_would_be_ignored(full_nota):
    document = version_1(json.loads(export_json(full_nota)))
    document["samenwerking"] = "version 1 had no such key"
    Netwerk.objects.all().delete()
    imported = import_document(document)
    assert imported.strategische_doelstellingen.count() == 2
    assert not imported.overlegorganen.exists()


def test_a_small_hand_written_version_1_document_imports(db):
    from dossiers.models import Indienronde

    Indienronde.objects.get_or_create(
        first_year=2027, last_year=2032, defaults={"name": "Ronde 2027", "deadline": "2026-10-01T12:00+02:00"}
    )
    nota = import_document({
        "format": "afsprakennota",
        "format_version": 1,
        "ronde": {"first_year": 2027, "last_year": 2032},
        "netwerk": {"name": "Klein netwerk", "igs_name": "IGS Klein", "referentieregio": "Klein"},
        "gemeenten": [{"nis_code": "46021"}],
        "partners": [{"key": "x", "name": "Bib", "kind": "bibliotheek", "level": "kernpartner"}],
        "doelstellingen": [{"title": "Samen", "ods": [{"title": "Lezen", "acties": [
            {"title": "Voorleesuur", "years": [2027], "lead_partner": "x", "costs": {"2027": "150.00"}},
        ]}]}],
    })
    actie = nota.strategische_doelstellingen.get().operationele_doelstellingen.get().acties.get()
    assert actie.lead_partner.name == "Bib" and str(actie.kosten.get().amount) == "150.00"


def refused(document) -> dict[str, str]:
    with pytest.raises(ImportRefused) as refusal:
        import_document(document)
    assert not Afsprakennota.objects.exists()
    return {p.path: p.message for p in refusal.value.problems}


@pytest.fixture
def document(full_nota):
    exported = json.loads(export_json(full_nota))
    Netwerk.objects.all().delete()
    return exported


def test_wrong_types_are_named_at_their_places(document):
    actie = document["doelstellingen"][0]["ods"][0]["acties"][0]
    actie["title"] = 12
    actie["years"] = "2027"
    actie["costs"] = ["1.00"]
    actie["partners"] = [7]
    document["partners"][0]["contact"] = "Els"
    document["omgevingsanalyse"]["indicators"][0]["higher_is_worse"] = "ja"
    document["samenwerking"]["overlegorganen"][0]["per_year"] = "4"
    del document["partners"][1]["name"]
    problems = refused(document)
    assert problems[f"{ACTIE}.title"] == "verwacht tekst"
    assert problems[f"{ACTIE}.years"] == "verwacht een lijst"
    assert problems[f"{ACTIE}.costs"] == "verwacht een object"
    assert problems[f"{ACTIE}.partners[0]"] == "verwacht tekst"
    assert problems["$.partners[0].contact"] == "verwacht een object"
    assert problems["$.partners[1].name"] == "ontbreekt"
    assert problems["$.omgevingsanalyse.indicators[0].higher_is_worse"] == "verwacht true of false"
    assert problems["$.samenwerking.overlegorganen[0].per_year"] == "verwacht een geheel getal van 1 tot 52"


def test_texts_and_lists_past_their_bounds(document):
    document["netwerk"]["name"] = "n" * (bounds.NAME + 1)
    document["partners"] = document["partners"] * (bounds.PARTNERS // len(document["partners"]) + 1)
    document["samenwerking"]["texts"]["besluitvorming"] = "<p>" + "b" * (bounds.DESCRIPTION + 1) + "</p>"
    document["omgevingsanalyse"]["swot"] = document["omgevingsanalyse"]["swot"][:1] * (bounds.ANALYSIS_ITEMS + 1)
    document["doelstellingen"][0]["title"] = "   "
    document["zelfevaluatie"] = {"text": "<p>" + "z" * (bounds.LONG_TEXT + 1) + "</p>"}
    problems = refused(document)
    assert problems["$.netwerk.name"] == "Maximaal 200 tekens (u typte 201)."
    assert problems["$.partners"].startswith("hoogstens 300 elementen (deze lijst heeft er ")
    assert problems["$.samenwerking.texts.besluitvorming"] == "Maximaal 10.000 tekens (u typte 10.001)."
    assert problems["$.omgevingsanalyse.swot"] == "hoogstens 200 elementen (deze lijst heeft er 201)"
    assert problems["$.doelstellingen[0].title"] == "mag niet leeg zijn"
    assert problems["$.zelfevaluatie.text"] == "Maximaal 20.000 tekens (u typte 20.001)."


def test_more_actions_than_a_dossier_holds(document):
    od = document["doelstellingen"][0]["ods"][0]
    actie = {**od["acties"][0], "lead_partner": None, "partners": []}
    od["acties"] = [actie] * bounds.ACTIONS_PER_OPERATIONAL
    document["doelstellingen"] = [
        {"title": f"SD{i}", "ods": [{"title": f"OD{i}", "acties": od["acties"]}]}
        for i in range(bounds.ACTIONS // bounds.ACTIONS_PER_OPERATIONAL + 1)
    ]
    document["samenwerking"]["monitoring"] = []
    problems = refused(document)
    assert problems == {"$.doelstellingen": "hoogstens 300 acties in een dossier (dit dossier heeft er 350)"}


@pytest.mark.parametrize("value", [1250.5, 1250, "1.25e3", float("nan"), float("inf"), "-1.00", "1250.505"])
def test_money_is_text_with_two_decimals_and_nothing_else(document, value):
    document["doelstellingen"][0]["ods"][0]["acties"][0]["costs"] = {"2027": value}
    problems = refused(document)
    assert list(problems) == [f"{ACTIE}.costs.2027"]
    assert "is geen bedrag: schrijf tekst met precies twee decimalen" in problems[f"{ACTIE}.costs.2027"]


def test_references_and_unknown_keys(document):
    actie = document["doelstellingen"][0]["ods"][0]["acties"][0]
    actie["doelgroepen"] = ["armoede", "iedereen"]
    actie["costs"] = {"1999": "5.00"}
    document["visie"]["questions"]["q_extra"] = "?"
    document["begroting"]["lines"].append(dict(document["begroting"]["lines"][0]))
    document["omgevingsanalyse"]["kwalitatief"][0]["answers"]["bestaat_niet"] = "?"
    problems = refused(document)
    assert problems[f"{ACTIE}.doelgroepen"] == "onbekende doelgroep “iedereen”"
    assert problems[f"{ACTIE}.costs.1999"] == "jaar buiten de subsidieperiode"
    assert problems["$.visie.questions.q_extra"] == "onbekende vraag"
    last = len(document["begroting"]["lines"]) - 1
    assert problems[f"$.begroting.lines[{last}]"] == "deze begrotingspost staat er twee keer in"
    assert problems["$.omgevingsanalyse.kwalitatief[0].answers.bestaat_niet"] == "onbekende vraag"


def nested(depth):
    value = "diep"
    for _i in range(depth):
        value = [value]
    return value


def test_deep_nesting_is_a_problem_at_its_place(document):
    document["doelstellingen"][0]["title"] = nested(5_000)
    document["partners"][0]["contact"]["name"] = {"a": nested(5_000)}
    problems = refused(document)
    assert problems["$.doelstellingen[0].title"] == "verwacht tekst"
    assert problems["$.partners[0].contact.name"] == "verwacht tekst"


def test_a_deeply_nested_file_is_refused_by_the_command(db, tmp_path):
    path = tmp_path / "diep.json"
    path.write_text('{"format": "afsprakennota", "x": ' + "[" * 100_000 + "]" * 100_000 + "}")
    with pytest.raises(CommandError, match="te diep genest"):
        call_command("import_json", str(path), stderr=StringIO())


def test_a_huge_document_is_refused_quickly_with_short_messages(document):
    document["partners"] = [document["partners"][0]] * 100_000
    document["doelstellingen"][0]["title"] = "t" * 5_000_000
    document["begroting"]["lines"][0]["amounts"]["2027"] = "9" * 1_000_000
    document["omgevingsanalyse"]["bevragingen"][0]["participants"] = 10**5000  # too long to write out
    started = time.monotonic()
    problems = refused(document)
    assert time.monotonic() - started < 10
    assert problems["$.partners"] == "hoogstens 300 elementen (deze lijst heeft er 100.000)"
    assert problems["$.doelstellingen[0].title"] == "Maximaal 300 tekens (u typte 5.000.000)."
    money = problems["$.begroting.lines[0].amounts.2027"]
    assert len(money) < 200 and "is geen bedrag" in money
    assert problems["$.omgevingsanalyse.bevragingen[0].participants"] == (
        "verwacht een geheel getal van 1 tot 1.000.000"
    )


def test_a_round_of_a_year_too_long_to_write_out(document):
    document["ronde"]["first_year"] = 10**5000
    problems = refused(document)
    assert problems["$.ronde"] == f"geen indienronde voor …-{document['ronde']['last_year']}"
    assert problems["$.ronde.first_year"] == "“…” is geen jaartal"


def test_not_an_object_at_all(db):
    for document in ([], "afsprakennota", None):
        with pytest.raises(ImportRefused) as refusal:
            import_document(document)
        assert [str(p) for p in refusal.value.problems] == ["$: verwacht een object"]
