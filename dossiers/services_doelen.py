"""Objectives and actions: adding at the end, moving up and down, removing with renumbering.

Positions stay 1..n within their parent, so the derived numbers (SD1, OD1.2, A1.2.3) have no
gaps. Moving and renumbering lock the siblings first, so two people reordering at once cannot
leave two items on the same place.
"""

from concurrency.api import concurrency_disable_increment, disable_concurrency
from django.db import transaction
from django.db.models import Max

from .models import Actie, OperationeleDoelstelling, StrategischeDoelstelling


def siblings(item):
    if isinstance(item, StrategischeDoelstelling):
        return StrategischeDoelstelling.objects.filter(nota_id=item.nota_id)
    if isinstance(item, OperationeleDoelstelling):
        return OperationeleDoelstelling.objects.filter(sd_id=item.sd_id)
    return Actie.objects.filter(od_id=item.od_id)


def next_position(queryset) -> int:
    return (queryset.aggregate(n=Max("position"))["n"] or 0) + 1


def _renumber(items):
    for position, item in enumerate(items, start=1):
        if item.position != position:
            item.position = position
            # A new number is no edit of the content: it must not clash with someone's open form.
            with disable_concurrency(item), concurrency_disable_increment(item):
                item.save(update_fields=["position"])


@transaction.atomic
def item_move(*, item, direction: int) -> bool:
    """Move an objective or action one place up (-1) or down (+1). False if it cannot move."""
    items = list(siblings(item).select_for_update().order_by("position", "pk"))
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    target = index + direction
    if not 0 <= target < len(items):
        return False
    items[index], items[target] = items[target], items[index]
    _renumber(items)
    return True


@transaction.atomic
def item_delete(*, item) -> None:
    """Remove an objective (with what it holds) or an action, and close the gap it leaves."""
    others = siblings(item).select_for_update().exclude(pk=item.pk).order_by("position", "pk")
    item.delete()
    _renumber(list(others))
