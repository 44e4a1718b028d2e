"""The coverage of Flanders and the exports of the round's tables."""

import csv
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from analyses.models import Indicator, IndicatorValue
from dossiers.coverage import round_coverage
from dossiers.ronde_export import cell_value, safe_text
from netwerken.demo import seed_networks
from netwerken.models import Gemeente

from ..factories import DeelnemendeGemeenteFactory, NetwerkFactory, PartnerFactory, ensure_gemeenten, gemeente


def test_the_demo_networks_cover_fifteen_municipalities(ronde):
    ensure_gemeenten()
    seed_networks()  # Waasland: 5 municipalities, Haspengouw: 4, Westhoek: 6, no overlap
    coverage = round_coverage(ronde)
    f = coverage.figures
    assert f.total == Gemeente.objects.filter(kind="gemeente").count() == 285
    assert (f.once, f.double, f.covered) == (15, 0, 15)
    assert f.none + f.partial == 285 - 15
    provinces = {str(p.label): p.figures for p in coverage.provinces}
    assert provinces["Oost-Vlaanderen"].covered == 5 and provinces["Limburg"].covered == 4
    assert provinces["West-Vlaanderen"].covered == 6
    assert provinces["Antwerpen"].covered == 0
    assert f.inhabitants_share is None  # no population figures loaded
    # Stekene has no sports service: the matrix says so.
    stekene = next(m for m in coverage.missing if m.gemeente.name == "Stekene")
    labels = [r.label for r in coverage.requirements]
    assert dict(zip(labels, stekene.present))["Sportdienst in elke deelnemende gemeente"] is False
    assert dict(zip(labels, stekene.present))["Cultuurdienst in elke deelnemende gemeente"] is True


def test_double_partial_and_inhabitants(netwerk_a, partner_org_a, netwerk_b, ronde, reviewer_client):
    third = NetwerkFactory(name="Netwerk Schelde", referentieregio="Schelde")
    DeelnemendeGemeenteFactory(netwerk=third, gemeente=gemeente("Temse"))  # Temse in two networks
    berchem = Gemeente.objects.get(kind="district", name="Berchem")
    DeelnemendeGemeenteFactory(netwerk=third, gemeente=berchem)  # one district of Antwerp
    PartnerFactory(netwerk=third, kind="vereniging_armen")
    inwoners = Indicator.objects.create(
        code="inwoners", name="Inwoners", definition="Aantal inwoners op 1 januari.", publisher="Statbel"
    )
    for name, value in [("Temse", 30000), ("Sint-Niklaas", 80000), ("Gent", 270000)]:
        IndicatorValue.objects.create(indicator=inwoners, gemeente=gemeente(name), year=2024, value=value - 1)
        IndicatorValue.objects.create(indicator=inwoners, gemeente=gemeente(name), year=2025, value=value)

    coverage = round_coverage(ronde)
    f = coverage.figures
    assert (f.once, f.double, f.partial) == (2, 1, 1)  # Sint-Niklaas, Riemst; Temse; Antwerpen
    assert f.none == 285 - 4
    assert [u.gemeente.name for u in coverage.doubles] == ["Temse"]
    antwerpen = next(u for u in coverage.gaps if u.gemeente.name == "Antwerpen")
    assert antwerpen.state == "partial"
    assert [d.gemeente.name for d in antwerpen.districts if d.state == "once"] == ["Berchem"]
    # Inhabitants: the latest year; only covered municipalities count (Temse and Sint-Niklaas).
    assert f.inhabitants_total == Decimal("380000") and f.inhabitants_covered == Decimal("110000")
    # Required partners: Temse has an OCMW through network A, nothing else locally;
    # both its networks together have an association where people in poverty speak (Schelde).
    temse = next(m for m in coverage.missing if m.gemeente.name == "Temse")
    assert temse.present == [False, False, False, True, True]
    assert [n.name for n in temse.netwerken] == ["Netwerk Schelde", "Netwerk Waasland"]

    page = reviewer_client.get(f"/beoordeling/ronde/{ronde.pk}/dekking/")
    assert page.status_code == 200
    assert "3 / 285" in page.text and "in meer dan één netwerk" in page.text
    assert "28,9" in page.text  # 110.000 of 380.000 inhabitants
    assert "deels gedekt" in page.text


