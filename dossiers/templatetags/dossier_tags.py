import re
from datetime import date

from django import template
from django.utils.safestring import mark_safe

from netwerken.numbers import format_euro, format_number

from .. import fragments

register = template.Library()


@register.filter
def euro(value):
    return format_euro(value)


@register.filter
def bedrag(value):
    """The number without the euro sign, for inputs and tables with a euro header."""
    return format_euro(value, symbol=False)


@register.filter
def number(value, decimals=0):
    """A number with `decimals` decimals, the Belgian way: 3,5."""
    return format_number(value, int(decimals))


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


@register.simple_tag(takes_context=True)
def section_nav(context):
    """The dossier's section navigation (dossiers/fragments.py renders it once per revision)."""
    return fragments.section_nav(context)


@register.simple_tag(takes_context=True)
def section_checks(context):
    """What the decree still asks in this section (dossiers/fragments.py renders it once per
    revision)."""
    return fragments.section_checks(context)


@register.filter
def iso_date(value):
    """A date kept as text in a frozen document ("2027-06-01"), as a date for the `date` filter."""
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        return value
