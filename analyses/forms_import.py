from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from netwerken.numbers import format_count

from .importplan import year_columns
from .importreading import candidate_year_columns, column_label, decision, group_label
from .models import ImportBatch, Indicator
from .models.cijfers import MIN_YEAR, max_year
from .parsing import column_letter
from .reading import COMMA, POINT, example_reading
from .reading.cells import period_of
from .reading.limits import MAX_ROWS


class ImportUploadForm(forms.Form):
    indicator = forms.ModelChoiceField(
        label=gettext_lazy("Indicator"),
        queryset=Indicator.objects.active(),
        help_text=gettext_lazy("Which figure does the file contain? One indicator per file."),
    )
    file = forms.FileField(
        label=gettext_lazy("File"),
        help_text=gettext_lazy(
            "A CSV or text file, an Excel workbook (.xlsx) or a ZIP with one text file in it, "
            "at most 5 MB. In the next step you check which columns hold what."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,.tsv,.xlsx,.zip"}),
    )


class ImportMappingForm(forms.Form):
    header_line = forms.TypedChoiceField(label=gettext_lazy("Column names are on"), coerce=int)
    layout = forms.ChoiceField(
        label=gettext_lazy("How the file is laid out"),
        choices=ImportBatch.Layout.choices,
        widget=forms.RadioSelect,
    )
    gemeente_column = forms.TypedChoiceField(label=gettext_lazy("Column with the municipality"), coerce=int)
    match_by = forms.ChoiceField(
        label=gettext_lazy("The municipality is given by its"),
        choices=ImportBatch.MatchBy.choices,
        widget=forms.RadioSelect,
    )
    year_column = forms.TypedChoiceField(
        label=gettext_lazy("Column with the year"), coerce=int, required=False, empty_value=None
    )
    fixed_year = forms.IntegerField(
        label=gettext_lazy("Or: every figure in the file is for the year"),
        required=False,
        help_text=gettext_lazy("Only when the file has no column with the year."),
    )
    value_column = forms.TypedChoiceField(
        label=gettext_lazy("Column with the figure"), coerce=int, required=False, empty_value=None
    )
    chosen_columns = forms.TypedMultipleChoiceField(
        label=gettext_lazy("Year columns to import"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Only for one column per year. Tick none to import every year column."),
    )
    periods_as_last_year = forms.BooleanField(
        label=gettext_lazy("Read a period such as 2021-2023 as its last year (2023)"), required=False
    )
    decimal = forms.ChoiceField(
        label=gettext_lazy("Decimal separator of the figures"),
        required=False,
        widget=forms.RadioSelect,
    )
    sheet = forms.ChoiceField(label=gettext_lazy("Sheet"), required=False)
    row_filter = forms.ChoiceField(
        label=gettext_lazy("Only the rows where"),
        required=False,
        help_text=gettext_lazy(
            "For files with several rows per municipality and year, for instance per sex or age group."
        ),
    )

    def __init__(self, *args, batch: ImportBatch, **kwargs):
        self.batch = batch
        super().__init__(*args, **kwargs)
        self.fields["header_line"].choices = [(0, _("no line: the file has no column names"))] + [
            (line, _("line %(line)s: %(cells)s") % {"line": line, "cells": _summary(cells)})
            for line, cells in batch.rows[:15]
        ]
        headers = batch.headers
        columns = [
            (
                index,
                f"{column_letter(index)}: {headers[index]}"
                if index < len(headers) and str(headers[index]).strip()
                else _("column %(letter)s") % {"letter": column_letter(index)},
            )
            for index in range(batch.width)
        ]
        self.fields["gemeente_column"].choices = columns
        self.fields["year_column"].choices = [("", _("no year column"))] + columns
        self.fields["value_column"].choices = [("", "---------")] + columns
        self.fields["chosen_columns"].choices = [
            (c.index, _year_choice_label(batch, c)) for c in candidate_year_columns(batch)
        ]
        self.fields["decimal"].choices = _decimal_choices(batch)
        reading = batch.reading or {}
        sheets = reading.get("sheets") or []
        self.fields["sheet"].choices = [(name, name) for name in sheets]
        self.fields["row_filter"].choices = [("", _("all rows"))] + [
            (f"{index}:{value}", f"{column_label(batch, int(index))} = {value}")
            for index, values in sorted(reading.get("dimensions", {}).items(), key=lambda kv: int(kv[0]))
            for value in values
            if str(value).strip() and value != (headers[int(index)] if int(index) < len(headers) else None)
        ]
        options = batch.read_options or {}
        current_filter = (
            f"{options['filter_column']}:{options.get('filter_value', '')}"
            if options.get("filter_column") is not None
            else ""
        )
        if not self.is_bound:
            self.initial.update(
                {
                    "chosen_columns": batch.chosen_columns or [],
                    "periods_as_last_year": batch.periods_as_last_year,
                    "decimal": batch.decimal,
                    "sheet": reading.get("sheet", ""),
                    "row_filter": current_filter,
                }
            )
        self.current_filter = current_filter
        if not self.is_bound:
            self.initial.update(
                {
                    "header_line": batch.header_line,
                    "layout": batch.layout,
                    "gemeente_column": batch.gemeente_column,
                    "match_by": batch.match_by,
                    "year_column": batch.year_column,
                    "fixed_year": batch.fixed_year,
                    "value_column": batch.value_column,
                }
            )

    def clean_fixed_year(self):
        year = self.cleaned_data.get("fixed_year")
        if year is not None and not MIN_YEAR <= year <= max_year():
            raise forms.ValidationError(
                _("Give a year from %(min)s to %(max)s.") % {"min": MIN_YEAR, "max": max_year()}
            )
        return year

    @property
    def shows_sheets(self) -> bool:
        return len(self.fields["sheet"].choices) > 1

    @property
    def shows_filter(self) -> bool:
        return len(self.fields["row_filter"].choices) > 1

    @property
    def shows_periods(self) -> bool:
        if any(c.period for c in candidate_year_columns(self.batch)):
            return True
        if self.batch.year_column is None:
            return False
        return any(
            period_of(cells[self.batch.year_column])
            for _line, cells in self.batch.data_rows[:200]
            if self.batch.year_column < len(cells)
        )

    def sheet_changed(self) -> bool:
        new = self.cleaned_data.get("sheet")
        return bool(new) and new != (self.batch.reading or {}).get("sheet", "")

    def filter_changed(self) -> bool:
        return self.cleaned_data.get("row_filter", "") != self.current_filter

    def read_options(self) -> dict:
        """The options to read the file again with: its sheet and filter."""
        options = {"sheet": self.cleaned_data.get("sheet") or (self.batch.reading or {}).get("sheet", "")}
        chosen = self.cleaned_data.get("row_filter")
        if chosen:
            column, value = chosen.split(":", 1)
            options.update(
                filter_column=int(column), filter_value=value, filter_after=self.cleaned_data["header_line"]
            )
        return options

    def clean(self):
        cleaned = super().clean()
        if self.errors or self.sheet_changed():
            return cleaned
        if (self.batch.reading or {}).get("too_many") and not self.filter_changed():
            self.add_error(
                "row_filter",
                _(
                    "The file has more than %(max)s rows. Choose the rows to keep, for instance only "
                    "the totals."
                )
                % {"max": format_count(MAX_ROWS)},
            )
            return cleaned
        if cleaned["layout"] == ImportBatch.Layout.WIDE:
            probe = ImportBatch(
                rows=self.batch.rows,
                header_line=cleaned["header_line"],
                periods_as_last_year=cleaned.get("periods_as_last_year", False),
                chosen_columns=cleaned.get("chosen_columns") or None,
            )
            periods = [c for c in candidate_year_columns(probe) if c.period]
            if not year_columns(probe) and periods and not probe.periods_as_last_year:
                self.add_error(
                    "periods_as_last_year",
                    _(
                        "The column names are periods such as %(example)s, not years. Tick the box "
                        "to read each period as its last year (%(last)s)."
                    )
                    % {"example": periods[0].header, "last": periods[0].year},
                )
            elif not year_columns(probe):
                self.add_error(
                    "layout",
                    _("No column name on the chosen line is a year, so the years cannot be found."),
                )
            cleaned.update(year_column=None, fixed_year=None, value_column=None)
            cleaned["chosen_columns"] = cleaned.get("chosen_columns") or None
            return cleaned
        cleaned["chosen_columns"] = None
        if cleaned.get("value_column") is None:
            self.add_error("value_column", _("Choose the column with the figure."))
        elif cleaned["value_column"] == cleaned["gemeente_column"]:
            self.add_error("value_column", _("The figure cannot be in the municipality's column."))
        if cleaned.get("year_column") is None and cleaned.get("fixed_year") is None:
            self.add_error("year_column", _("Choose the column with the year, or give the year."))
        elif cleaned.get("year_column") is not None:
            if cleaned["year_column"] in {cleaned["gemeente_column"], cleaned.get("value_column")}:
                self.add_error("year_column", _("The year needs a column of its own."))
            cleaned["fixed_year"] = None
        return cleaned

    def mapping(self) -> dict:
        return {
            name: self.cleaned_data.get(name)
            for name in (
                "header_line",
                "layout",
                "gemeente_column",
                "match_by",
                "year_column",
                "fixed_year",
                "value_column",
                "chosen_columns",
                "periods_as_last_year",
                "decimal",
            )
        }


def _year_choice_label(batch: ImportBatch, column) -> str:
    label = f"{column_letter(column.index)}: {column.header}"
    group = group_label(batch, column.index)
    return f"{label} ({group})" if group else label


def _decimal_choices(batch: ImportBatch) -> list:
    """Automatic (with what was decided), a point, or a comma; each with an example."""
    wanted = [batch.value_column] if batch.value_column is not None else []
    wanted += [c.index for c in candidate_year_columns(batch)]
    examples = [decision(batch, c) for c in wanted]
    example = next((d["ambiguous"] for d in examples if d["ambiguous"]), None) or next(
        (d["example"] for d in examples if d["example"]), None
    )
    choices = [("", _("as decided per column (see the check)"))]
    for value, name in ((POINT, _("a point")), (COMMA, _("a comma"))):
        if example:
            name = _("%(name)s: %(example)s is read as %(reading)s") % {
                "name": name,
                "example": example,
                "reading": example_reading(example, value) or _("no number"),
            }
        choices.append((value, name))
    return choices


def _summary(cells) -> str:
    text = " | ".join(str(c) for c in cells[:6])
    return text if len(text) <= 70 else text[:69] + "…"
