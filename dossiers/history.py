"""Who changed what in a dossier, and when: read from the history every model keeps."""

from dataclasses import dataclass
from datetime import datetime
from itertools import islice
from heapq import merge

from django.utils.translation import gettext_lazy as _

from .models import (
    Actie,
    ActieIndicator,
    ActieKost,
    Afsprakennota,
    Begrotingsbedrag,
    Begrotingspost,
    OperationeleDoelstelling,
    StrategischeDoelstelling,
    Visie,
)

KIND_LABELS = {"+": _("created"), "~": _("changed"), "-": _("removed")}


@dataclass
class Entry:
    when: datetime
    who: object
    kind: str
    item_type: str
    item_key: str
    item_label: str
    changes: list[str]

    @property
    def kind_label(self):
        return KIND_LABELS[self.kind]


def _sources(nota: Afsprakennota):
    """(model, queryset of its historical records for this dossier, label function)."""
    netwerk = nota.netwerk
    from analyses.history import history_sources as analyse_history_sources
    from netwerken.models import DeelnemendeGemeente, Netwerk, Partner

    return [
        (Visie, Visie.history.filter(nota=nota), lambda r: _("Vision")),
        (
            StrategischeDoelstelling,
            StrategischeDoelstelling.history.filter(nota=nota),
            lambda r: f"SD{r.position} {r.title}",
        ),
        (
            OperationeleDoelstelling,
            OperationeleDoelstelling.history.filter(nota=nota),
            lambda r: r.title,
        ),
        (Actie, Actie.history.filter(nota=nota), lambda r: r.title),
        (ActieKost, ActieKost.history.filter(actie__nota=nota), lambda r: f"{r.year}"),
        (ActieIndicator, ActieIndicator.history.filter(actie__nota=nota), lambda r: r.name),
        (Begrotingspost, Begrotingspost.history.filter(nota=nota), lambda r: r.get_category_display()),
        (
            Begrotingsbedrag,
            Begrotingsbedrag.history.filter(post__nota=nota),
            lambda r: f"{r.year}",
        ),
        (Partner, Partner.history.filter(netwerk=netwerk), lambda r: r.name),
        (
            DeelnemendeGemeente,
            DeelnemendeGemeente.history.filter(netwerk=netwerk).select_related("gemeente"),
            lambda r: str(r.gemeente),
        ),
        (Netwerk, Netwerk.history.filter(id=netwerk.pk), lambda r: r.name),
        *analyse_history_sources(nota),
    ]


def item_key(instance) -> str:
    return f"{instance._meta.model_name}:{instance.pk}"


def dossier_history(nota: Afsprakennota, *, item: str | None = None, limit: int = 50) -> list[Entry]:
    """The newest `limit` changes in the dossier, or those of one item ("model:pk")."""
    streams = []
    for model, records, label in _sources(nota):
        name = model._meta.model_name
        if item:
            item_model, _sep, pk = item.partition(":")
            if item_model != name or not pk.isdigit():
                continue
            records = records.filter(id=int(pk))
        records = records.select_related("history_user").order_by("-history_date")[: limit + 1]
        streams.append(_entries(model, list(records), label))
    newest_first = merge(*streams, key=lambda e: e.when, reverse=True)
    return list(islice(newest_first, limit))


def _entries(model, records, label):
    # Records come newest first; each one's changes are against the record before it.
    by_object = {}
    for record in reversed(records):
        previous = by_object.get(record.id)
        changes = []
        if previous is not None and record.history_type == "~":
            delta = record.diff_against(previous)
            changes = [
                str(model._meta.get_field(c.field).verbose_name)
                for c in delta.changes
                if c.field not in {"version", "updated_at"}
            ]
        by_object[record.id] = record
        record.changed_fields = changes
    for record in records:
        yield Entry(
            when=record.history_date,
            who=record.history_user,
            kind=record.history_type,
            item_type=str(model._meta.verbose_name),
            item_key=f"{model._meta.model_name}:{record.id}",
            item_label=label(record),
            changes=record.changed_fields,
        )
