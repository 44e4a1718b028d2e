"""`manage.py import_indicators`: the same reading, checks and all-or-nothing import."""

import json
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from analyses.models import ImportBatch, IndicatorValue
from tests.analyses import publishers
from tests.factories import ensure_gemeenten, indicator


@pytest.fixture
def write(tmp_path):
    def do(name, content: bytes):
        path = tmp_path / name
        path.write_bytes(content)
        return str(path)

    return do


def run(*args):
    out, err = StringIO(), StringIO()
    code = 0
    try:
        call_command("import_indicators", *args, stdout=out, stderr=err)
    except SystemExit as exit_:
        code = exit_.code
    return code, out.getvalue(), err.getvalue()


def stored(code):
    return {
        (v.gemeente.nis_code if v.gemeente else "02000", v.year): v.value
        for v in IndicatorValue.objects.filter(indicator__code=code).select_related("gemeente")
    }


def test_statbel_release_as_json(db, write):
    ensure_gemeenten()
    indicator("leefloon-per-1000")
    path = write("TF_SOC_INDICATOR_2023.zip", publishers.statbel_zip())
    code, out, _err = run(path, "--indicator", "leefloon-per-1000", "--json")
    assert code == 0
    document = json.loads(out)
    assert document["values"] == [
        {"nis_code": "46021", "year": 2022, "value": "13.18"},
        {"nis_code": "46021", "year": 2023, "value": "0.194"},
        {"nis_code": "46025", "year": 2023, "value": "1.5"},
        {"nis_code": "24062", "year": 2023, "value": "12.345"},
        {"nis_code": "02000", "year": 2023, "value": "11.07"},
    ]
    assert document["left_out"] == [{"row": 7, "reason": "een gemeente buiten Vlaanderen"}]
    assert document["problems"] == []
    # The file's own 2022 figure for Sint-Niklaas makes its 2023 figure a jump worth a look.
    assert document["warnings"] == [
        {
            "row": 3,
            "message": "Sint-Niklaas 2023: 0,2 is meer dan drie keer zo groot of zo klein als "
            "13,2 in 2022.",
        }
    ]
    assert stored("leefloon-per-1000") == {
        ("46021", 2022): Decimal("13.18"),
        ("46021", 2023): Decimal("0.194"),
        ("46025", 2023): Decimal("1.5"),
        ("24062", 2023): Decimal("12.345"),
        ("02000", 2023): Decimal("11.07"),
    }
    batch = ImportBatch.objects.get()
    assert batch.status == ImportBatch.Status.IMPORTED and batch.source is None


def test_dry_run_imports_nothing(db, write):
    ensure_gemeenten()
    indicator("leefloon-per-1000")
    path = write("statbel.txt", publishers.statbel_text())
    code, out, _err = run(path, "--indicator", "leefloon-per-1000", "--dry-run")
    assert code == 0
    assert "Zou importeren (--dry-run): 5 nieuwe en 0 gewijzigde waarden; 0 stonden er al." in out
    assert "Decimaalteken in kolom E (MS_VALUE): 12.345 gelezen als 12,345" in out
    assert not IndicatorValue.objects.exists() and not ImportBatch.objects.exists()


def test_workbook_sheet_and_percent_cells(db, write):
    ensure_gemeenten()
    indicator("buitenlandse-herkomst")
    path = write("stadsmonitor.xlsx", publishers.stadsmonitor_xlsx())
    code, out, _err = run(path, "--indicator", "buitenlandse-herkomst", "--sheet", "Stadsmonitor", "--json")
    assert code == 0, out
    values = {(v["nis_code"], v["year"]): v["value"] for v in json.loads(out)["values"]}
    assert values[("46021", 2017)] == "26.1"
    assert values[("46025", 2017)] == "23.4"
    assert values[("41002", 2023)] == "30"
    assert values[("02000", 2023)] == "27"
    assert len(values) == 10
    assert stored("buitenlandse-herkomst")[("46021", 2020)] == Decimal("27.4")


def test_opgroeien_with_the_value_column_named(db, write):
    ensure_gemeenten()
    indicator("kansarmoede-index")
    path = write("kansarmoede.csv", publishers.opgroeien_csv())
    code, out, _err = run(
        path, "--indicator", "kansarmoede-index", "--value-column", "Kansarmoede-index (%)", "--json"
    )
    assert code == 0, out
    assert json.loads(out)["values"] == [
        {"nis_code": "46021", "year": 2023, "value": "24.5"},
        {"nis_code": "46025", "year": 2023, "value": "11.2"},
        {"nis_code": "12025", "year": 2023, "value": "19"},
        {"nis_code": "02000", "year": 2023, "value": "17.1"},
    ]


def test_a_filter_on_a_dimension(db, write):
    ensure_gemeenten()
    indicator("leefloon-per-1000")
    path = write("per_geslacht.txt", publishers.statbel_by_sex())
    code, out, _err = run(path, "--indicator", "leefloon-per-1000", "--where", "CD_SEX=T", "--json")
    assert code == 0, out
    assert stored("leefloon-per-1000") == {("46021", 2023): Decimal("0.195"), ("46025", 2023): Decimal("0.11")}


def test_problems_exit_non_zero_and_import_nothing(db, write):
    ensure_gemeenten()
    indicator("leefloon-per-1000")
    path = write("dubbel.txt", publishers.statbel_by_sex())
    code, out, _err = run(path, "--indicator", "leefloon-per-1000", "--json")
    assert code == 1
    problems = json.loads(out)["problems"]
    assert {"row": 3, "message": "Sint-Niklaas, 2023 staat al in rij 2."} in problems
    assert not IndicatorValue.objects.exists() and not ImportBatch.objects.exists()


def test_an_ambiguous_separator_is_a_problem_until_chosen(db, write):
    ensure_gemeenten()
    indicator("leefloon-per-1000")
    path = write("punt.csv", b"Gemeente;Jaar;Waarde\nSint-Niklaas;2023;1.234\nTemse;2023;2.500\n")
    code, out, _err = run(path, "--indicator", "leefloon-per-1000", "--json")
    assert code == 1
    assert "kan 1,234 of 1234 zijn" in json.loads(out)["problems"][0]["message"]
    code, out, _err = run(path, "--indicator", "leefloon-per-1000", "--decimal", "comma", "--json")
    assert code == 0
    assert stored("leefloon-per-1000") == {("46021", 2023): Decimal("1234"), ("46025", 2023): Decimal("2500")}


def test_an_unreadable_file(db, write):
    indicator("leefloon-per-1000")
    path = write("scan.pdf", b"%PDF-1.7\n")
    code, out, err = run(path, "--indicator", "leefloon-per-1000")
    assert code == 1 and "Dit is een PDF-bestand." in err
    with pytest.raises(CommandError, match="Er is geen indicator met code onbekend."):
        call_command("import_indicators", path, "--indicator", "onbekend")


def test_a_file_too_large_without_a_filter_is_a_problem(db, write, monkeypatch):
    from analyses.reading import table

    monkeypatch.setattr(table, "MAX_ROWS", 4)
    ensure_gemeenten()
    indicator("leefloon-per-1000")
    path = write("per_geslacht.txt", publishers.statbel_by_sex())
    code, out, _err = run(path, "--indicator", "leefloon-per-1000", "--json")
    assert code == 1
    assert "Kies welke rijen u houdt, bijvoorbeeld alleen de totalen." in out
    code, out, _err = run(path, "--indicator", "leefloon-per-1000", "--where", "CD_SEX=T", "--json")
    assert code == 0, out
    assert len(json.loads(out)["values"]) == 2
