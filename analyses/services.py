"""Operations that span several models: imports of indicator values, and choosing indicators.

Keyword-only, atomic, and never given a request: views call them, tests call them directly.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from netwerken.models import Gemeente

from .access import ImportScope
from .importplan import Plan, guess_mapping, plan_import
from .matching import match_key
from .models import GekozenIndicator, ImportBatch, ImportChange, Indicator, IndicatorValue
from .parsing import read_upload


class ImportRefused(Exception):
    """The import cannot go ahead; the message says why, in Dutch."""


def import_batch_create(*, indicator: Indicator, uploaded, user, return_to: str = "") -> ImportBatch:
    """Read the uploaded file and keep its rows for the next steps (raises FileProblem)."""
    read = read_upload(uploaded)
    batch = ImportBatch(
        indicator=indicator,
        uploaded_by=user,
        filename=(getattr(uploaded, "name", "") or "bestand")[:255],
        file_sha256=read.sha256,
        rows=read.rows,
        decimal_comma=read.decimal_comma,
        return_to=return_to,
    )
    guess_mapping(batch)
    batch.save()
    return batch


def import_batch_map(*, batch: ImportBatch, mapping: dict) -> ImportBatch:
    """Say which columns hold what; from now on the batch can be previewed."""
    if not batch.is_open:
        raise ImportRefused(_("This import is closed: start a new one."))
    for name, value in mapping.items():
        setattr(batch, name, value)
    batch.status = ImportBatch.Status.MAPPED
    batch.save()
    return batch


def import_batch_accept_name(*, batch: ImportBatch, name: str, nis_code: str) -> Gemeente:
    """Read `name` in this file as the municipality with `nis_code` (a suggestion accepted)."""
    if not batch.is_open:
        raise ImportRefused(_("This import is closed: start a new one."))
    gemeente = Gemeente.objects.filter(nis_code=nis_code).first()
    key = match_key(name)
    if gemeente is None or not key:
        raise ImportRefused(_("That municipality is not known; choose other columns or fix the file."))
    batch.accepted_names = {**batch.accepted_names, key: gemeente.nis_code}
    batch.save(update_fields=["accepted_names"])
    return gemeente


def _lock_indicator(indicator_id):
    # Imports and undos of one indicator take turns: each sees what the previous one left.
    Indicator.objects.select_for_update().get(pk=indicator_id)


@transaction.atomic
def import_batch_confirm(*, batch: ImportBatch, scope: ImportScope) -> tuple[ImportBatch, Plan]:
    """All or nothing: write every new and changed value, remember what each replaced."""
    _lock_indicator(batch.indicator_id)
    batch = ImportBatch.objects.select_for_update().select_related("indicator").get(pk=batch.pk)
    if batch.status != ImportBatch.Status.MAPPED:
        raise ImportRefused(_("This import has already been done or cancelled."))
    plan = plan_import(batch, scope)
    if not plan.ok:
        raise ImportRefused(_("The file still has problems, so nothing was imported."))
    now = timezone.now()
    IndicatorValue.objects.bulk_create(
        [
            IndicatorValue(
                indicator_id=batch.indicator_id,
                gemeente=item.gemeente,
                year=item.year,
                value=item.value,
                batch=batch,
            )
            for item in plan.new
        ]
    )
    changed = {item.key: item for item in plan.changed}
    if changed:
        current = [
            v
            for v in IndicatorValue.objects.filter(
                indicator_id=batch.indicator_id, year__in={year for _g, year in changed}
            )
            if (v.gemeente_id, v.year) in changed
        ]
        for value in current:
            value.value = changed[(value.gemeente_id, value.year)].value
            value.batch = batch
            value.updated_at = now
        IndicatorValue.objects.bulk_update(current, ["value", "batch", "updated_at"])
    ImportChange.objects.bulk_create(
        [
            ImportChange(batch=batch, gemeente=item.gemeente, year=item.year, new_value=item.value)
            for item in plan.new
        ]
        + [
            ImportChange(
                batch=batch,
                gemeente=item.gemeente,
                year=item.year,
                old_value=item.old,
                old_batch_id=item.old_batch_id,
                new_value=item.value,
            )
            for item in plan.changed
        ]
    )
    batch.status = ImportBatch.Status.IMPORTED
    batch.imported_at = now
    batch.n_created, batch.n_changed = len(plan.new), len(plan.changed)
    batch.n_unchanged = len(plan.unchanged)
    batch.save()
    return batch, plan


@transaction.atomic
def import_batch_undo(*, batch: ImportBatch, user) -> ImportBatch:
    """Put back exactly what was there before this import, if no later import built on it."""
    _lock_indicator(batch.indicator_id)
    batch = ImportBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.status != ImportBatch.Status.IMPORTED:
        raise ImportRefused(_("Only an import that was done can be undone."))
    changes = list(batch.changes.all())
    keys = {c.key for c in changes}
    later = ImportChange.objects.filter(
        batch__indicator_id=batch.indicator_id,
        batch__status=ImportBatch.Status.IMPORTED,
        batch__imported_at__gt=batch.imported_at,
    ).select_related("batch")
    blocking = {c.batch for c in later if c.key in keys}
    if blocking:
        names = ", ".join(
            f"{b.filename} ({timezone.localtime(b.imported_at):%d/%m/%Y %H:%M})"
            for b in sorted(blocking, key=lambda b: b.imported_at)
        )
        raise ImportRefused(
            _("A later import changed the same figures. Undo that one first: %(imports)s.")
            % {"imports": names}
        )
    current = {
        (v.gemeente_id, v.year): v
        for v in IndicatorValue.objects.filter(
            indicator_id=batch.indicator_id, year__in={c.year for c in changes}
        )
    }
    to_delete, to_restore = [], []
    for change in changes:
        value = current.get(change.key)
        if value is None:
            continue
        if change.old_value is None:
            to_delete.append(value.pk)
        else:
            value.value, value.batch_id = change.old_value, change.old_batch_id
            to_restore.append(value)
    IndicatorValue.objects.filter(pk__in=to_delete).delete()
    IndicatorValue.objects.bulk_update(to_restore, ["value", "batch"])
    batch.status = ImportBatch.Status.UNDONE
    batch.undone_at = timezone.now()
    batch.undone_by = user
    batch.save()
    return batch


def import_batch_cancel(*, batch: ImportBatch) -> ImportBatch:
    if not batch.is_open:
        raise ImportRefused(_("This import is closed: start a new one."))
    batch.status = ImportBatch.Status.CANCELLED
    batch.rows = []  # the file's contents are no longer needed
    batch.save()
    return batch


@transaction.atomic
def analyse_choose_indicators(*, nota, indicators) -> tuple[list, list]:
    """Follow exactly these indicators; returns (added, removed) indicators."""
    current = {k.indicator_id: k for k in nota.gekozen_indicatoren.select_related("indicator")}
    wanted = {i.pk: i for i in indicators}
    removed = []
    for indicator_id, keuze in current.items():
        if indicator_id not in wanted:
            removed.append(keuze.indicator)
            keuze.delete()
    added = []
    for indicator_id, indicator in wanted.items():
        if indicator_id not in current:
            GekozenIndicator.objects.create(nota=nota, indicator=indicator)
            added.append(indicator)
    return added, removed
