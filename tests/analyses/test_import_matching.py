"""Which rows of a publisher's file land where: mergers of 2025, rows out of scope, suggestions."""

import re
from decimal import Decimal

import pytest

from analyses.models import ImportBatch, IndicatorValue
from tests.analyses.conftest import csv_file, xlsx_file
from tests.factories import ensure_gemeenten, gemeente, indicator

MERGER_REASON = "sinds 2025 deel van Bilzen-Hoeselt (73110); herbereken uit teller en noemer"


def values(ind):
    return {
        (v.gemeente.name if v.gemeente else "Vlaanderen", v.year): v.value
        for v in IndicatorValue.objects.filter(indicator=ind).select_related("gemeente")
    }


def text_of(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.text))


def confirm(client, batch):
    return client.post(f"/cijfers/importeren/{batch.pk}/bevestigen/", follow=True)


@pytest.fixture(autouse=True)
def _gemeenten(db):
    # Transactional tests elsewhere flush the list of municipalities.
    ensure_gemeenten()


@pytest.fixture
def uitpas(db):
    return indicator("uitpas-kansentarief")  # a count; its Flemish row is a total


def statbel(rows) -> str:
    # Statbel's text files: `|`-separated UTF-8 with a BOM, REFNIS codes, aggregates included.
    return "\ufeffCD_REFNIS|TX_REFNIS_NL|CD_YEAR|MS_AANTAL\n" + "".join(f"{r}\n" for r in rows)


def test_statbel_long_format_adds_up_old_municipalities_of_a_count(upload, reviewer, uitpas, client_for):
    file = csv_file(
        statbel(
            [
                "01000|België|2024|9000",
                "02000|Vlaams Gewest|2024|6000",
                "70000|Provincie Limburg|2024|900",
                "21004|Brussel|2024|700",
                "62063|Luik|2024|650",
                "73006|Bilzen|2024|120",
                "73032|Hoeselt|2024|35",
                "73110|Bilzen-Hoeselt|2025|160",
                "46021|Sint-Niklaas|2024|410",
                "37015|Tielt|2024|50",
            ]
        ),
        name="TF_UITPAS.txt",
    )
    batch, preview = upload(reviewer, uitpas, file)
    assert batch.match_by == "nis" and batch.value_column == 3
    page = text_of(preview)
    assert "Opgeteld voor de gemeenten die in 2025 fuseerden" in page
    assert "Bilzen-Hoeselt 2024: 155 = Bilzen (rij 7) + Hoeselt (rij 8)" in page
    assert "Weggelaten: 5 rijen of cijfers" in page
    assert "Een provincie, gewest of ander totaal, geen gemeente (2)" in page
    assert "Een gemeente buiten Vlaanderen (2)" in page
    assert "Sinds 2025 deel van Tielt (37022); kan niet worden opgeteld zonder Meulebeke (1) rij 11: Tielt 2024" in page

    confirm(client_for(reviewer), batch)
    assert values(uitpas) == {
        ("Vlaanderen", 2024): Decimal("6000"),
        ("Bilzen-Hoeselt", 2024): Decimal("155"),
        ("Bilzen-Hoeselt", 2025): Decimal("160"),
        ("Sint-Niklaas", 2024): Decimal("410"),
    }


def test_a_percentage_of_old_municipalities_is_left_out_with_the_reason(
    upload, reviewer, kansarmoede, client_for
):
    file = csv_file(
        statbel(
            [
                "02000|Vlaams Gewest|2024|15.6",
                "73006|Bilzen|2024|12.4",
                "73032|Hoeselt|2024|8.25",
                "46021|Sint-Niklaas|2024|19.12",
            ]
        ),
        name="TF_KANSARMOEDE.txt",
    )
    batch, preview = upload(reviewer, kansarmoede, file, value_column=3)
    page = text_of(preview)
    assert f"{MERGER_REASON[0].upper()}{MERGER_REASON[1:]} (2)" in page
    assert "rij 3: Bilzen 2024; rij 4: Hoeselt 2024" in page
    confirm(client_for(reviewer), batch)
    assert values(kansarmoede) == {("Vlaanderen", 2024): Decimal("15.6"), ("Sint-Niklaas", 2024): Decimal("19.12")}


