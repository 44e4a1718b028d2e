from django import template

from ..services_opvolging import open_bijsturingen as _open_bijsturingen

register = template.Library()


@register.simple_tag
def open_bijsturingen(nota):
    """The network's proposed changes still to apply, for a dossier that is open for changes."""
    return list(_open_bijsturingen(nota.netwerk).exclude(werkjaar__nota=nota))
