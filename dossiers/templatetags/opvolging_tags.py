from django import template

from ..services_opvolging import any_open_bijsturingen
from ..services_opvolging import open_bijsturingen as _open_bijsturingen

register = template.Library()


@register.simple_tag
def open_bijsturingen(nota):
    """The network's proposed changes still to apply, for a dossier that is open for changes."""
    if not any_open_bijsturingen(nota):  # mostly none: a prepared query tells
        return []
    return list(_open_bijsturingen(nota.netwerk).exclude(werkjaar__nota=nota))
