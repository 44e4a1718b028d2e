"""Load a publisher's yearly release from the command line, as publiq staff do for all of Flanders.

The same reading, checks and all-or-nothing import as the web wizard, with the wizard's first
guess of the columns. With --json the outcome is one JSON document on stdout; the exit status is
1 when the file has problems (then nothing is imported).
"""

import json
import sys
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from analyses.access import ImportScope
from analyses.importplan import plan_import
from analyses.importreading import decimal_notes
from analyses.models import ImportBatch, Indicator
from analyses.parsing import FileProblem, column_letter
from analyses.reading import ReadOptions
from analyses.reading.limits import MAX_BYTES
from analyses.services import (
    ImportRefused,
    apply_table,
    import_batch_confirm,
    import_batch_create,
    read_in_limits,
)


def _number(value) -> str:
    """A value as a string with a decimal point and without trailing zeros: "0.194", "12"."""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _row_message(item) -> dict:
    if isinstance(item, (tuple, list)) and len(item) == 2:
        return {"row": item[0], "message": str(item[1])}
    return {"row": None, "message": str(item)}


class Command(BaseCommand):
    help = (
        "Import the values of one indicator from a publisher's file (CSV, text, .xlsx or a ZIP "
        "with one text file). Checks everything first and imports nothing when there is a problem."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="the file as the publisher ships it")
        parser.add_argument("--indicator", required=True, help="the indicator's code")
        parser.add_argument("--sheet", default="", help="the sheet of a workbook (default: the first)")
        parser.add_argument(
            "--decimal", choices=["point", "comma"], help="the decimal separator of the figures"
        )
        parser.add_argument(
            "--periods-as-last-year",
            action="store_true",
            help="read a period such as 2021-2023 as its last year",
        )
        parser.add_argument(
            "--value-column", default="", help="the column with the figure, by its name or letter"
        )
        parser.add_argument(
            "--where",
            default="",
            metavar="COLUMN=VALUE",
            help="keep only the rows whose COLUMN (name or letter) holds VALUE, e.g. CD_SEX=T",
        )
        parser.add_argument("--dry-run", action="store_true", help="check only; import nothing")
        parser.add_argument(
            "--json", action="store_true", dest="as_json", help="print the outcome as JSON"
        )

    def handle(
        self,
        *args,
        file,
        indicator,
        sheet,
        decimal,
        periods_as_last_year,
        value_column,
        where,
        dry_run,
        as_json,
        **options,
    ):
        indicator_obj = Indicator.objects.filter(code=indicator).first()
        if indicator_obj is None:
            raise CommandError(f"Er is geen indicator met code {indicator}.")
        path = Path(file)
        try:
            with path.open("rb") as handle:
                data = handle.read(MAX_BYTES + 1)
        except OSError as error:
            raise CommandError(f"Kan {file} niet lezen: {error}") from error

        outcome = {"values": [], "left_out": [], "problems": [], "warnings": []}
        notes = []
        with transaction.atomic():
            try:
                batch = import_batch_create(
                    indicator=indicator_obj,
                    uploaded=SimpleUploadedFile(path.name, data),
                    user=None,
                    options={"sheet": sheet} if sheet else {},
                    background=False,
                )
            except FileProblem as problem:
                outcome["problems"].append({"row": None, "message": str(problem)})
                return self._finish(outcome, notes, as_json=as_json, imported=False)
            if where:
                column, _is, value = where.partition("=")
                index = self._column(batch, column)
                if index is None or not _is:
                    raise CommandError(f"--where: geen kolom {column!r} in de kolomnamen.")
                options = {
                    **batch.read_options,
                    "filter_column": index,
                    "filter_value": value,
                    "filter_after": batch.header_line,
                }
                try:
                    apply_table(batch, read_in_limits(data, path.name, ReadOptions(**options)), guess=False)
                except FileProblem as problem:
                    outcome["problems"].append({"row": None, "message": str(problem)})
                    return self._finish(outcome, notes, as_json=as_json, imported=False)
                batch.read_options = options
            if value_column:
                index = self._column(batch, value_column)
                if index is None:
                    raise CommandError(f"--value-column: geen kolom {value_column!r} in de kolomnamen.")
                batch.layout, batch.value_column = ImportBatch.Layout.LONG, index
            batch.decimal = decimal or ""
            batch.periods_as_last_year = periods_as_last_year
            batch.status = ImportBatch.Status.MAPPED
            batch.note = "manage.py import_indicators"
            batch.save()
            # Run on the server by publiq staff: the same reach as an administrator.
            scope = ImportScope(everything=True, flemish_reference=True)
            plan = plan_import(batch, scope)
            missing = self._missing_columns(batch)
            outcome["problems"] = [{"row": None, "message": m} for m in missing] + [
                _row_message(p) for p in plan.problems
            ]
            outcome["values"] = [
                {"nis_code": item.gemeente.nis_code if item.gemeente else "02000", "year": item.year,
                 "value": _number(item.value)}
                for item in sorted(plan.new + plan.changed + plan.unchanged, key=lambda i: (i.line, i.year))
            ]
            outcome["left_out"] = [{"row": line, "reason": str(reason)} for line, _what, reason in plan.skipped]
            outcome["warnings"] = [_row_message(w) for w in getattr(plan, "warnings", [])]
            notes = [
                f"Decimaalteken in kolom {', '.join(n['columns'])}: {n['example']} gelezen als {n['reading']}"
                for n in decimal_notes(batch)
            ]
            imported = False
            if not outcome["problems"] and not dry_run:
                try:
                    _batch, plan = import_batch_confirm(batch=batch, scope=scope)
                    imported = True
                except ImportRefused as refused:
                    outcome["problems"].append({"row": None, "message": str(refused)})
            if not imported:
                transaction.set_rollback(True)
        return self._finish(outcome, notes, as_json=as_json, imported=imported, plan=plan)

    def _column(self, batch, name: str) -> int | None:
        """A column by its name in the header line, or by its letter."""
        wanted = name.strip().casefold()
        for index, header in enumerate(batch.headers):
            if header.strip().casefold() == wanted:
                return index
        for index in range(batch.width):
            if column_letter(index).casefold() == wanted:
                return index
        return None

    def _missing_columns(self, batch) -> list[str]:
        if batch.gemeente_column is None:
            return ["Geen kolom met de gemeente gevonden."]
        if batch.layout == ImportBatch.Layout.LONG:
            if batch.value_column is None:
                return ["Geen kolom met het cijfer gevonden."]
            if batch.year_column is None and batch.fixed_year is None:
                return ["Geen kolom met het jaar gevonden."]
        return []

    def _finish(self, outcome, notes, *, as_json, imported, plan=None):
        if as_json:
            self.stdout.write(json.dumps(outcome, ensure_ascii=False, indent=2))
        else:
            for note in notes:
                self.stdout.write(note)
            for problem in outcome["problems"]:
                where = f"rij {problem['row']}: " if problem["row"] else ""
                self.stderr.write(f"{where}{problem['message']}")
            for warning in outcome["warnings"]:
                where = f"rij {warning['row']}: " if warning["row"] else ""
                self.stdout.write(f"Let op: {where}{warning['message']}")
            if outcome["left_out"]:
                self.stdout.write(f"{len(outcome['left_out'])} rijen of cijfers weggelaten.")
            if plan is not None and not outcome["problems"]:
                verb = "Geïmporteerd" if imported else "Zou importeren (--dry-run)"
                self.stdout.write(
                    f"{verb}: {len(plan.new)} nieuwe en {len(plan.changed)} gewijzigde waarden; "
                    f"{len(plan.unchanged)} stonden er al."
                )
        if outcome["problems"]:
            if not as_json:
                self.stderr.write(f"Niets geïmporteerd: {len(outcome['problems'])} probleem/problemen.")
            sys.exit(1)
