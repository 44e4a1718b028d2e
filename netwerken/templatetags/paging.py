"""The query string of a list page, with another page number: filters survive paging."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def page_query(context, number) -> str:
    """`?status=ingediend&page=3` from the current request's query string and `number`."""
    query = context["request"].GET.copy()
    query["page"] = number
    return "?" + query.urlencode()
