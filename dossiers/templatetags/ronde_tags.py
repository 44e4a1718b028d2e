from decimal import Decimal

from django import template

from analyses.formatting import format_number

register = template.Library()


@register.filter
def percent(share):
    """A share between 0 and 1 as a percentage the Belgian way: 0.4567 -> 45,7 %."""
    if share is None:
        return "–"
    return f"{format_number(Decimal(str(share)) * 100, 1)}\u00a0%"


@register.filter
def whole(number):
    """A count without decimals, thousands with a dot: 1234567 -> 1.234.567."""
    if number is None:
        return "–"
    return format_number(number, 0)


@register.filter
def euro_whole(amount):
    """Euro without cents, for wide tables: € 270.000 (the exports keep the cents)."""
    if amount is None:
        return "–"
    return f"€\u00a0{format_number(amount, 0)}"