def test_stadsmonitor_sheet_with_groups_old_names_by_year_and_a_source_note(
    upload, reviewer, kansarmoede, client_for
):
    file = xlsx_file(
        [
            ["Kansarmoede-index (%)"],
            ["Gemeente- en Stadsmonitor"],
            [],
            ["Gebied", 2023, 2024, 2025],
            ["Vlaams Gewest", 14.8, 15.1, 15.3],
            ["13 centrumsteden", 24.1, 24.9, 25.0],
            ["Vlaamse Rand", 16.2, 16.8, 17.1],
            ["Referentieregio Waasland", 16.0, 16.1, 16.3],
            ["Arrondissement Hasselt", 13.1, 13.4, 13.2],
            ["Hasselt", 15.5, 15.9, 16.4],
            ["St.-Niklaas", 18.2, 19.1, 19.4],
            ["Bruxelles", 30.1, 30.5, 31.0],
            [],
            ["Bron: Statistiek Vlaanderen, bewerking van gegevens van Opgroeien"],
        ]
    )
    batch, preview = upload(reviewer, kansarmoede, file)
    assert batch.layout == "breed" and batch.header_line == 4
    page = text_of(preview)
    assert "Een vergelijkingsgroep, geen gemeente (2)" in page
    assert "Een gemeente buiten Vlaanderen (1)" in page
    assert "Geen cijfer in deze rij (1)" in page
    # Hasselt before 2025 is the old Hasselt: a percentage of it says nothing about the new one.
    assert "Sinds 2025 deel van Hasselt (71072); herbereken uit teller en noemer (2)" in page
    confirm(client_for(reviewer), batch)
    assert values(kansarmoede) == {
        ("Vlaanderen", 2023): Decimal("14.8"),
        ("Vlaanderen", 2024): Decimal("15.1"),
        ("Vlaanderen", 2025): Decimal("15.3"),
        ("Hasselt", 2025): Decimal("16.4"),
        ("Sint-Niklaas", 2023): Decimal("18.2"),
        ("Sint-Niklaas", 2024): Decimal("19.1"),
        ("Sint-Niklaas", 2025): Decimal("19.4"),
    }


def test_opgroeien_csv_with_old_names_in_windows_1252(upload, reviewer, uitpas, client_for):
    file = csv_file(
        "Gemeente;Jaar;Aantal\n"
        "Hasselt;2023;100\n"
        "Kortessem;2023;20\n"
        "Lokeren;2023;80\n"
        "Moerbeke;2023;9\n"
        "Lokeren;2025;95\n"
        "Sint-Niklaas;2023;400\n",
        encoding="cp1252",
    )
    batch, preview = upload(reviewer, uitpas, file)
    assert batch.value_column == 2
    page = text_of(preview)
    assert "Hasselt 2023: 120 = Hasselt (rij 2) + Kortessem (rij 3)" in page
    assert "Lokeren 2023: 89 = Moerbeke (rij 5) + Lokeren (rij 4)" in page
    confirm(client_for(reviewer), batch)
    assert values(uitpas) == {
        ("Hasselt", 2023): Decimal("120"),
        ("Lokeren", 2023): Decimal("89"),
        ("Lokeren", 2025): Decimal("95"),
        ("Sint-Niklaas", 2023): Decimal("400"),
    }


def test_an_old_name_after_the_merger_is_left_out(upload, reviewer, uitpas):
    _batch, preview = upload(reviewer, uitpas, csv_file("Gemeente;Jaar;Aantal\nKortessem;2025;20\nTemse;2025;3\n"))
    assert "Sinds 2025 deel van Hasselt (71072); gebruik de code of naam van de nieuwe gemeente (1)" in text_of(preview)
    assert "1 nieuwe waarde" in preview.text


def test_an_unknown_name_gets_a_suggestion_the_user_can_accept(upload, reviewer, kansarmoede, client_for):
    client = client_for(reviewer)
    file = csv_file("Gemeente;Jaar;Kansarmoede\nSint-Niklas;2023;18,4\nTemse;2023;12,3\nTemse;2024;12,9\n")
    batch, preview = upload(reviewer, kansarmoede, file)
    page = text_of(preview)
    assert "‘Sint-Niklas’ is geen gekende Vlaamse gemeente of district. Bedoelt u Sint-Niklaas?" in page
    assert "Er wordt niets geïmporteerd" in page

    # Only for this import, and only a municipality that exists.
    response = client.post(
        f"/cijfers/importeren/{batch.pk}/naam/", {"name": "Sint-Niklas", "nis_code": "99999"}, follow=True
    )
    assert "Die gemeente is niet gekend" in response.text
    response = client.post(
        f"/cijfers/importeren/{batch.pk}/naam/",
        {"name": "Sint-Niklas", "nis_code": gemeente("Sint-Niklaas").nis_code},
        follow=True,
    )
    assert "‘Sint-Niklas’ wordt in deze import gelezen als Sint-Niklaas." in response.text
    assert "3 nieuwe waarden" in response.text
    confirm(client, batch)
    assert values(kansarmoede) == {
        ("Sint-Niklaas", 2023): Decimal("18.4"),
        ("Temse", 2023): Decimal("12.3"),
        ("Temse", 2024): Decimal("12.9"),
    }
    response = client.post(
        f"/cijfers/importeren/{batch.pk}/naam/", {"name": "Temze", "nis_code": "46025"}, follow=True
    )
    assert "Deze import is afgesloten" in response.text


