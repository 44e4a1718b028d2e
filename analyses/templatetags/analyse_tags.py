from django import template

from ..parsing import column_letter

register = template.Library()


@register.filter
def measure(value, indicator):
    """A value as its indicator writes it: 12,3 %, € 23.456."""
    return indicator.format(value)


@register.filter
def columns(width):
    return range(int(width or 0))


@register.filter
def letter(index):
    return column_letter(int(index))


@register.filter
def pad(cells, width):
    """The cells of a row, filled up with empty cells to the width of the table."""
    cells = list(cells)
    return cells + [""] * (int(width) - len(cells))
