from analyses.demo import DEMO_NOTE
from dossiers.analyse_demo import seed_analyse
from analyses.models import ImportBatch, IndicatorValue
from netwerken.fusies import fusie_by_code
from netwerken.models import Gemeente
from tests.factories import DeelnemendeGemeenteFactory, ensure_indicators


def _counts(nota):
    return (
        IndicatorValue.objects.count(),
        nota.gekozen_indicatoren.count(),
        nota.swot_items.count(),
        nota.drempels.count(),
        nota.kansengroepen.count(),
        nota.bevragingen.count(),
        ImportBatch.objects.count(),
    )


def test_small_demo_fills_the_analysis_once(nota_a, coordinator_client):
    ensure_indicators()
    seed_analyse(nota=nota_a)
    first = _counts(nota_a)
    # 4 indicators, 5 years, 2 municipalities and the Flemish reference.
    assert first == (4 * 5 * 3, 4, 5, 3, 3, 2, 4)
    assert set(ImportBatch.objects.values_list("note", flat=True)) == {DEMO_NOTE}
    seed_analyse(nota=nota_a)
    assert _counts(nota_a) == first
    page = coordinator_client.get(f"/dossiers/{nota_a.pk}/omgevingsanalyse/")
    assert page.status_code == 200


def test_large_demo_works_with_25_municipalities(nota_a, coordinator_client):
    ensure_indicators()
    # Antwerpen kept its NIS code in the 2025 merger: before 2025 that code means the old city,
    # whose percentages cannot be carried over (see test_mergers).
    others = Gemeente.objects.filter(kind="gemeente").exclude(name__in=["Sint-Niklaas", "Temse"])
    for g in others.exclude(nis_code__in=fusie_by_code())[:23]:
        DeelnemendeGemeenteFactory(netwerk=nota_a.netwerk, gemeente=g)
    seed_analyse(nota=nota_a, size="large")
    assert IndicatorValue.objects.count() == 10 * 10 * 26
    assert nota_a.gekozen_indicatoren.count() == 10
    page = coordinator_client.get(f"/dossiers/{nota_a.pk}/omgevingsanalyse/cijfers/")
    assert page.text.count('role="img"') == 20
    checks = {c.rule.name: c for c in __import__("dossiers.checklist", fromlist=["run_checklist"]).run_checklist(nota_a).checks}
    assert checks["indicators_with_figures"].passed
    assert checks["threshold_described"].passed and checks["kansengroep_described"].passed