def test_a_coordinator_leaves_out_other_municipalities_and_the_flemish_row(
    upload, coordinator_a, netwerk_b, kansarmoede, client_for
):
    file = csv_file(
        "Gemeente;Jaar;Kansarmoede\nTemse;2023;12,3\nRiemst;2023;8\nLuik;2023;30\n"
        "13 centrumsteden;2023;24\nVlaams Gewest;2023;15,6\n"
    )
    batch, preview = upload(coordinator_a, kansarmoede, file)
    page = text_of(preview)
    assert "Niet in een netwerk dat u coördineert (1)" in page
    assert "Alleen medewerkers van publiq kunnen de Vlaamse referentie instellen (1)" in page
    assert "Weggelaten: 4 rijen of cijfers" in page
    confirm(client_for(coordinator_a), batch)
    assert values(kansarmoede) == {("Temse", 2023): Decimal("12.3")}


def test_values_out_of_bounds_are_problems(upload, reviewer, kansarmoede, uitpas, client_for):
    batch, preview = upload(
        reviewer, kansarmoede, csv_file("Gemeente;Jaar;Kansarmoede (%)\nTemse;2023;677\nTemse;2024;-1\n")
    )
    page = text_of(preview)
    assert "Het bestand heeft 2 problemen" in page
    assert "677,0 % kan niet voor ‘Kansarmoede-index’: een waarde ligt tussen 0,0 % en 100,0 %." in page
    assert "−1,0 %" in page or "-1,0 %" in page
    confirm(client_for(reviewer), batch)
    assert not IndicatorValue.objects.exists()

    _batch, preview = upload(reviewer, uitpas, csv_file("Gemeente;Jaar;Aantal\nTemse;2023;-4\n"))
    assert "een waarde ligt minstens op 0" in text_of(preview)


def test_the_catalogue_can_narrow_the_bounds(upload, reviewer, kansarmoede):
    kansarmoede.max_value = Decimal(60)
    kansarmoede.save()
    _batch, preview = upload(reviewer, kansarmoede, csv_file("Gemeente;Jaar;Kansarmoede\nTemse;2023;61\n"))
    assert "een waarde ligt tussen 0,0 % en 60,0 %" in text_of(preview)


def test_big_jumps_are_warnings_above_the_confirm_button(upload, reviewer, kansarmoede, client_for):
    client = client_for(reviewer)
    first, _ = upload(reviewer, kansarmoede, csv_file("Gemeente;Jaar;Kansarmoede\nTemse;2023;10\nSint-Niklaas;2023;18\n"))
    confirm(client, first)
    batch, preview = upload(
        reviewer, kansarmoede, csv_file("Gemeente;Jaar;Kansarmoede\nTemse;2024;31\nSint-Niklaas;2023;5,5\nSint-Niklaas;2024;19\n")
    )
    page = text_of(preview)
    assert "Kijk deze cijfers na: ze verschillen sterk van wat er was" in page
    assert "rij 2: Temse 2024: 31,0 % is meer dan drie keer zo groot of zo klein als 10,0 % in 2023." in page
    assert "rij 3: Sint-Niklaas 2023: 5,5 % is meer dan drie keer zo groot of zo klein als de 18,0 % die er nu staat." in page
    assert "rij 4: Sint-Niklaas 2024: 19,0 % is meer dan drie keer zo groot of zo klein als 5,5 % in 2023." in page
    assert page.index("Kijk deze cijfers na") < page.index("Deze cijfers importeren")
    confirm(client, batch)  # warnings do not block
    assert values(kansarmoede)[("Temse", 2024)] == Decimal("31")


@pytest.mark.parametrize(
    "headers, expected",
    [
        ("Gemeente;Jaar;Aantal geboorten;Kansarmoede-index (%)", 3),
        ("Gemeente;Jaar;Kansarmoede-index (%);Aantal geboorten", 2),
        ("Gemeente;Jaar;Aantal geboorten", None),
        ("Gemeente;Jaar;Waarde", 2),
    ],
)
def test_the_guessed_value_column_matches_the_indicator(headers, expected, reviewer, kansarmoede, client_for):
    width = headers.count(";") + 1
    row = ";".join(["Temse", "2023"] + ["12,5"] * (width - 2))
    client_for(reviewer).post(
        "/cijfers/importeren/", {"indicator": kansarmoede.pk, "file": csv_file(f"{headers}\n{row}\n")}
    )
    assert ImportBatch.objects.latest("pk").value_column == expected


def test_an_indicator_without_a_flemish_reference_leaves_the_flemish_row_out(
    upload, reviewer, kansarmoede, client_for
):
    kansarmoede.flemish_row = kansarmoede.FlemishRow.NONE
    kansarmoede.save()
    batch, preview = upload(reviewer, kansarmoede, csv_file("Gemeente;Jaar;Kansarmoede\nVlaams Gewest;2023;15\nTemse;2023;12\n"))
    assert "Deze indicator heeft geen Vlaamse referentie (1)" in text_of(preview)
    confirm(client_for(reviewer), batch)
    assert values(kansarmoede) == {("Temse", 2023): Decimal("12")}


def test_the_catalogue_refuses_a_highest_value_below_the_lowest(kansarmoede):
    from django.core.exceptions import ValidationError

    kansarmoede.min_value, kansarmoede.max_value = Decimal(10), Decimal(5)
    with pytest.raises(ValidationError, match="De hoogste waarde kan niet onder de laagste liggen."):
        kansarmoede.full_clean()
