import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest

from analyses import charts
from netwerken.numbers import format_number
from tests.factories import indicator


@pytest.mark.parametrize(
    "value, decimals, text",
    [(Decimal("1234.56"), 1, "1.234,6"), (Decimal("-0.05"), 1, "-0,1"), (26500, 0, "26.500"), (Decimal("7"), 2, "7,00")],
)
def test_numbers_are_written_the_belgian_way(value, decimals, text):
    assert format_number(value, decimals) == text


def test_indicator_formats(db):
    assert indicator("kansarmoede-index").format(Decimal("12.34")) == "12,3\u00a0%"
    assert indicator("mediaan-inkomen-aangifte").format(Decimal("26500.4")) == "€\u00a026.500"
    assert indicator("leefloon-per-1000").format(None) == "–"
    assert indicator("kansarmoede-index").format_change(Decimal("-0.25")) == "−0,3\u00a0pp"


def _bar():
    return charts.bar_chart(
        chart_id="test-staaf",
        title="Titel",
        desc="Beschrijving",
        bars=[("Temse", Decimal("12.3")), ("Lokeren", Decimal("9.5"))],
        reference=("Vlaams Gewest", Decimal("15.6")),
        fmt=lambda v: format_number(v, 1),
        decimals=1,
    )


def test_a_bar_chart_is_accessible_svg_without_styles():
    svg = _bar()
    root = ET.fromstring(svg)
    ns = "{http://www.w3.org/2000/svg}"
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "test-staaf-titel test-staaf-beschrijving"
    assert root.find(f"{ns}title").text == "Titel" and root.find(f"{ns}desc").text == "Beschrijving"
    assert all(node.get("style") is None for node in root.iter())
    assert not root.findall(f".//{ns}style") and not root.findall(f".//{ns}script")
    labels = [t.text for t in root.iter(f"{ns}text")]
    assert {"Temse", "Lokeren", "Vlaams Gewest", "12,3", "9,5", "15,6"} <= set(labels)
    # The dashed line of the Flemish value.
    assert any(line.get("stroke-dasharray") == "6 4" for line in root.iter(f"{ns}line"))


def test_the_same_data_draws_the_same_svg():
    assert _bar() == _bar()


def test_a_line_chart_draws_a_dot_on_every_value():
    svg = charts.line_chart(
        chart_id="lijn",
        title="T",
        desc="D",
        years=[2021, 2022, 2023],
        lines=[("Temse", {2021: Decimal(1), 2023: Decimal(3)})],
        reference=("Vlaams Gewest", {2021: Decimal(2), 2022: Decimal(2), 2023: Decimal(2)}),
        decimals=1,
    )
    root = ET.fromstring(svg)
    assert len(root.findall(".//{http://www.w3.org/2000/svg}circle")) == 5


SVG = "{http://www.w3.org/2000/svg}"


def test_a_long_legend_wraps_below_the_plot_within_the_width():
    names = [f"Gemeente met een lange naam {i}" for i in range(7)]
    svg = charts.line_chart(
        chart_id="lang",
        title="T",
        desc="D",
        years=[2022, 2023],
        lines=[(name, {2022: Decimal(i), 2023: Decimal(i + 1)}) for i, name in enumerate(names)],
        reference=("Vlaams Gewest", {2022: Decimal(2), 2023: Decimal(3)}),
        others=("Mediaan van de andere 19 gemeenten", {2022: Decimal(4), 2023: Decimal(4)}),
        decimals=1,
    )
    root = ET.fromstring(svg)
    legend = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "legend")
    texts = list(legend.iter(f"{SVG}text"))
    assert [t.text for t in texts] == [*names, "Mediaan van de andere 19 gemeenten", "Vlaams Gewest"]
    rows = {float(t.get("y")) for t in texts}
    assert len(rows) >= 3  # wrapped
    assert min(rows) > 270  # below the plot, not above it
    width = float(root.get("width"))
    for text in texts:
        assert float(text.get("x")) + len(text.text) * 7.8 <= width, text.text
    assert float(root.get("height")) >= max(rows) + 10
    # One sample line per name, with the dash pattern of its line.
    samples = legend.findall(f"{SVG}line")
    assert len(samples) == 9 and samples[-1].get("stroke-dasharray") == "10 5"
