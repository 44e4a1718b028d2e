"""The checklist rules of the omgevingsanalyse, each tested both ways."""

from decimal import Decimal

import pytest

from dossiers.models import Bevraging, Drempelbeschrijving, GekozenIndicator, Kansengroep
from dossiers.models import KwalitatieveAnalyse, SwotItem
from dossiers.checklist import DossierData, run_checklist
from tests.factories import IndicatorValueFactory, gemeente, indicator


def check(nota, name):
    return next(c for c in run_checklist(nota).checks if c.rule.name == name)


def follow(nota, code, *gemeenten):
    ind = indicator(code)
    GekozenIndicator.objects.create(nota=nota, indicator=ind)
    for g in gemeenten:
        IndicatorValueFactory(indicator=ind, gemeente=gemeente(g), year=2023, value=Decimal(5))


def test_enough_indicators_with_figures_for_every_municipality(nota_a):
    follow(nota_a, "kansarmoede-index", "Sint-Niklaas", "Temse")
    follow(nota_a, "werkzoekendengraad", "Sint-Niklaas", "Temse")
    follow(nota_a, "leefloon-per-1000", "Sint-Niklaas")
    result = check(nota_a, "indicators_with_figures")
    assert not result.passed and result.blocking
    assert result.problems == [
        "De indienronde vraagt minstens 3 indicatoren met cijfers voor elke deelnemende gemeente; 2 zijn volledig.",
        "Leefloongerechtigden per 1.000 inwoners: nog geen cijfers voor Temse.",
    ]
    IndicatorValueFactory(indicator=indicator("leefloon-per-1000"), gemeente=gemeente("Temse"), year=2021)
    assert check(nota_a, "indicators_with_figures").passed


def test_the_number_of_indicators_is_set_per_round(nota_a):
    follow(nota_a, "kansarmoede-index", "Sint-Niklaas", "Temse")
    nota_a.ronde.min_indicators = 1
    nota_a.ronde.save()
    assert check(nota_a, "indicators_with_figures").passed
    nota_a.ronde.min_indicators = 2
    nota_a.ronde.save()
    assert not check(nota_a, "indicators_with_figures").passed


def test_the_three_qualitative_analyses_are_answered(nota_a):
    KwalitatieveAnalyse.objects.create(nota=nota_a, kind="intern", answers={"werking": "Goed."})
    KwalitatieveAnalyse.objects.create(nota=nota_a, kind="extern", answers={"cijfers": "  "})
    result = check(nota_a, "qualitative_analyses_answered")
    assert result.problems == [
        "Externe analyse: nog geen enkele vraag is beantwoord.",
        "Netwerkanalyse: nog geen enkele vraag is beantwoord.",
    ]
    KwalitatieveAnalyse.objects.filter(kind="extern").update(answers={"cijfers": "Hoog."})
    KwalitatieveAnalyse.objects.create(nota=nota_a, kind="netwerk", answers={"spelers": "Velen."})
    assert check(nota_a, "qualitative_analyses_answered").passed
    warning = check(nota_a, "qualitative_questions_answered")
    assert not warning.blocking
    assert "Interne analyse: nog 7 vragen open." in warning.problems


def test_at_least_one_threshold_and_one_kansengroep(nota_a):
    assert not check(nota_a, "threshold_described").passed
    assert not check(nota_a, "kansengroep_described").passed
    Drempelbeschrijving.objects.create(nota=nota_a, drempel="betaalbaar", description="Te duur.")
    Kansengroep.objects.create(nota=nota_a, doelgroep="senioren", description="Weinig vervoer.")
    assert check(nota_a, "threshold_described").passed
    assert check(nota_a, "kansengroep_described").passed


def test_hearing_and_swot_are_warnings(nota_a):
    heard, swot = check(nota_a, "people_in_poverty_heard"), check(nota_a, "swot_complete")
    assert not heard.passed and not heard.blocking
    assert swot.problems == ["De SWOT heeft nog geen sterkte, zwakte, kans, bedreiging."]
    Bevraging.objects.create(nota=nota_a, method="bevraging", period="2025", participants=5)
    for kind in ("sterkte", "zwakte", "kans", "bedreiging"):
        SwotItem.objects.create(nota=nota_a, kind=kind, text=kind)
    assert check(nota_a, "people_in_poverty_heard").passed
    assert check(nota_a, "swot_complete").passed


@pytest.mark.parametrize("size", [1, 15])
def test_the_rules_read_in_a_fixed_number_of_queries(nota_a, size, django_assert_num_queries):
    for i in range(size):
        SwotItem.objects.create(nota=nota_a, kind="kans", text=f"{i}")
        Kansengroep.objects.create(nota=nota_a, doelgroep="senioren", description=f"{i}")
    follow(nota_a, "kansarmoede-index", "Sint-Niklaas", "Temse")
    data = DossierData(nota_a)
    with django_assert_num_queries(4):
        data.analyse_keuzes, data.analyse_dekking, data.kwalitatieve_analyses, data.analyse_aantallen
