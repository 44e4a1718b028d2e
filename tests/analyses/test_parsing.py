from decimal import Decimal

import pytest

from analyses.parsing import FileProblem
from analyses.reading import read_number, read_table, read_year
from analyses.reading.cells import COMMA, POINT
from analyses.reading.text import sniff_delimiter
from tests.analyses.conftest import csv_file, xlsx_file


@pytest.mark.parametrize(
    "cell, decimal_comma, expected",
    [
        ("12,5", True, Decimal("12.5")),
        ("1.234,5", True, Decimal("1234.5")),
        ("1.234", True, Decimal("1234")),
        ("12.5", True, Decimal("12.5")),
        ("1,234.5", False, Decimal("1234.5")),
        ("1.234", False, Decimal("1.234")),
        ("12,5", False, Decimal("12.5")),
        ("€ 23.456", True, Decimal("23456")),
        ("15,3 %", True, Decimal("15.3")),
        ("−2,5", True, Decimal("-2.5")),
        ("12\u00a0345", True, Decimal("12345")),
        (12.3, True, Decimal("12.3")),
        (7, True, Decimal("7")),
        ("", True, None),
        ("-", True, None),
        ("n.b.", True, None),
        ("x", True, None),
    ],
)
def test_numbers_as_publishers_write_them(cell, decimal_comma, expected):
    assert read_number(cell, decimal=COMMA if decimal_comma else POINT) == expected


@pytest.mark.parametrize("cell", ["abc", "12,3,4", "1.2.3,4,5", "twaalf", True])
def test_what_is_not_a_number(cell):
    with pytest.raises(ValueError):
        read_number(cell)


@pytest.mark.parametrize("cell, year", [("2023", 2023), (2023, 2023), (2023.0, 2023), ("2023-01-01", 2023)])
def test_years(cell, year):
    assert read_year(cell) == year


def test_a_year_must_look_like_one():
    with pytest.raises(ValueError):
        read_year("23")


def test_semicolons_win_over_decimal_commas():
    text = "Gemeente;Jaar;Waarde\nTemse;2023;12,5\nLokeren;2023;9,1\n"
    assert sniff_delimiter(text) == ";"


def test_commas_with_quoted_decimal_commas():
    text = 'Gemeente,Jaar,Waarde\nTemse,2023,"12,5"\nLokeren,2023,"9,1"\n'
    assert sniff_delimiter(text) == ","


def read_upload(uploaded):
    return read_table(uploaded.read(), uploaded.name)


def test_csv_in_cp1252_and_with_bom_is_read(db):
    windows = read_upload(csv_file("Gemeente;Waarde\nZoersel;1,5\nHoeilaart;2\n", encoding="cp1252"))
    assert windows.rows[0] == [1, ["Gemeente", "Waarde"]]
    bom = read_upload(csv_file("\ufeffGemeente;Waarde\nTemse;1,5\n"))
    assert bom.rows[0][1][0] == "Gemeente"
    assert bom.decimals == {"1": {"decision": "comma", "example": "1,5", "ambiguous": None}}


def test_cp1252_accents_survive():
    read = read_upload(csv_file("Naam;Waarde\nCafé Ré;1\n", encoding="cp1252"))
    assert read.rows[1][1][0] == "Café Ré"


def test_empty_lines_are_left_out_but_line_numbers_kept():
    read = read_upload(csv_file("Gemeente;Waarde\n\nTemse;1\n;\nLokeren;2\n"))
    assert [line for line, _cells in read.rows] == [1, 3, 5]


def test_xlsx_keeps_numbers_as_numbers():
    read = read_upload(xlsx_file([["Kansarmoede 2023"], [], ["Gemeente", "Waarde"], ["Temse", 12.3]]))
    assert read.rows == [[1, ["Kansarmoede 2023"]], [3, ["Gemeente", "Waarde"]], [4, ["Temse", 12.3]]]


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("leeg.csv", b"   \n", "Het bestand is leeg."),
        ("oud.xls", b"\xd0\xcf\x11\xe0rest", "kan niet gelezen worden"),
        ("scan.pdf", b"%PDF-1.7 rest", "Dit is een PDF-bestand"),
        ("foto.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "geen tekstbestand"),
        ("kapot.xlsx", b"PK\x03\x04kapot", "kan niet geopend worden als Excelbestand"),
    ],
)
def test_unreadable_files_say_why(name, content, message):
    from django.core.files.uploadedfile import SimpleUploadedFile

    with pytest.raises(FileProblem, match=message):
        read_upload(SimpleUploadedFile(name, content))


def test_too_large_a_file_is_refused(settings):
    big = csv_file("a;b\n" + "Temse;1\n" * 800_000)
    with pytest.raises(FileProblem, match="groter dan 5 MB"):
        read_upload(big)
