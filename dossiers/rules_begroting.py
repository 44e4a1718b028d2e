"""The multi-year budget's rules of the live decree checklist (see checklist.py)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .checklist import DossierData, rule
from .models import Section
from .templatetags.dossier_tags import format_euro


@rule(
    Section.BEGROTING,
    gettext_lazy("Every year of the period has expenses and income"),
    url_name="dossier_begroting",
)
def budget_every_year(d: DossierData):
    problems = []
    for year, expenses, income, _balance in d.begroting.years_with_totals:
        if not expenses and not income:
            problems.append(_("%(year)s: no amounts yet.") % {"year": year})
        elif not expenses:
            problems.append(_("%(year)s: no expenses yet.") % {"year": year})
        elif not income:
            problems.append(_("%(year)s: no income yet.") % {"year": year})
    return problems


@rule(
    Section.BEGROTING,
    gettext_lazy("Income and expenses are in balance every year"),
    url_name="dossier_begroting",
    anchor="totalen",
)
def budget_balanced(d: DossierData):
    return [
        _("%(year)s: income %(income)s, expenses %(expenses)s; a difference of %(balance)s.")
        % {"year": year, "income": format_euro(income), "expenses": format_euro(expenses),
           "balance": format_euro(balance)}
        for year, expenses, income, balance in d.begroting.years_with_totals
        if balance
    ]


@rule(
    Section.BEGROTING,
    gettext_lazy("The line for actions matches the actions' estimated costs"),
    url_name="dossier_begroting",
    anchor="acties-vergelijking",
    blocking=False,
)
def budget_matches_actions(d: DossierData):
    return [
        _("%(year)s: the actions are estimated at %(costs)s together; the budget reserves %(line)s.")
        % {"year": year, "costs": format_euro(costs), "line": format_euro(line)}
        for year, costs, line, difference in d.begroting.action_comparison
        if difference
    ]


@rule(
    Section.BEGROTING,
    gettext_lazy("Only participating municipalities contribute"),
    url_name="dossier_begroting",
    blocking=False,
)
def budget_only_participants(d: DossierData):
    return [
        _("%(gemeente)s no longer takes part in the network but still has a contribution in the budget.")
        % {"gemeente": line.gemeente}
        for line in d.begroting.income
        if not line.participating and line.total
    ]
