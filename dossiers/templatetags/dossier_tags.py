import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django import template
from django.utils.safestring import mark_safe

register = template.Library()


def format_euro(value, symbol=True) -> str:
    """Euro in the Belgian way: € 12.345,67 (a minus sign before the symbol when negative)."""
    try:
        amount = Decimal(value or 0).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    except (InvalidOperation, TypeError, ValueError):
        return ""
    sign = "-" if amount < 0 else ""
    whole, cents = f"{abs(amount):.2f}".split(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    number = f"{'.'.join(groups)},{cents}"
    return f"{sign}€\u00a0{number}" if symbol else f"{sign}{number}"


@register.filter
def euro(value):
    return format_euro(value)


@register.filter
def bedrag(value):
    """The number without the euro sign, for inputs and tables with a euro header."""
    return format_euro(value, symbol=False)


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None


_HEADING_TAG = re.compile(r"<(/?)h([3-6])\b")


@register.filter(is_safe=True)
def headings_under(html, level):
    """Rich text's <h3>/<h4> one and two levels below a heading of `level`."""
    shift = int(level) - 2
    return mark_safe(_HEADING_TAG.sub(lambda m: f"<{m[1]}h{int(m[2]) + shift}", html or ""))


@register.filter(is_safe=True)
def headings_under_chapter(html):
    """Rich text's <h3>/<h4> as <h2>/<h3>: placed right under a chapter's <h1>, its headings
    would otherwise skip a level in the PDF's structure. `html` is sanitised rich text."""
    return mark_safe(_HEADING_TAG.sub(lambda m: f"<{m[1]}h{int(m[2]) - 1}", html or ""))
