"""Imports of indicator values: a file read once, mapped, previewed, confirmed, and undoable.

Web processes keep no state between requests, so the rows read from the uploaded file are kept
in the batch itself until the user confirms. Every value an import creates or changes is
recorded with the value it replaced, which is what makes undo exact.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from netwerken.models import Gemeente

from .cijfers import Indicator


class ImportBatchQuerySet(models.QuerySet):
    def visible_to(self, user, *, sees_all: bool):
        return self if sees_all else self.filter(uploaded_by=user)


class ImportBatch(models.Model):
    class Status(models.TextChoices):
        READING = "lezen", _("being read")
        UNREADABLE = "onleesbaar", _("could not be read")
        UPLOADED = "geladen", _("read, columns not chosen yet")
        MAPPED = "gekoppeld", _("ready to check")
        IMPORTED = "geimporteerd", _("imported")
        UNDONE = "ongedaan", _("undone")
        CANCELLED = "geannuleerd", _("cancelled")

    class Layout(models.TextChoices):
        LONG = "lang", _("one row per municipality and year")
        WIDE = "breed", _("one row per municipality, one column per year")

    class MatchBy(models.TextChoices):
        NIS = "nis", _("NIS code")
        NAME = "naam", _("name")

    class Separator(models.TextChoices):
        POINT = "point", _("a point: 0.194 is zero point one nine four")
        COMMA = "comma", _("a comma: 0,194; a point separates thousands (1.234 is one thousand)")

    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.PROTECT, related_name="imports"
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("imported by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    filename = models.CharField(_("file"), max_length=255)
    file_sha256 = models.CharField(max_length=64, editable=False)
    note = models.CharField(_("note"), max_length=300, blank=True)
    # [[line number, [cell, ...]], ...]: text cells as strings, spreadsheet numbers as numbers.
    rows = models.JSONField(default=list, editable=False)
    # A semicolon-separated file writes 1.234,5; a comma-separated one 1234.5. (Before decimals
    # were decided per column; no longer read.)
    decimal_comma = models.BooleanField(default=True, editable=False)
    # The uploaded file itself, kept until the import is done, so that it can be read again with
    # another sheet or filter (the background worker reads it: see `analyses/reading/`).
    source = models.BinaryField(null=True, editable=False)
    read_options = models.JSONField(default=dict, editable=False)
    read_problem = models.CharField(max_length=500, blank=True, editable=False)
    # What the reading learnt: sheets, decimal separator per column, dimension columns.
    reading = models.JSONField(default=dict, editable=False)
    # The user's choice of decimal separator for the figures; empty: as decided per column.
    decimal = models.CharField(
        _("decimal separator"), max_length=10, choices=Separator.choices, blank=True
    )
    # One column per year: the year columns to import (None: all of them).
    chosen_columns = models.JSONField(null=True, blank=True)
    periods_as_last_year = models.BooleanField(
        _("read a period such as 2021-2023 as its last year"), default=False
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.UPLOADED
    )
    header_line = models.PositiveIntegerField(_("line with the column names"), default=0)
    layout = models.CharField(
        _("layout"), max_length=10, choices=Layout.choices, default=Layout.LONG
    )
    gemeente_column = models.PositiveSmallIntegerField(null=True, blank=True)
    match_by = models.CharField(max_length=10, choices=MatchBy.choices, default=MatchBy.NAME)
    year_column = models.PositiveSmallIntegerField(null=True, blank=True)
    fixed_year = models.PositiveSmallIntegerField(null=True, blank=True)
    value_column = models.PositiveSmallIntegerField(null=True, blank=True)
    # Names in the file the user matched to a municipality in the preview: {name key: NIS code}.
    accepted_names = models.JSONField(default=dict, blank=True, editable=False)
    # Where the user came from, to bring them back after the import.
    return_to = models.CharField(max_length=300, blank=True)
    imported_at = models.DateTimeField(_("imported at"), null=True, blank=True)
    undone_at = models.DateTimeField(_("undone at"), null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    n_created = models.PositiveIntegerField(_("new values"), default=0)
    n_changed = models.PositiveIntegerField(_("changed values"), default=0)
    n_unchanged = models.PositiveIntegerField(_("unchanged values"), default=0)

    objects = ImportBatchQuerySet.as_manager()

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.indicator} – {self.filename}"

    @property
    def is_open(self) -> bool:
        """Still being prepared: columns may be chosen and the import confirmed."""
        return self.status in {self.Status.READING, self.Status.UPLOADED, self.Status.MAPPED}

    @property
    def data_rows(self) -> list:
        """The rows after the line with the column names."""
        return [row for row in self.rows if row[0] > self.header_line]

    @property
    def headers(self) -> list[str]:
        for line, cells in self.rows:
            if line == self.header_line:
                return [str(c) for c in cells]
        return []

    @property
    def width(self) -> int:
        return max((len(cells) for _line, cells in self.rows), default=0)


class ImportChange(models.Model):
    """One value an import created or changed, with what was there before."""

    batch = models.ForeignKey(ImportBatch, on_delete=models.CASCADE, related_name="changes")
    gemeente = models.ForeignKey(
        Gemeente, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    year = models.PositiveSmallIntegerField()
    old_value = models.DecimalField(max_digits=16, decimal_places=4, null=True, blank=True)
    old_batch = models.ForeignKey(
        ImportBatch, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    new_value = models.DecimalField(max_digits=16, decimal_places=4)

    class Meta:
        verbose_name = _("imported value")
        verbose_name_plural = _("imported values")
        ordering = ["pk"]

    @property
    def key(self) -> tuple:
        return (self.gemeente_id, self.year)
