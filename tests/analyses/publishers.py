"""Files in the shapes the publishers really ship, built by the tests themselves.

No file here needs editing by hand before it imports: that is the point of the tests that use
them. Rows that only the matching of municipalities handles (Brussels names, comparison groups,
merged municipalities) are left out here; `test_import_matching*` covers those.
"""

import io
import zipfile

from openpyxl import Workbook

STATBEL_HEADER = "CD_YEAR|CD_REFNIS|TX_REFNIS_NL|TX_REFNIS_FR|MS_VALUE"
# Statbel's open data: `|` between the fields, UTF-8 with a byte order mark, one row per
# municipality and year, decimal points (0.194 next to 13.18 in one column), totals and other
# regions in the same file.
STATBEL_ROWS = [
    "2022|46021|Sint-Niklaas|Saint-Nicolas|13.18",
    "2023|46021|Sint-Niklaas|Saint-Nicolas|0.194",
    "2023|46025|Temse|Tamise|1.5",
    "2023|24062|Leuven|Louvain|12.345",
    "2023|02000|Vlaams Gewest|Région flamande|11.07",
    "2023|62063|Luik|Liège|15.2",
]


def statbel_text() -> bytes:
    return ("\ufeff" + STATBEL_HEADER + "\r\n" + "\r\n".join(STATBEL_ROWS) + "\r\n").encode("utf-8")


def statbel_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("TF_SOC_INDICATOR_2023.txt", statbel_text())
    return buffer.getvalue()


def statbel_by_sex() -> bytes:
    """A multi-dimension release: every municipality and year three times, per sex."""
    lines = ["CD_YEAR|CD_REFNIS|TX_REFNIS_NL|CD_SEX|MS_VALUE"]
    for code, name, values in [
        ("46021", "Sint-Niklaas", ("0.21", "0.18", "0.195")),
        ("46025", "Temse", ("0.12", "0.1", "0.11")),
    ]:
        for sex, value in zip(("M", "F", "T"), values, strict=True):
            lines.append(f"2023|{code}|{name}|{sex}|{value}")
    return ("\ufeff" + "\n".join(lines) + "\n").encode("utf-8")


def _save(workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def stadsmonitor_xlsx() -> bytes:
    """Title rows, names, years as columns, real numbers, % cells, text with decimal commas,
    "n.b." and "-", the Flemish Region, and a source note under the table."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Stadsmonitor"
    sheet.append(["Gemeente- en Stadsmonitor"])
    sheet.append(["Aandeel inwoners dat zich thuis voelt in de buurt (%)"])
    sheet.append([])
    sheet.append(["Gemeente", 2017, 2020, 2023])
    sheet.append(["Sint-Niklaas", 0.261, 0.274, 0.288])  # percent cells: 26,1 %
    sheet.append(["Temse", "23,4", "n.b.", "24,9"])  # text with decimal commas
    sheet.append(["Aalst", 31.5, "-", 30])  # plain numbers
    sheet.append(["Vlaams Gewest", 0.255, 0.262, 0.27])
    sheet.append([])
    sheet.append(["Bron: Agentschap Binnenlands Bestuur, Gemeente- en Stadsmonitor 2023"])
    for row in (5, 8):
        for column in "BCD":
            sheet[f"{column}{row}"].number_format = "0.0%"
    return _save(workbook)


def opgroeien_csv() -> bytes:
    """`;` between the fields, Windows-1252, decimal commas, a count beside the index."""
    text = (
        "Kansarmoede-index, gemiddelde van drie geboortejaren (één cijfer per gemeente)\r\n"
        "Gemeente;Jaar;Aantal geboorten;Kansarmoede-index (%)\r\n"
        "Sint-Niklaas;2023;1.034;24,5\r\n"
        "Temse;2023;312;11,2\r\n"
        "Mechelen;2023;1.212;19\r\n"
        "Vlaams Gewest;2023;63.221;17,1\r\n"
    )
    return text.encode("cp1252")


def two_sheet_xlsx() -> bytes:
    """An explanation first, the figures on the second sheet, and a third sheet with others."""
    workbook = Workbook()
    notes = workbook.active
    notes.title = "Toelichting"
    notes.append(["Werkzoekendengraad per gemeente"])
    notes.append(["Bron: VDAB Arvastat"])
    data = workbook.create_sheet("Cijfers")
    data.append(["NIS-code", "Gemeente", "Jaar", "Werkzoekendengraad"])
    data.append(["46021", "Sint-Niklaas", 2023, 7.4])
    data.append(["46025", "Temse", 2023, 5.1])
    other = workbook.create_sheet("Vorig jaar")
    other.append(["NIS-code", "Gemeente", "Jaar", "Werkzoekendengraad"])
    other.append(["46021", "Sint-Niklaas", 2022, 7.9])
    return _save(workbook)


def grouped_years_xlsx() -> bytes:
    """Two groups of year columns under merged header cells: counts, then percentages."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Inwoners met een buitenlandse herkomst"])
    sheet.append(["", "Aantal", "", "", "Percentage", "", ""])
    sheet.append(["Gemeente", 2021, 2022, 2023, 2021, 2022, 2023])
    sheet.append(["Sint-Niklaas", 21034, 21900, 22812, 26.9, 27.8, 28.7])
    sheet.append(["Temse", 3010, 3102, 3230, 10.1, 10.4, 10.8])
    sheet.merge_cells("B2:D2")
    sheet.merge_cells("E2:G2")
    return _save(workbook)


def periods_csv() -> bytes:
    """Opgroeien's kansarmoede per period of three birth years."""
    return (
        "Gemeente;2019-2021;2020-2022;2021-2023\n"
        "Sint-Niklaas;22,1;23,4;24,5\n"
        "Temse;10,2;10,9;11,2\n"
    ).encode("utf-8")


def utf16_text() -> bytes:
    """Excel's "Unicode text": UTF-16 with a byte order mark, tabs, decimal commas (nl-BE)."""
    text = "Gemeente\tJaar\tWaarde\r\nSint-Niklaas\t2023\t18,4\r\nTemse\t2023\t12,3\r\n"
    return text.encode("utf-16")


def formula_xlsx() -> bytes:
    """A workbook written by a script: formulas whose result was never computed and saved."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Gemeente", "Jaar", "Teller", "Noemer", "Aandeel"])
    sheet.append(["Sint-Niklaas", 2023, 120, 1000, 12])
    sheet.append(["Temse", 2023, 30, 300, "=C3/D3*100"])
    return _save(workbook)
