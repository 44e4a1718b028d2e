from decimal import Decimal

import pytest

from dossiers.models import GekozenIndicator
from tests.factories import DeelnemendeGemeenteFactory, IndicatorValueFactory, gemeente, indicator


@pytest.fixture
def followed(nota_a, kansarmoede):
    GekozenIndicator.objects.create(nota=nota_a, indicator=kansarmoede)
    for where, before, now in [("Sint-Niklaas", "18.4", "19.1"), ("Temse", "12.5", "12.3"), (None, "15.2", "15.6")]:
        g = gemeente(where) if where else None
        IndicatorValueFactory(indicator=kansarmoede, gemeente=g, year=2022, value=Decimal(before))
        IndicatorValueFactory(indicator=kansarmoede, gemeente=g, year=2023, value=Decimal(now))
    return kansarmoede


def test_dashboard_follows_the_chosen_indicators(partner_client, netwerk_a, followed):
    page = partner_client.get(f"/netwerken/{netwerk_a.pk}/cijfers/").text
    assert "Cijfers door de jaren heen" in page
    assert "Laatste cijfers (2023) en verandering tegenover het jaar ervoor" in page
    assert "+0,7\u00a0pp" in page and "(slechter)" in page  # Sint-Niklaas went up: worse
    assert "−0,2\u00a0pp" in page and "(beter)" in page  # Temse went down: better
    assert "<li>Sint-Niklaas: 19,1\u00a0%</li>" in page  # above the Flemish 15,6 %
    assert "<li>Temse" not in page
    assert "meer nood dan Vlaanderen" in page


def test_lower_is_worse_for_income(partner_client, nota_a, netwerk_a):
    inkomen = indicator("mediaan-inkomen-aangifte")
    GekozenIndicator.objects.create(nota=nota_a, indicator=inkomen)
    IndicatorValueFactory(indicator=inkomen, gemeente=gemeente("Temse"), year=2023, value=Decimal(24000))
    IndicatorValueFactory(indicator=inkomen, gemeente=gemeente("Sint-Niklaas"), year=2023, value=Decimal(28000))
    IndicatorValueFactory(indicator=inkomen, gemeente=None, year=2023, value=Decimal(26500))
    page = partner_client.get(f"/netwerken/{netwerk_a.pk}/cijfers/").text
    assert "<li>Temse: €\u00a024.000</li>" in page  # below the Flemish € 26.500
    assert "Sint-Niklaas: €\u00a028.000" not in page


def test_without_indicators_the_dashboard_points_to_the_dossier(coordinator_client, nota_a, netwerk_a):
    page = coordinator_client.get(f"/netwerken/{netwerk_a.pk}/cijfers/").text
    assert "Het netwerk volgt nog geen indicatoren op." in page
    assert f"/dossiers/{nota_a.pk}/omgevingsanalyse/cijfers/" in page


def test_dashboard_query_count_does_not_grow(coordinator_client, netwerk_a, followed, django_assert_max_num_queries):
    from netwerken.models import Gemeente

    with django_assert_max_num_queries(20) as small:
        assert coordinator_client.get(f"/netwerken/{netwerk_a.pk}/cijfers/").status_code == 200
    for g in Gemeente.objects.filter(kind="gemeente").exclude(name__in=["Sint-Niklaas", "Temse"])[:23]:
        DeelnemendeGemeenteFactory(netwerk=netwerk_a, gemeente=g)
        for year in range(2014, 2024):
            IndicatorValueFactory(indicator=followed, gemeente=g, year=year, value=Decimal(year % 9))
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert coordinator_client.get(f"/netwerken/{netwerk_a.pk}/cijfers/").status_code == 200


def test_a_flemish_total_is_never_compared_with_a_municipality(partner_client, nota_a, netwerk_a):
    uitpas = indicator("uitpas-kansentarief")  # a count: the Flemish row is the total of all
    GekozenIndicator.objects.create(nota=nota_a, indicator=uitpas)
    IndicatorValueFactory(indicator=uitpas, gemeente=gemeente("Temse"), year=2023, value=Decimal(40))
    IndicatorValueFactory(indicator=uitpas, gemeente=gemeente("Sint-Niklaas"), year=2023, value=Decimal(300))
    IndicatorValueFactory(indicator=uitpas, gemeente=None, year=2023, value=Decimal(52000))
    page = partner_client.get(f"/netwerken/{netwerk_a.pk}/cijfers/").text
    assert "meer nood dan Vlaanderen" not in page
    assert "totaal, niet vergeleken met een gemeente" in page
    assert "Geen enkele gemeente" not in page  # the list of greatest need does not use Flanders


def test_an_average_is_compared_again_once_the_catalogue_says_so(partner_client, nota_a, netwerk_a, followed):
    followed.flemish_row = followed.FlemishRow.TOTAL
    followed.save()
    assert "meer nood dan Vlaanderen" not in partner_client.get(f"/netwerken/{netwerk_a.pk}/cijfers/").text
    followed.flemish_row = followed.FlemishRow.AVERAGE
    followed.save()
    assert "meer nood dan Vlaanderen" in partner_client.get(f"/netwerken/{netwerk_a.pk}/cijfers/").text
