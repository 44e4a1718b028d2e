"""A balanced demo budget: the actions' line follows the actions' estimated costs, the
municipalities contribute, and the IGS's own contribution closes every year."""

from decimal import Decimal

from django.db import transaction

from .services_begroting import BudgetGrid, budget_save

EXPENSES = {
    "personeel": Decimal("62000"),
    "werking": Decimal("8500"),
    "communicatie": Decimal("3000"),
    "vervoer": Decimal("4500"),
    "vorming": Decimal("2000"),
}
SUBSIDY = Decimal("55000")
PER_GEMEENTE = Decimal("2500")
NOTES = {
    "personeel": "Demo: een coördinator (0,8 VTE) en een toeleider (0,2 VTE).",
    "vervoer": "Demo: vervoerspas en busjes voor uitstappen.",
}


@transaction.atomic
def seed_begroting(*, nota, growth: Decimal = Decimal("0.02")) -> None:
    """Fill an empty budget; a budget that holds anything is left alone."""
    grid = BudgetGrid(nota)
    if not grid.is_empty:
        return
    data = {}
    for i, year in enumerate(grid.years):
        factor = (1 + growth) ** i
        amounts = {key: (value * factor).quantize(Decimal("1")) for key, value in EXPENSES.items()}
        amounts["acties"] = grid.action_costs[i]
        municipal = {
            line.key: PER_GEMEENTE for line in grid.income if line.gemeente is not None and line.participating
        }
        expenses = sum(amounts.values())
        if sum(municipal.values()) > expenses:  # many municipalities: the surplus goes to running costs
            amounts["werking"] += sum(municipal.values()) - expenses
            expenses = sum(amounts.values())
        amounts.update(municipal)
        rest = expenses - sum(municipal.values())
        amounts["vlaamse_subsidie"] = min(SUBSIDY, rest)
        amounts["eigen_inbreng"] = rest - amounts["vlaamse_subsidie"]
        for key, amount in amounts.items():
            data[f"c-{key}-{year}"] = str(amount)
    for key, note in NOTES.items():
        data[f"n-{key}"] = note
    budget_save(nota=nota, data=data)
