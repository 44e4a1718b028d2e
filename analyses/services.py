"""Operations that span several models: imports of indicator values.

Keyword-only, atomic, and never given a request: views call them, tests call them directly.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.tasks import task
from django.utils import timezone
from django.utils.translation import gettext as _

from netwerken.limits import LimitExceeded, Limits, WorkFailed, run_limited
from netwerken.models import Gemeente

from .access import ImportScope
from .importplan import Plan, guess_mapping, plan_import
from .matching import match_key
from .models import ImportBatch, ImportChange, Indicator, IndicatorValue
from .parsing import FileProblem
from .reading import ReadOptions, Table, check_upload, read_table
from .reading.limits import MAX_BYTES

log = logging.getLogger(__name__)


class ImportRefused(Exception):
    """The import cannot go ahead; the message says why, in Dutch."""


def import_batch_create(
    *,
    indicator: Indicator,
    uploaded,
    user,
    return_to: str = "",
    options: dict | None = None,
    background: bool = True,
) -> ImportBatch:
    """Keep the uploaded file and have the worker read it (raises FileProblem at once for a file
    that can never be read: too large, empty, binary, or a workbook that declares too much).

    Without `background` (commands, the demo) the file is read before this returns, within the
    same limits, and a file that cannot be read raises FileProblem with nothing saved.
    """
    data = uploaded.read(MAX_BYTES + 1)
    name = (getattr(uploaded, "name", "") or "bestand")[:255]
    check_upload(data, name)
    batch = ImportBatch(
        indicator=indicator,
        uploaded_by=user,
        filename=name,
        source=data,
        read_options=options or {},
        status=ImportBatch.Status.READING,
        return_to=return_to,
    )
    if not background:
        apply_table(batch, read_in_limits(data, name, read_options(batch)), guess=True)
        batch.status = ImportBatch.Status.UPLOADED
        batch.save()
        return batch
    batch.save()
    _queue_reading(batch, guess=True)
    return batch


def read_options(batch: ImportBatch) -> ReadOptions:
    return ReadOptions(
        sheet=batch.read_options.get("sheet", ""),
        filter_column=batch.read_options.get("filter_column"),
        filter_value=batch.read_options.get("filter_value", ""),
        filter_after=batch.read_options.get("filter_after", 0),
    )


def _queue_reading(batch: ImportBatch, *, guess: bool):
    # Not on commit: callers do not hold a transaction (the batch row is already committed), and
    # the immediate backend of tests then reads the file within the request.
    read_import.enqueue(batch.pk, guess)


def import_limits() -> Limits:
    return Limits(
        seconds=settings.IMPORT_READ_TIME_LIMIT_SECONDS, memory_mb=settings.IMPORT_READ_MEMORY_LIMIT_MB
    )


def read_in_limits(data: bytes, name: str, options: ReadOptions) -> Table:
    """`read_table` in a child process within the import limits (FileProblem on any failure)."""
    try:
        return run_limited(read_table, data, name, options, limits=import_limits())
    except WorkFailed as failure:
        if failure.remote_type == "FileProblem":
            raise FileProblem(str(failure)) from None
        log.warning("Reading an import failed: %s", failure.details)
        raise FileProblem(_("This file cannot be read. Save it again as CSV or .xlsx and try again.")) from None
    except LimitExceeded as limit:
        log.warning("Reading an import stopped: %s", limit)
        raise FileProblem(
            _("Reading this file took too long or needed too much memory. Keep only the sheet, rows and columns you need.")
        ) from None


def import_batch_read(*, batch_id: int, guess: bool) -> ImportBatch | None:
    """Read the batch's file (the task): its rows, or the reason it cannot be read."""
    batch = ImportBatch.objects.filter(pk=batch_id, status=ImportBatch.Status.READING).first()
    if batch is None or batch.source is None:
        return batch
    try:
        table = read_in_limits(bytes(batch.source), batch.filename, read_options(batch))
    except FileProblem as problem:
        batch.status, batch.read_problem, batch.rows = ImportBatch.Status.UNREADABLE, str(problem), []
        batch.source = None
        batch.save(update_fields=["status", "read_problem", "rows", "source"])
        return batch
    apply_table(batch, table, guess=guess)
    batch.status = ImportBatch.Status.UPLOADED
    batch.save()
    return batch


def apply_table(batch: ImportBatch, table: Table, *, guess: bool) -> None:
    """Put what the reading found into the batch (unsaved)."""
    batch.rows, batch.file_sha256, batch.read_problem = table.rows, table.sha256, ""
    batch.reading = {k: v for k, v in table.as_dict().items() if k not in {"rows", "sha256"}}
    if guess:
        batch.chosen_columns, batch.periods_as_last_year, batch.decimal = None, False, ""
        batch.gemeente_column = batch.year_column = batch.value_column = batch.fixed_year = None
        batch.layout = ImportBatch.Layout.LONG
        guess_mapping(batch)


def import_batch_reread(*, batch: ImportBatch, options: dict, guess: bool) -> ImportBatch:
    """Read the file again with another sheet or filter, in the background."""
    if not batch.is_open or batch.source is None:
        raise ImportRefused(_("This import is closed: start a new one."))
    batch.read_options = {k: v for k, v in options.items() if v not in (None, "")}
    batch.status = ImportBatch.Status.READING
    batch.save(update_fields=["read_options", "status"])
    _queue_reading(batch, guess=guess)
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
    batch.source = None  # the file is no longer needed; its rows go after IMPORT_KEEP_DAYS
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
    now = timezone.now()
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
            value.updated_at = now  # a dossier's revision (dossiers/checks.py) reads it
            to_restore.append(value)
    IndicatorValue.objects.filter(pk__in=to_delete).delete()
    IndicatorValue.objects.bulk_update(to_restore, ["value", "batch", "updated_at"])
    batch.status = ImportBatch.Status.UNDONE
    batch.undone_at = now
    batch.undone_by = user
    batch.save()
    return batch


def import_batch_cancel(*, batch: ImportBatch) -> ImportBatch:
    if not batch.is_open:
        raise ImportRefused(_("This import is closed: start a new one."))
    batch.status = ImportBatch.Status.CANCELLED
    batch.rows, batch.source = [], None  # the file's contents are no longer needed
    batch.save()
    return batch


@task()
def read_import(batch_id: int, guess: bool) -> None:
    """Background work, run by the database-backed worker (`manage.py db_worker`)."""
    import_batch_read(batch_id=batch_id, guess=guess)
