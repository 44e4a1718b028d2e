import re
from decimal import Decimal

import pytest
from concurrency.forms import get_signer

from dossiers.analyse_figures import indicator_figures
from dossiers.models import GekozenIndicator
from netwerken.models import Gemeente
from tests.factories import DeelnemendeGemeenteFactory, IndicatorValueFactory, gemeente, indicator


def url(nota, rest=""):
    return f"/dossiers/{nota.pk}/omgevingsanalyse/{rest}"


@pytest.fixture
def figures_a(nota_a, kansarmoede):
    """Kansarmoede for the two municipalities of network A and Flanders, 2022-2023."""
    for where, values in [
        (gemeente("Sint-Niklaas"), ("18.4", "19.1")),
        (gemeente("Temse"), ("11.9", "12.3")),
        (None, ("15.2", "15.6")),
    ]:
        for year, value in zip((2022, 2023), values):
            IndicatorValueFactory(indicator=kansarmoede, gemeente=where, year=year, value=Decimal(value))
    return GekozenIndicator.objects.create(nota=nota_a, indicator=kansarmoede)


def test_coordinator_chooses_indicators(coordinator_client, nota_a, kansarmoede):
    werkzoekenden = indicator("werkzoekendengraad")
    page = coordinator_client.get(url(nota_a, "cijfers/indicatoren/"))
    assert "Welke indicatoren volgt het netwerk op?" in page.text
    assert "cijfers voor 0 van de 2 gemeenten" in page.text
    response = coordinator_client.post(
        url(nota_a, "cijfers/indicatoren/"), {"indicators": [kansarmoede.pk, werkzoekenden.pk]}, follow=True
    )
    assert "De keuze van indicatoren is bewaard: 2 toegevoegd, 0 verwijderd." in response.text
    assert set(nota_a.gekozen_indicatoren.values_list("indicator__code", flat=True)) == {
        "kansarmoede-index",
        "werkzoekendengraad",
    }
    response = coordinator_client.post(
        url(nota_a, "cijfers/indicatoren/"), {"indicators": [kansarmoede.pk, werkzoekenden.pk]}, follow=True
    )
    assert "Er is niets veranderd aan de keuze van indicatoren." in response.text


def test_removing_an_indicator_with_text_asks_to_confirm(coordinator_client, nota_a, figures_a):
    figures_a.interpretation = "Sint-Niklaas springt eruit."
    figures_a.save()
    response = coordinator_client.post(url(nota_a, "cijfers/indicatoren/"), {"indicators": []})
    assert "U verwijdert indicatoren waarover al iets geschreven is: Kansarmoede-index." in response.text
    assert nota_a.gekozen_indicatoren.exists()
    coordinator_client.post(url(nota_a, "cijfers/indicatoren/"), {"indicators": [], "confirm_remove": "on"})
    assert not nota_a.gekozen_indicatoren.exists()


def test_an_unknown_indicator_is_refused(coordinator_client, nota_a):
    response = coordinator_client.post(url(nota_a, "cijfers/indicatoren/"), {"indicators": ["999999"]})
    assert "Selecteer een geldige keuze" in response.text
    assert not nota_a.gekozen_indicatoren.exists()


def test_figures_page_shows_charts_and_table(partner_client, nota_a, figures_a):
    page = partner_client.get(url(nota_a, "cijfers/"))
    assert page.status_code == 200
    text = page.text
    assert "Kansarmoede-index" in text
    assert 'role="img"' in text and "<title id=" in text and "<desc id=" in text
    # nl-BE numbers in the table, the Flemish Region as reference row.
    assert "19,1\u00a0%" in text and "15,6\u00a0%" in text
    assert re.search(r'<th scope="row">Vlaams Gewest</th>\s*<td class="text-end">15,2', text)
    assert "Kansarmoede-index in 2023: de gemeenten en het Vlaams Gewest" in text
    assert "Grootste nood: Sint-Niklaas (19,1\u00a0%)" in text
    assert "Schrijf wat het betekent" not in text  # a partner reads only


def test_the_page_and_the_pdf_get_the_same_svg(coordinator_client, nota_a, figures_a):
    page = coordinator_client.get(url(nota_a, "cijfers/")).text
    figure = indicator_figures(nota_a)[0]
    assert figure.bar_svg and figure.line_svg
    assert str(figure.bar_svg) in page
    assert str(figure.line_svg) in page
    assert indicator_figures(nota_a)[0].bar_svg == figure.bar_svg
    # The PDF is rendered from the dossier document, which holds the very same drawing.
    from dossiers.pdf import render_html
    from dossiers.snapshot import build_snapshot

    document = build_snapshot(nota_a)
    assert document["omgevingsanalyse"]["indicators"][0]["bar_svg"] == str(figure.bar_svg)
    html = render_html(document, draft=True)
    assert str(figure.bar_svg) in html and str(figure.line_svg) in html


def test_charts_respect_the_content_security_policy(nota_a, figures_a):
    figure = indicator_figures(nota_a)[0]
    for svg in (figure.bar_svg, figure.line_svg):
        assert "style=" not in svg and "<style" not in svg and "<script" not in svg
        assert 'aria-labelledby="grafiek-' in svg


def test_no_figures_yet_says_so(coordinator_client, nota_a, kansarmoede):
    GekozenIndicator.objects.create(nota=nota_a, indicator=kansarmoede)
    page = coordinator_client.get(url(nota_a, "cijfers/")).text
    assert "Nog geen cijfers voor de gemeenten van het netwerk." in page
    assert "<svg" not in page


def test_without_indicators_the_page_invites_to_choose(coordinator_client, nota_a):
    page = coordinator_client.get(url(nota_a, "cijfers/")).text
    assert "Nog geen indicatoren gekozen." in page
    assert "Kies de indicatoren die ertoe doen voor uw werkingsgebied." in page


