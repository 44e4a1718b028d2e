"""The comparison of the networks of a round: subsidy per inhabitant, actions per kansengroep,
who leads the actions, co-decision by people in poverty; the page, the exports, the queries."""

import csv
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from analyses.models import Indicator, IndicatorValue
from dossiers.comparison import round_comparison
from dossiers.models import Actie, Afsprakennota, OperationeleDoelstelling, StrategischeDoelstelling
from dossiers.services_begroting import budget_save

from ..factories import PartnerFactory, gemeente
from .test_ronde_overview import _count, many  # noqa: F401 (a fixture)


def _acties(nota, specs):
    sd = StrategischeDoelstelling.objects.create(nota=nota, title="SD")
    od = OperationeleDoelstelling.objects.create(sd=sd, title="OD")
    for i, (lead, groups, inspraak) in enumerate(specs):
        Actie.objects.create(
            od=od, title=f"Actie {i}", years=[2027], lead_partner=lead, doelgroepen=groups, inspraak=inspraak
        )


@pytest.fixture
def compared(nota_a, partner_org_a, netwerk_b, ronde):
    igs = PartnerFactory(netwerk=nota_a.netwerk, name="IGS Cultuur Waasland", kind="andere")
    _acties(nota_a, [
        (partner_org_a, ["armoede", "senioren"], "beslist"),
        (igs, ["armoede"], "geconsulteerd"),
        (None, ["jongeren"], ""),
        (partner_org_a, ["armoede"], "beslist"),
    ])
    budget_save(nota=nota_a, data={"c-vlaamse_subsidie-2027": "60000", "c-vlaamse_subsidie-2028": "60000",
                                   "c-werking-2027": "60000", "c-werking-2028": "60000"})
    nota_b = Afsprakennota.objects.create(netwerk=netwerk_b, ronde=ronde)
    lead_b = PartnerFactory(netwerk=netwerk_b, name=netwerk_b.igs_name)
    _acties(nota_b, [(lead_b, ["gezinnen"], ""), (None, [], "niet"), (lead_b, ["gezinnen"], "beslist")])
    return nota_a, nota_b


def test_the_figures_per_network(compared, ronde):
    comparison = round_comparison(ronde)
    rows = {r.netwerk.name: r for r in comparison.rows}
    a, b = rows["Netwerk Waasland"], rows["Netwerk Haspengouw"]
    groups = [value for value, _label in comparison.doelgroepen]
    assert dict(zip(groups, a.per_doelgroep))["armoede"] == 3
    assert dict(zip(groups, a.per_doelgroep))["jongeren"] == 1
    assert (a.actions, a.led_by_igs, a.co_decided) == (4, 2, 2)  # the IGS by name and no lead
    assert a.partner_led_share == 0.5 and a.co_decided_share == 0.5 and not a.lopsided
    assert (b.actions, b.led_by_igs, b.co_decided) == (3, 3, 1) and b.lopsided
    assert comparison.lopsided == [b] and comparison.lopsided_share == 0.5
    assert a.subsidy_total == Decimal("120000")
    assert a.subsidy_per_inhabitant_per_year is None  # no population loaded
    assert not comparison.has_inhabitants


def test_subsidy_per_inhabitant_when_population_is_loaded(compared, ronde):
    inwoners = Indicator.objects.create(
        code="inwoners", name="Inwoners", definition="Aantal inwoners op 1 januari.", publisher="Statbel"
    )
    for name, value in [("Temse", 30000), ("Sint-Niklaas", 70000)]:
        IndicatorValue.objects.create(indicator=inwoners, gemeente=gemeente(name), year=2025, value=value)
    comparison = round_comparison(ronde)
    a = next(r for r in comparison.rows if r.netwerk.name == "Netwerk Waasland")
    years = len(ronde.years)
    assert a.inhabitants == Decimal("100000")
    assert a.subsidy_per_inhabitant_per_year == (Decimal("120000") / years / 100000).quantize(Decimal("0.01"))
    assert comparison.has_inhabitants


def test_the_page_shows_and_flags(compared, ronde, reviewer_client):
    response = reviewer_client.get(f"/beoordeling/ronde/{ronde.pk}/vergelijking/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Vergelijking van de netwerken" in html
    assert html.count("vooral de IGS") == 1  # Haspengouw
    assert "1 / 2" in html


def test_the_exports_cells(compared, ronde, reviewer_client, netwerk_b):
    netwerk_b.name = "=HYPERLINK(1)"
    netwerk_b.save()
    response = reviewer_client.get(f"/beoordeling/ronde/{ronde.pk}/export/vergelijking.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert ronde.name in values[0][0]
    header = values[3]
    rows = {r[0]: dict(zip(header, r)) for r in values[4:]}
    assert "'=HYPERLINK(1)" in rows
    waasland = rows["Netwerk Waasland"]
    assert waasland["Acties"] == 4 and waasland["Aandeel geleid door andere partners"] == 0.5
    assert rows["'=HYPERLINK(1)"]["Vooral geleid door de IGS"] is True
    text = reviewer_client.get(f"/beoordeling/ronde/{ronde.pk}/export/vergelijking.csv").content.decode()
    lines = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert any(line[:1] == ["'=HYPERLINK(1)"] and "ja" in line for line in lines)


@pytest.mark.parametrize("page", ["/beoordeling/ronde/{r}/vergelijking/", "/beoordeling/ronde/{r}/export/vergelijking.xlsx"])
def test_query_counts_do_not_grow_with_the_networks(many, ronde, reviewer_client, page):  # noqa: F811
    url = page.format(r=ronde.pk)
    many(3)
    small = _count(reviewer_client, url)
    many(30 - 3)
    large = _count(reviewer_client, url)
    assert large <= small, f"{small} queries for 3 networks, {large} for 30"
