"""The budget's totals come from one engine, whether read from the database or a snapshot."""

from decimal import Decimal

from dossiers.budget_totals import BudgetTotals, document_totals, line_total
from dossiers.services_begroting import BudgetGrid
from dossiers.snapshot import build_snapshot
from tests.dossiers.test_begroting import url, with_versions


def test_totals_per_year_and_over_all_years():
    totals = BudgetTotals.of(
        [("uitgave", [Decimal("100"), None]), ("inkomst", [Decimal("80"), Decimal("50")])], 2
    )
    assert totals.expense_totals == [Decimal("100"), Decimal("0")]
    assert totals.income_totals == [Decimal("80"), Decimal("50")]
    assert totals.balance == [Decimal("-20"), Decimal("50")]
    assert (totals.expense_total, totals.income_total, totals.balance_total) == (
        Decimal("100"), Decimal("130"), Decimal("30")
    )
    assert line_total([Decimal("1.50"), None, Decimal("2")]) == Decimal("3.50")


def test_the_grid_and_the_snapshot_add_up_the_same(coordinator_client, nota_a):
    response = coordinator_client.post(url(nota_a), with_versions(nota_a, {
        "c-personeel-2027": "12.500",
        "c-werking-2028": "1.250,50",
        "c-vlaamse_subsidie-2027": "10.000",
    }))
    assert response.status_code == 302
    grid, snapshot = BudgetGrid(nota_a), build_snapshot(nota_a)["begroting"]
    assert grid.totals == document_totals(snapshot)
    assert grid.balance_total == Decimal("-3750.50")