def test_coordinator_writes_what_the_figures_mean(coordinator_client, nota_a, figures_a):
    page = coordinator_client.get(url(nota_a, f"cijfers/{figures_a.pk}/duiding/"))
    assert "wat de cijfers betekenen voor het netwerk" in page.text.lower()
    response = coordinator_client.post(
        url(nota_a, f"cijfers/{figures_a.pk}/duiding/"),
        {"interpretation": "Sint-Niklaas springt eruit.", "version": get_signer().sign(figures_a.version)},
        follow=True,
    )
    assert "Wat Kansarmoede-index betekent voor het netwerk, is bewaard." in response.text
    figures_a.refresh_from_db()
    assert figures_a.interpretation == "Sint-Niklaas springt eruit."


def test_a_conflicting_save_keeps_both_texts(coordinator_client, nota_a, figures_a):
    old_version = get_signer().sign(figures_a.version)
    figures_a.interpretation = "Tekst van een collega."
    figures_a.save()
    response = coordinator_client.post(
        url(nota_a, f"cijfers/{figures_a.pk}/duiding/"),
        {"interpretation": "Mijn eigen tekst.", "version": old_version},
    )
    assert response.status_code == 409
    assert "Iemand anders bewaarde dit intussen" in response.text
    assert "Mijn eigen tekst." in response.text and "Tekst van een collega." in response.text
    figures_a.refresh_from_db()
    assert figures_a.interpretation == "Tekst van een collega."


def test_another_dossiers_indicator_is_404(coordinator_client, nota_a, figures_a, netwerk_b, ronde):
    from dossiers.models import Afsprakennota

    other = Afsprakennota.objects.create(netwerk=netwerk_b, ronde=ronde)
    keuze = GekozenIndicator.objects.create(nota=other, indicator=figures_a.indicator)
    assert coordinator_client.get(url(nota_a, f"cijfers/{keuze.pk}/duiding/")).status_code == 404


def _grow(nota, n_gemeenten, years, codes):
    from analyses.models import IndicatorValue

    taken = nota.netwerk.deelnemende_gemeenten.values("gemeente")
    for g in Gemeente.objects.filter(kind="gemeente").exclude(pk__in=taken).order_by("nis_code")[:n_gemeenten]:
        DeelnemendeGemeenteFactory(netwerk=nota.netwerk, gemeente=g)
    gemeenten = [d.gemeente for d in nota.netwerk.deelnemende_gemeenten.all()]
    for code in codes:
        ind = indicator(code)
        GekozenIndicator.objects.get_or_create(nota=nota, indicator=ind)
        for g in [None, *gemeenten]:
            for year in years:
                IndicatorValue.objects.get_or_create(
                    indicator=ind, gemeente=g, year=year, defaults={"value": Decimal(year % 7 + 3)}
                )


@pytest.mark.parametrize("path", ["", "cijfers/", "cijfers/indicatoren/", "netwerkbeeld/"])
def test_query_counts_do_not_grow_with_municipalities_or_years(
    coordinator_client, nota_a, path, django_assert_max_num_queries
):
    _grow(nota_a, 0, [2022, 2023], ["kansarmoede-index"])
    # The first view also stores the page's cached parts (the page's own, the section nav and,
    # on the overview, the checks).
    with django_assert_max_num_queries(52) as small:
        assert coordinator_client.get(url(nota_a, path)).status_code == 200
    codes = ["kansarmoede-index", "werkzoekendengraad", "leefloon-per-1000", "mediaan-inkomen-aangifte"]
    _grow(nota_a, 23, range(2014, 2024), codes)
    assert nota_a.netwerk.deelnemende_gemeenten.count() == 25
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert coordinator_client.get(url(nota_a, path)).status_code == 200


def test_many_municipalities_get_a_line_each_for_the_most_need_and_a_median_for_the_rest(nota_a, kansarmoede):
    from netwerken.models import Gemeente

    others = Gemeente.objects.filter(kind=Gemeente.Kind.GEMEENTE).exclude(
        pk__in=nota_a.netwerk.deelnemende_gemeenten.values("gemeente")
    )[:12]
    for g in others:
        DeelnemendeGemeenteFactory(netwerk=nota_a.netwerk, gemeente=g)
    deelnemers = [d.gemeente for d in nota_a.netwerk.deelnemende_gemeenten.select_related("gemeente")]
    for rank, g in enumerate(deelnemers):
        for year in (2022, 2023):
            IndicatorValueFactory(indicator=kansarmoede, gemeente=g, year=year, value=Decimal(5 + rank + year - 2022))
    GekozenIndicator.objects.create(nota=nota_a, indicator=kansarmoede)
    figure = indicator_figures(nota_a)[0]
    assert len(figure.rows) == 14  # the table keeps every municipality
    import xml.etree.ElementTree as ET

    root = ET.fromstring(figure.line_svg)
    ns = "{http://www.w3.org/2000/svg}"
    legend = next(g for g in root.iter(f"{ns}g") if g.get("class") == "legend")
    names = [t.text for t in legend.iter(f"{ns}text")]
    # Kansarmoede: higher is worse, so the seven highest keep their own line.
    highest = deelnemers[-7:]
    assert set(names[:7]) == {str(g) for g in highest}
    assert names[7:] == ["Mediaan van de andere 7 gemeenten"]  # no Flemish figures here
    desc = root.find(f"{ns}desc").text
    assert "Lijnen voor de 7 gemeenten met de grootste nood in 2023; één lijn voor de mediaan van de andere 7." in desc
    assert "Grootste stijging: " in desc
