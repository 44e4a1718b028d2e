"""Who changed what in a dossier, and when: read from the history every model keeps."""

from dataclasses import dataclass
from datetime import datetime
from itertools import islice
from heapq import merge

from django.db.models import OuterRef
from django.utils.translation import gettext_lazy as _

from netwerken.models import DeelnemendeGemeente, Netwerk, Partner
from netwerken.prepared import PreparedQuery

from .analyse_history import history_sources as analyse_history_sources
from .checks import rows_summary
from .models import (
    Actie,
    ActieIndicator,
    ActieKost,
    Afsprakennota,
    Begrotingsbedrag,
    Begrotingspost,
    Comment,
    Monitoringafspraak,
    OperationeleDoelstelling,
    Overlegorgaan,
    GeplandReflectiemoment,
    PartnerConfirmation,
    Samenwerking,
    StrategischeDoelstelling,
    TransitionRecord,
    Visie,
)
from .workflow import BY_NAME

KIND_LABELS = {
    "+": _("created"),
    "~": _("changed"),
    "-": _("removed"),
    "c": _("commented"),
    "s": _("took a step"),
    "b": _("answered"),
}


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
        (Samenwerking, Samenwerking.history.filter(nota=nota), lambda r: _("Cooperation agreements")),
        (Overlegorgaan, Overlegorgaan.history.filter(nota=nota), lambda r: r.name),
        (
            Monitoringafspraak,
            Monitoringafspraak.history.filter(nota=nota),
            lambda r: r.measure or r.moment,
        ),
        (GeplandReflectiemoment, GeplandReflectiemoment.history.filter(nota=nota), lambda r: r.moment),
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


ACTIVITY_KINDS = {
    "edits": _("edits"),
    "comments": _("comments"),
    "steps": _("workflow steps"),
    "confirmations": _("confirmations"),
}


def activity_fingerprint(nota: Afsprakennota) -> tuple:
    """What tells a change in the activity besides the dossier's revision: comments (written,
    edited, removed) and workflow steps, read in one query."""
    return tuple(_ACTIVITY_FINGERPRINT.rows(nota.pk)[0])


def _activity_fingerprint(pk):
    comments = Comment.objects.filter(nota_id=OuterRef("pk"))
    steps = TransitionRecord.objects.filter(nota_id=OuterRef("pk"))
    return (
        Afsprakennota.objects.filter(pk=pk)
        .annotate(c=rows_summary(comments, "pk", "edited_at"), s=rows_summary(steps, "pk"))
        .values_list("c", "s")
    )


_ACTIVITY_FINGERPRINT = PreparedQuery(_activity_fingerprint, 1)  # SQL built once


def dossier_activity(
    nota: Afsprakennota, access, *, kind: str | None = None, user_id: int | None = None,
    item: str | None = None, limit: int = 500,
) -> list[Entry]:
    """Who did what and when in a dossier: edits, comments, workflow steps and confirmations."""
    streams = []
    if kind in (None, "edits"):
        streams.append(dossier_history(nota, item=item, limit=limit, user_id=user_id))
    if item is None and kind in (None, "comments"):
        comments = Comment.objects.filter(nota=nota).visible_to(access).select_related("author")
        if user_id:
            comments = comments.filter(author_id=user_id)
        streams.append(
            Entry(c.created_at, c.author, "c", str(_("comment")), "", c.anchor_label, [c.body[:160]])
            for c in comments.order_by("-created_at")[:limit]
        )
    if item is None and kind in (None, "steps"):
        steps = TransitionRecord.objects.filter(nota=nota).select_related("by")
        if user_id:
            steps = steps.filter(by_id=user_id)
        streams.append(
            Entry(t.at, t.by, "s", str(_("workflow step")), "", str(BY_NAME[t.name].label), [t.note] if t.note else [])
            for t in steps.order_by("-at")[:limit]
        )
    if item is None and kind in (None, "confirmations"):
        confirmations = PartnerConfirmation.objects.filter(nota=nota).select_related("by", "partner")
        if user_id:
            confirmations = confirmations.filter(by_id=user_id)
        streams.append(
            Entry(c.at, c.by, "b", str(_("confirmation")), "", c.partner.name, [c.get_answer_display()] + ([c.remark] if c.remark else []))
            for c in confirmations.order_by("-at")[:limit]
        )
    newest_first = merge(*streams, key=lambda e: e.when, reverse=True)
    return list(islice(newest_first, limit))


def dossier_history(
    nota: Afsprakennota, *, item: str | None = None, limit: int = 50, user_id: int | None = None
) -> list[Entry]:
    """The newest `limit` changes in the dossier, or those of one item ("model:pk")."""
    streams = []
    for model, records, label in _sources(nota):
        name = model._meta.model_name
        if item:
            item_model, _sep, pk = item.partition(":")
            if item_model != name or not pk.isdigit():
                continue
            records = records.filter(id=int(pk))
        if user_id:
            records = records.filter(history_user_id=user_id)
        records = records.select_related("history_user").order_by("-history_date")
        m2m = _m2m_fields(model)
        if m2m:
            records = records.prefetch_related(*m2m.values())
        streams.append(_entries(model, list(records[: limit + 1]), label, m2m))
    newest_first = merge(*streams, key=lambda e: e.when, reverse=True)
    return list(islice(newest_first, limit))


def _m2m_fields(model) -> dict[str, str]:
    """{m2m field name: accessor of its history rows on a historical record}."""
    history = model.history.model
    accessors = {}
    for field in getattr(history, "_history_m2m_fields", []):
        suffix = f"_{field.name}"
        for rel in history._meta.related_objects:
            if rel.related_model._meta.model_name.endswith(suffix):
                accessors[field.name] = rel.get_accessor_name()
    return accessors


def _m2m_ids(record, name, model, accessor) -> set:
    related = model._meta.get_field(name).related_model
    rows = getattr(record, accessor).all()  # prefetched: no query per record
    for row in rows:
        fk = next(f for f in row._meta.fields if f.related_model is related)
        return {getattr(r, fk.attname) for r in rows}
    return set()


def _entries(model, records, label, m2m=None):
    m2m = m2m or {}
    # Records come newest first; each one's changes are against the record before it.
    by_object = {}
    for record in reversed(records):
        previous = by_object.get(record.id)
        changes = []
        if previous is not None and record.history_type == "~":
            delta = record.diff_against(previous, excluded_fields=list(m2m))
            names = [c.field for c in delta.changes]
            names += [
                n for n, acc in m2m.items()
                if _m2m_ids(record, n, model, acc) != _m2m_ids(previous, n, model, acc)
            ]
            changes = [
                str(model._meta.get_field(name).verbose_name)
                for name in names
                if name not in {"version", "updated_at"}
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
