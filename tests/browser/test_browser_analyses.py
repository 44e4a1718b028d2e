import re
from decimal import Decimal

from playwright.sync_api import expect

from dossiers.models import Afsprakennota, Indienronde
from tests.browser.conftest import axe_check
from tests.factories import DeelnemendeGemeenteFactory, MembershipFactory, NetwerkFactory, UserFactory
from tests.factories import IndicatorValueFactory, ensure_indicators, ensure_rondes, gemeente, indicator

CSV = (
    "Kansarmoede-index per gemeente\n"
    "\n"
    "Gemeente;Jaar;Waarde\n"
    "SINT-NIKLAAS;2022;18,4\n"
    "Sint-Niklaas;2023;19,1\n"
    "temse;2022;11,9\n"
    "Temse;2023;12,3\n"
    "Vlaams Gewest;2022;15,2\n"
    "Vlaams Gewest;2023;15,6\n"
)


def test_coordinator_imports_figures_picks_indicators_and_sees_chart_and_table(
    page, live_server, login, tmp_path
):
    ensure_indicators()
    ensure_rondes()
    netwerk = NetwerkFactory(name="Netwerk Waasland")
    for name in ("Sint-Niklaas", "Temse"):
        DeelnemendeGemeenteFactory(netwerk=netwerk, gemeente=gemeente(name))
    MembershipFactory(user=UserFactory(email="an@example.org"), netwerk=netwerk, role="coordinator")
    nota = Afsprakennota.objects.create(netwerk=netwerk, ronde=Indienronde.objects.get(first_year=2027))
    # The Flemish reference is set by publiq staff; the coordinator's file repeats it.
    for year, value in [(2022, "15.2"), (2023, "15.6")]:
        IndicatorValueFactory(indicator=indicator("kansarmoede-index"), gemeente=None, year=year, value=Decimal(value))
    problems = []
    page.on(
        "console",
        lambda m: problems.append(m.text) if m.type == "error" or "Content Security Policy" in m.text else None,
    )

    login("an@example.org")
    page.goto(f"{live_server.url}/dossiers/{nota.pk}/omgevingsanalyse/")
    axe_check(page)
    expect(page.get_by_role("heading", name="1. Omgevingsanalyse")).to_be_visible()
    page.get_by_role("navigation", name="Delen van de omgevingsanalyse").get_by_role("link", name="Cijfers").click()
    axe_check(page)

    page.get_by_role("link", name="Cijfers importeren").click()
    axe_check(page)
    csv = tmp_path / "kansarmoede.csv"
    csv.write_text(CSV, encoding="utf-8")
    page.get_by_label("Indicator").select_option(label="Kansarmoede-index")
    page.get_by_label("Bestand").set_input_files(str(csv))
    page.get_by_role("button", name="Bestand inlezen").click()
    expect(page.get_by_role("heading", name="Welke kolom bevat wat?")).to_be_visible()
    axe_check(page)
    page.get_by_role("button", name="Cijfers nakijken").click()
    expect(page.get_by_text("4 nieuwe waarden", exact=True)).to_be_visible()
    axe_check(page)
    page.get_by_role("button", name="Deze cijfers importeren").click()
    expect(page.get_by_text("Geïmporteerd: 4 nieuwe en 0 gewijzigde waarden")).to_be_visible()
    axe_check(page)

    page.get_by_role("link", name="Indicatoren kiezen").click()
    axe_check(page)
    page.get_by_label("Kansarmoede-index").check()
    page.get_by_role("button", name="Keuze bewaren").click()
    expect(page.get_by_text("De keuze van indicatoren is bewaard: 1 toegevoegd, 0 verwijderd.")).to_be_visible()
    axe_check(page)

    expect(page.get_by_role("img", name=re.compile("Kansarmoede-index in 2023: de gemeenten"))).to_be_visible()
    expect(page.get_by_role("img", name=re.compile("Kansarmoede-index van 2022 tot 2023"))).to_be_visible()
    table = page.get_by_role("table", name=re.compile("Kansarmoede-index: alle cijfers"))
    expect(table.get_by_role("row", name=re.compile("Sint-Niklaas"))).to_contain_text("19,1")
    expect(table.get_by_role("row", name=re.compile("Vlaams Gewest"))).to_contain_text("15,6")
    # The chart is drawn, not blocked: its bars have a size on the page.
    assert page.locator("svg.chart g.series rect[fill='#1d4f7a']").first.bounding_box()["width"] > 50
    assert not problems, problems


def test_qualitative_pages_and_dashboard_are_accessible(page, live_server, login):
    ensure_rondes()
    netwerk = NetwerkFactory(name="Netwerk Waasland")
    DeelnemendeGemeenteFactory(netwerk=netwerk, gemeente=gemeente("Temse"))
    MembershipFactory(user=UserFactory(email="an@example.org"), netwerk=netwerk, role="coordinator")
    nota = Afsprakennota.objects.create(netwerk=netwerk, ronde=Indienronde.objects.get(first_year=2027))
    login("an@example.org")
    base = f"{live_server.url}/dossiers/{nota.pk}/omgevingsanalyse/"
    page.goto(base + "vragen/intern/")
    axe_check(page)
    page.get_by_label("Hoe werken de vrijetijdsdiensten van de gemeenten vandaag voor mensen in armoede?").fill(
        "Met een kansentarief."
    )
    page.get_by_role("button", name="Bewaren").click()
    expect(page.get_by_text("De interne analyse is bewaard.")).to_be_visible()
    axe_check(page)
    for path in ("swot/", "drempels/", "stem/", "netwerkbeeld/", "swot/toevoegen/", "drempels/toevoegen/"):
        page.goto(base + path)
        axe_check(page)
    page.goto(f"{live_server.url}/netwerken/{netwerk.pk}/cijfers/")
    axe_check(page)