def test_antwerp_as_a_whole_covers_its_districts(ronde):
    ensure_gemeenten()
    netwerk = NetwerkFactory(name="Netwerk Antwerpen")
    DeelnemendeGemeenteFactory(netwerk=netwerk, gemeente=gemeente("Antwerpen"))
    antwerpen = next(u for p in round_coverage(ronde).provinces for u in p.units if u.gemeente.name == "Antwerpen")
    assert antwerpen.state == "once" and len(antwerpen.districts) == 9
    assert all(d.state == "once" for d in antwerpen.districts)


# --- exports -------------------------------------------------------------------------------


def test_formula_safe_cells():
    assert safe_text("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")"
    for text in ["+32 3", "-1", "@SUM(A1)", "\tx"]:
        assert safe_text(text).startswith("'")
    assert safe_text("Netwerk Waasland") == "Netwerk Waasland"
    assert cell_value(-5) == -5 and cell_value(Decimal("-1.50")) == Decimal("-1.50")
    assert cell_value("-5") == "'-5"


@pytest.fixture
def evil(netwerk_a, netwerk_b, nota_a):
    netwerk_a.name = '=HYPERLINK("https://example.org/x","klik")'
    netwerk_a.save()
    return nota_a


def test_overview_xlsx(evil, ronde, reviewer_client):
    response = reviewer_client.get(f"/beoordeling/ronde/{ronde.pk}/export/overzicht.xlsx")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A1"].value == f"Overzicht van de ronde: {ronde.name}"
    assert sheet["A2"].value.startswith("Opgemaakt op ")
    assert sheet["A4"].value == "Netwerk" and sheet["D4"].value == "Gemeenten"
    rows = {row[0].value: row for row in sheet.iter_rows(min_row=5)}
    evil_row = rows['\'=HYPERLINK("https://example.org/x","klik")']
    assert evil_row[0].data_type == "s"
    assert evil_row[3].value == 2 and evil_row[3].data_type == "n"  # a number stays a number
    assert rows["Netwerk Haspengouw"][4].value == "Geen dossier"
    assert rows["Totaal: 2 netwerken"][4].value == "0 ingediend, 0 goedgekeurd"
    assert not any(c.data_type == "f" for row in sheet.iter_rows() for c in row)


def test_overview_csv_keeps_the_filter(evil, ronde, reviewer_client):
    response = reviewer_client.get(f"/beoordeling/ronde/{ronde.pk}/export/overzicht.csv?status=none")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert rows[0] == [f"Overzicht van de ronde: {ronde.name}"]
    assert [r[0] for r in rows[4:]] == ["Netwerk Haspengouw", "Totaal: 1 netwerken"]
    response = reviewer_client.get(f"/beoordeling/ronde/{ronde.pk}/export/overzicht.csv")
    assert "'=HYPERLINK(\"\"https://example.org/x\"\",\"\"klik\"\")" in response.content.decode()


def test_coverage_and_partner_exports(evil, ronde, reviewer_client):
    response = reviewer_client.get(f"/beoordeling/ronde/{ronde.pk}/export/dekking.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet["A1"].value == f"Dekking van Vlaanderen: {ronde.name}"
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=5)]
    assert len(rows) == 285 + 9  # every municipality and Antwerp's districts
    temse = next(r for r in rows if r[1] == "Temse")
    assert temse[3] == "gedekt" and temse[4].startswith("'=HYPERLINK")
    response = reviewer_client.get(f"/beoordeling/ronde/{ronde.pk}/export/partners.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode().lstrip("\ufeff")), delimiter=";"))
    assert rows[0] == [f"Ontbrekende verplichte partners: {ronde.name}"]
    assert rows[3][:2] == ["Gemeente of district", "Netwerken"]
    assert {r[0] for r in rows[4:]} == {"Riemst", "Sint-Niklaas", "Temse"}
    assert all(r[1] != "" for r in rows[4:])
