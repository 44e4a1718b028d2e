"""The budget's totals, computed in one place.

The grid on the budget page (`services_begroting.BudgetGrid`, from the database) and the
dossier's document (the PDF, the Word file and the comparison of two versions, from a
version's snapshot) hold the same lines in two shapes; both hand their lines to `BudgetTotals`,
so the checklist, the pages, the exports and the diff add up the same way.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from .models import Begrotingspost

ZERO = Decimal("0")
EXPENSE = Begrotingspost.Kind.UITGAVE


def line_total(amounts: Iterable[Decimal | None]) -> Decimal:
    """A line's total over the years; an empty cell counts as zero."""
    return sum((amount or ZERO for amount in amounts), ZERO)


@dataclass(frozen=True)
class BudgetTotals:
    """Expenses, income and their balance, per year (in the years' order) and over all years."""

    expense_totals: list[Decimal]
    income_totals: list[Decimal]

    @classmethod
    def of(cls, lines: Iterable[tuple[str, Sequence[Decimal | None]]], n_years: int):
        """The totals of `lines`, each a (kind, amounts of every year) pair."""
        expenses, income = [ZERO] * n_years, [ZERO] * n_years
        for kind, amounts in lines:
            totals = expenses if kind == EXPENSE else income
            for i, amount in enumerate(amounts):
                totals[i] += amount or ZERO
        return cls(expense_totals=expenses, income_totals=income)

    @property
    def balance(self) -> list[Decimal]:
        """Income minus expenses, per year."""
        return [i - e for i, e in zip(self.income_totals, self.expense_totals)]

    @property
    def expense_total(self) -> Decimal:
        return sum(self.expense_totals, ZERO)

    @property
    def income_total(self) -> Decimal:
        return sum(self.income_totals, ZERO)

    @property
    def balance_total(self) -> Decimal:
        return self.income_total - self.expense_total


def document_amounts(line: dict, years: Sequence[str]) -> list[Decimal]:
    """A snapshot line's amounts in the order of `years` (a missing year is zero)."""
    return [Decimal(line["amounts"].get(year, "0")) for year in years]


def document_totals(begroting: dict) -> BudgetTotals:
    """The totals of the budget as a version's snapshot holds it."""
    years = [str(year) for year in begroting["years"]]
    lines = [(line["kind"], document_amounts(line, years)) for line in begroting["lines"]]
    return BudgetTotals.of(lines, len(years))
