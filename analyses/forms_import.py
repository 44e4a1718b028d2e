from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .importplan import year_columns
from .models import ImportBatch, Indicator
from .models.cijfers import MIN_YEAR, max_year
from .parsing import column_letter


class ImportUploadForm(forms.Form):
    indicator = forms.ModelChoiceField(
        label=gettext_lazy("Indicator"),
        queryset=Indicator.objects.active(),
        help_text=gettext_lazy("Which figure does the file contain? One indicator per file."),
    )
    file = forms.FileField(
        label=gettext_lazy("File"),
        help_text=gettext_lazy(
            "A CSV file or an Excel file (.xlsx) as the publisher offers it, at most 5 MB. "
            "In the next step you say which columns hold what."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.txt,.xlsx"}),
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

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        if cleaned["layout"] == ImportBatch.Layout.WIDE:
            probe = ImportBatch(rows=self.batch.rows, header_line=cleaned["header_line"])
            if not year_columns(probe):
                self.add_error(
                    "layout",
                    _("No column name on the chosen line is a year, so the years cannot be found."),
                )
            cleaned.update(year_column=None, fixed_year=None, value_column=None)
            return cleaned
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
            )
        }


def _summary(cells) -> str:
    text = " | ".join(str(c) for c in cells[:6])
    return text if len(text) <= 70 else text[:69] + "…"
