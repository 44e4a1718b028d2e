from django import template

from netwerken.numbers import format_count, format_euro_whole, format_percent

register = template.Library()


@register.filter
def percent(share):
    """A share between 0 and 1 as a percentage the Belgian way: 0.4567 -> 45,7 %."""
    if share is None:
        return "–"
    return format_percent(share)


@register.filter
def whole(number):
    """A count without decimals, thousands with a dot: 1234567 -> 1.234.567."""
    if number is None:
        return "–"
    return format_count(number)


@register.filter
def euro_whole(amount):
    """Euro without cents, for wide tables: € 270.000 (the exports keep the cents)."""
    if amount is None:
        return "–"
    return format_euro_whole(amount)
