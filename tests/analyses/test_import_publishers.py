"""The web wizard with files as the publishers ship them: the exact figures that land."""

from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from analyses.models import ImportBatch, IndicatorValue
from tests.analyses import publishers
from tests.factories import indicator


def values(ind):
    return {
        (str(v.gemeente) if v.gemeente else "Vlaanderen", v.year): v.value
        for v in IndicatorValue.objects.filter(indicator=ind).select_related("gemeente")
    }


def upload_file(client, ind, name, content):
    response = client.post(
        "/cijfers/importeren/", {"indicator": ind.pk, "file": SimpleUploadedFile(name, content)}
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    return ImportBatch.objects.latest("pk")


def mapping_of(batch, **changes):
    data = {
        "header_line": batch.header_line,
        "layout": batch.layout,
        "gemeente_column": batch.gemeente_column,
        "match_by": batch.match_by,
        "year_column": "" if batch.year_column is None else batch.year_column,
        "fixed_year": "" if batch.fixed_year is None else batch.fixed_year,
        "value_column": "" if batch.value_column is None else batch.value_column,
        "decimal": batch.decimal,
        "sheet": (batch.reading or {}).get("sheet", ""),
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


@pytest.fixture
def wizard(client_for, reviewer):
    client = client_for(reviewer)

    def run(ind, name, content, **changes):
        batch = upload_file(client, ind, name, content)
        assert batch.status == ImportBatch.Status.UPLOADED, batch.read_problem
        response = client.post(f"/cijfers/importeren/{batch.pk}/kolommen/", mapping_of(batch, **changes))
        assert response.status_code == 302, response.content.decode()[:4000]
        batch.refresh_from_db()
        return batch, client.get(f"/cijfers/importeren/{batch.pk}/")

    run.client = client
    return run


def confirm(client, batch):
    response = client.post(f"/cijfers/importeren/{batch.pk}/bevestigen/", follow=True)
    assert "Geïmporteerd:" in response.text, response.text[:3000]


def test_statbel_text_with_decimal_points(wizard, netwerk_a):
    ind = indicator("leefloon-per-1000")
    batch, preview = wizard(ind, "TF_SOC_INDICATOR_2023.txt", publishers.statbel_text())
    assert batch.match_by == "nis" and batch.year_column == 0 and batch.value_column == 4
    assert "Decimale punt in kolom E (MS_VALUE): 12.345 gelezen als 12,345." in preview.text
    assert "Een gemeente buiten Vlaanderen" in preview.text
    confirm(wizard.client, batch)
    assert values(ind) == {
        ("Sint-Niklaas", 2022): Decimal("13.18"),
        ("Sint-Niklaas", 2023): Decimal("0.194"),
        ("Temse", 2023): Decimal("1.5"),
        ("Leuven", 2023): Decimal("12.345"),
        ("Vlaanderen", 2023): Decimal("11.07"),
    }


def test_statbel_zip_with_one_text_file(wizard, netwerk_a):
    ind = indicator("leefloon-per-1000")
    batch, preview = wizard(ind, "TF_SOC_INDICATOR_2023.zip", publishers.statbel_zip())
    confirm(wizard.client, batch)
    assert values(ind)[("Sint-Niklaas", 2023)] == Decimal("0.194")
    assert len(values(ind)) == 5


def test_the_user_can_switch_the_decimal_separator(wizard, netwerk_a):
    ind = indicator("leefloon-per-1000")
    # Every figure fits 1.234: a decimal point or a thousands separator? We ask.
    content = "Gemeente;Jaar;Waarde\nSint-Niklaas;2023;1.234\nTemse;2023;2.5\n".replace("2.5", "2.500")
    batch, preview = wizard(ind, "cijfers.csv", content.encode())
    assert (
        "In kolom C (Waarde) is het decimaalteken niet uit te maken: ‘1.234’ kan 1,234 of 1234 zijn."
        in preview.text
    )
    assert "Deze cijfers importeren" not in preview.text
    response = wizard.client.post(
        f"/cijfers/importeren/{batch.pk}/kolommen/", mapping_of(batch, decimal="point")
    )
    assert response.status_code == 302
    preview = wizard.client.get(f"/cijfers/importeren/{batch.pk}/")
    assert "Decimale punt in kolom C (Waarde): 1.234 gelezen als 1,234. (zoals u koos)" in preview.text
    confirm(wizard.client, batch)
    assert values(ind) == {("Sint-Niklaas", 2023): Decimal("1.234"), ("Temse", 2023): Decimal("2.5")}


def test_stadsmonitor_workbook_with_percent_cells(wizard, netwerk_a):
    ind = indicator("buitenlandse-herkomst")  # a percentage
    batch, preview = wizard(ind, "stadsmonitor.xlsx", publishers.stadsmonitor_xlsx())
    assert batch.header_line == 4 and batch.layout == "breed"
    assert "Geen cijfer in deze rij" in preview.text  # the source note
    confirm(wizard.client, batch)
    assert values(ind) == {
        ("Sint-Niklaas", 2017): Decimal("26.1"),
        ("Sint-Niklaas", 2020): Decimal("27.4"),
        ("Sint-Niklaas", 2023): Decimal("28.8"),
        ("Temse", 2017): Decimal("23.4"),
        ("Temse", 2023): Decimal("24.9"),
        ("Aalst", 2017): Decimal("31.5"),
        ("Aalst", 2023): Decimal("30"),
        ("Vlaanderen", 2017): Decimal("25.5"),
        ("Vlaanderen", 2020): Decimal("26.2"),
        ("Vlaanderen", 2023): Decimal("27"),
    }


def test_percent_cells_stay_as_stored_for_an_indicator_that_is_no_percentage(wizard, netwerk_a):
    ind = indicator("leefloon-per-1000")
    batch, _preview = wizard(ind, "stadsmonitor.xlsx", publishers.stadsmonitor_xlsx())
    confirm(wizard.client, batch)
    assert values(ind)[("Sint-Niklaas", 2017)] == Decimal("0.261")


def test_opgroeien_csv_in_windows_1252(wizard, netwerk_a):
    ind = indicator("kansarmoede-index")
    batch, preview = wizard(ind, "kansarmoede.csv", publishers.opgroeien_csv(), value_column=3)
    assert batch.header_line == 2
    assert "Decimale komma in kolom D (Kansarmoede-index (%)): 24,5 gelezen als 24,5." in preview.text
    confirm(wizard.client, batch)
    assert values(ind) == {
        ("Sint-Niklaas", 2023): Decimal("24.5"),
        ("Temse", 2023): Decimal("11.2"),
        ("Mechelen", 2023): Decimal("19"),
        ("Vlaanderen", 2023): Decimal("17.1"),
    }


def test_a_workbook_with_several_sheets(wizard, netwerk_a):
    ind = indicator("werkzoekendengraad")
    client = wizard.client
    batch = upload_file(client, ind, "arvastat.xlsx", publishers.two_sheet_xlsx())
    # The explanation on the first sheet is passed over for the first sheet with a table.
    assert batch.reading["sheet"] == "Cijfers"
    page = client.get(f"/cijfers/importeren/{batch.pk}/kolommen/")
    assert '<option value="Vorig jaar">Vorig jaar</option>' in page.text
    response = client.post(f"/cijfers/importeren/{batch.pk}/kolommen/", mapping_of(batch, sheet="Vorig jaar"))
    assert response.status_code == 302
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.UPLOADED and batch.reading["sheet"] == "Vorig jaar"
    response = client.post(f"/cijfers/importeren/{batch.pk}/kolommen/", mapping_of(batch))
    assert response.status_code == 302
    confirm(client, batch)
    assert values(ind) == {("Sint-Niklaas", 2022): Decimal("7.9")}


def test_utf16_text_from_excel(wizard, netwerk_a):
    ind = indicator("kansarmoede-index")
    batch, _preview = wizard(ind, "cijfers.txt", publishers.utf16_text())
    confirm(wizard.client, batch)
    assert values(ind) == {("Sint-Niklaas", 2023): Decimal("18.4"), ("Temse", 2023): Decimal("12.3")}


def test_two_groups_of_year_columns_are_named_and_chosen(wizard, netwerk_a):
    ind = indicator("buitenlandse-herkomst")
    batch, preview = wizard(ind, "herkomst.xlsx", publishers.grouped_years_xlsx())
    assert batch.header_line == 3 and batch.layout == "breed"
    assert (
        "De jaren 2021, 2022, 2023 staan meer dan eens in de kolomnamen: kolommen "
        "B–D (Aantal) en E–G (Percentage)." in preview.text
    )
    assert not ImportBatch.objects.get(pk=batch.pk).n_created
    page = wizard.client.get(f"/cijfers/importeren/{batch.pk}/kolommen/")
    assert "E: 2021 (Percentage)" in page.text
    response = wizard.client.post(
        f"/cijfers/importeren/{batch.pk}/kolommen/", mapping_of(batch, chosen_columns=[4, 5, 6])
    )
    assert response.status_code == 302
    confirm(wizard.client, batch)
    assert values(ind) == {
        ("Sint-Niklaas", 2021): Decimal("26.9"),
        ("Sint-Niklaas", 2022): Decimal("27.8"),
        ("Sint-Niklaas", 2023): Decimal("28.7"),
        ("Temse", 2021): Decimal("10.1"),
        ("Temse", 2022): Decimal("10.4"),
        ("Temse", 2023): Decimal("10.8"),
    }


def test_periods_are_read_as_their_last_year_after_asking(client_for, reviewer, netwerk_a):
    ind = indicator("kansarmoede-index")
    client = client_for(reviewer)
    batch = upload_file(client, ind, "kansarmoede.csv", publishers.periods_csv())
    assert batch.layout == "breed"
    response = client.post(f"/cijfers/importeren/{batch.pk}/kolommen/", mapping_of(batch))
    assert (
        "De kolomnamen zijn periodes zoals 2019-2021, geen jaren. Vink het vakje aan om elke "
        "periode als haar laatste jaar (2021) te lezen." in response.text
    )
    response = client.post(
        f"/cijfers/importeren/{batch.pk}/kolommen/", mapping_of(batch, periods_as_last_year="on")
    )
    assert response.status_code == 302
    confirm(client, batch)
    assert values(ind) == {
        ("Sint-Niklaas", 2021): Decimal("22.1"),
        ("Sint-Niklaas", 2022): Decimal("23.4"),
        ("Sint-Niklaas", 2023): Decimal("24.5"),
        ("Temse", 2021): Decimal("10.2"),
        ("Temse", 2022): Decimal("10.9"),
        ("Temse", 2023): Decimal("11.2"),
    }


def test_a_filter_on_a_dimension_column(wizard, netwerk_a):
    ind = indicator("leefloon-per-1000")
    client = wizard.client
    batch = upload_file(client, ind, "per_geslacht.txt", publishers.statbel_by_sex())
    page = client.get(f"/cijfers/importeren/{batch.pk}/kolommen/")
    assert '<option value="3:T">D (CD_SEX) = T</option>' in page.text
    response = client.post(f"/cijfers/importeren/{batch.pk}/kolommen/", mapping_of(batch, row_filter="3:T"))
    assert response.status_code == 302
    batch.refresh_from_db()
    assert [cells[3] for _line, cells in batch.data_rows] == ["T", "T"]
    page = client.get(f"/cijfers/importeren/{batch.pk}/kolommen/")
    assert "Alleen de rijen die u koos, blijven over: 3 van de 7 regels." in page.text
    response = client.post(f"/cijfers/importeren/{batch.pk}/kolommen/", mapping_of(batch, row_filter="3:T"))
    assert response.status_code == 302
    confirm(client, batch)
    assert values(ind) == {("Sint-Niklaas", 2023): Decimal("0.195"), ("Temse", 2023): Decimal("0.11")}


def test_a_large_file_asks_for_a_filter(wizard, netwerk_a, settings, monkeypatch):
    from analyses.reading import table

    monkeypatch.setattr(table, "MAX_ROWS", 4)
    ind = indicator("leefloon-per-1000")
    client = wizard.client
    batch = upload_file(client, ind, "per_geslacht.txt", publishers.statbel_by_sex())
    assert batch.reading["too_many"]
    response = client.post(f"/cijfers/importeren/{batch.pk}/kolommen/", mapping_of(batch))
    assert "Het bestand heeft 7 rijen, meer dan er in één keer geïmporteerd kunnen worden." in response.text
    assert "Kies welke rijen u houdt, bijvoorbeeld alleen de totalen." in response.text
    response = client.post(f"/cijfers/importeren/{batch.pk}/kolommen/", mapping_of(batch, row_filter="3:T"))
    batch.refresh_from_db()
    assert not batch.reading["too_many"] and len(batch.data_rows) == 2


def test_formula_cells_without_a_result_are_reported(wizard, netwerk_a):
    ind = indicator("kansarmoede-index")
    batch, preview = wizard(ind, "berekend.xlsx", publishers.formula_xlsx())
    assert (
        '<th scope="row">3</th><td>Cel E3 bevat een formule waarvan het resultaat niet bewaard is.'
        in preview.text
    )
    assert "Deze cijfers importeren" not in preview.text


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("scan.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "Dit is een PDF-bestand."),
        ("foto.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "Dit is geen tekstbestand en geen Excelbestand"),
        ("oud.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "Dit rekenbladformaat (.xls) kan niet gelezen worden."),
    ],
)
def test_binary_files_are_refused_at_once(client_for, reviewer, name, content, message):
    ind = indicator("kansarmoede-index")
    response = client_for(reviewer).post(
        "/cijfers/importeren/", {"indicator": ind.pk, "file": SimpleUploadedFile(name, content)}
    )
    assert response.status_code == 200 and message in response.text
    assert not ImportBatch.objects.exists()


def test_a_one_column_file_is_explained(client_for, reviewer):
    ind = indicator("kansarmoede-index")
    client = client_for(reviewer)
    batch = upload_file(client, ind, "komma.csv", "Gemeente:Jaar:Waarde\nTemse:2023:12\n".encode())
    assert batch.status == ImportBatch.Status.UNREADABLE
    page = client.get(f"/cijfers/importeren/{batch.pk}/kolommen/")
    assert "Er is maar één kolom gevonden: klopt het scheidingsteken?" in page.text
    assert client.get(f"/cijfers/importeren/{batch.pk}/").status_code == 302
    assert batch.source is None


def test_the_page_waits_while_the_worker_reads(client_for, reviewer, settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    ind = indicator("kansarmoede-index")
    client = client_for(reviewer)
    batch = upload_file(client, ind, "cijfers.txt", publishers.utf16_text())
    assert batch.status == ImportBatch.Status.READING
    page = client.get(f"/cijfers/importeren/{batch.pk}/kolommen/")
    assert '<meta http-equiv="refresh" content="2">' in page.text
    assert "Het bestand wordt gelezen." in page.text
    assert client.get(f"/cijfers/importeren/{batch.pk}/").status_code == 302
