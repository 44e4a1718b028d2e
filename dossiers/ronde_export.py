"""The round overview, the coverage and the missing partners as XLSX and CSV tables.

Names come from users (a network may be called "=HYPERLINK(...)"), so no text cell may start a
formula: text that starts with =, +, -, @ or a tab or carriage return gets a leading apostrophe.
Numbers stay numbers. Every file starts with the round's name and the date it was made.
"""

import csv
import io
from datetime import date, datetime
from decimal import Decimal

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from .comparison import Comparison
from .coverage import DOUBLE, NONE, ONCE, PARTIAL, Coverage
from .overview import Overview

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
CSV_DELIMITER = ";"  # what Excel expects in Belgium, with a decimal comma


def safe_text(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def cell_value(value):
    """A number, date or empty stays itself; anything else becomes formula-safe text."""
    if value is None or isinstance(value, (bool, int, float, Decimal, date)):
        if isinstance(value, datetime):
            return timezone.localtime(value).replace(tzinfo=None)
        return value
    return safe_text(str(value))


class Table:
    def __init__(self, title: str, header: list, rows: list, *, ronde):
        self.title, self.header, self.rows, self.ronde = title, header, rows, ronde
        self.made_on = timezone.localdate()

    @property
    def heading(self) -> list[str]:
        return [
            f"{self.title}: {self.ronde.name}",
            _("Made on %(date)s") % {"date": formats.date_format(self.made_on, "j F Y")},
        ]


def to_xlsx(table: Table) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = table.title[:31]
    for line in table.heading:
        sheet.append([safe_text(line)])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([])
    sheet.append([safe_text(str(h)) for h in table.header])
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
    for row in table.rows:
        sheet.append([cell_value(v) for v in row])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # never a formula, whatever the text
            elif isinstance(cell.value, datetime):
                cell.number_format = "dd/mm/yyyy hh:mm"
            elif isinstance(cell.value, Decimal):
                cell.number_format = "#,##0.00"
    sheet.freeze_panes = sheet.cell(row=len(table.heading) + 3, column=1)
    for column, header in enumerate(table.header, start=1):
        sheet.column_dimensions[sheet.cell(row=1, column=column).column_letter].width = max(12, min(40, len(str(header)) + 4))
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def _csv_text(value) -> str:
    value = cell_value(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, (Decimal, float)):
        return str(value).replace(".", ",")
    if isinstance(value, datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def to_csv(table: Table) -> str:
    output = io.StringIO()
    output.write("\ufeff")  # so that Excel reads UTF-8
    writer = csv.writer(output, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    for line in table.heading:
        writer.writerow([safe_text(line)])
    writer.writerow([])
    writer.writerow([safe_text(str(h)) for h in table.header])
    for row in table.rows:
        writer.writerow([_csv_text(v) for v in row])
    return output.getvalue()


def overview_table(overview: Overview) -> Table:
    ronde = overview.ronde
    header = [
        _("Network"), _("IGS"), _("Reference region"), _("Municipalities"), _("Status"),
        _("First submitted at"), _("Days late"), _("Blocking rules met"), _("Blocking rules"),
        _("Warnings"), _("Partners confirmed"), _("Partners asked"), _("Open comments"),
        *[_("Flemish subsidy %(year)s") % {"year": y} for y in ronde.years],
        _("Flemish subsidy %(period)s") % {"period": ronde.period_label},
        _("Last activity"), _("Reviewer"), _("Yearly reports"),
    ]
    rows = []
    for r in overview.rows:
        has = r.nota is not None
        rows.append([
            r.netwerk.name, r.netwerk.igs_name, r.netwerk.referentieregio, r.gemeenten,
            str(r.status_label), r.first_submitted_at, r.late_days,
            r.blocking_met if has else None, r.blocking_total if has else None,
            r.warnings if has else None, r.confirmed if has else None, r.asked if has else None,
            r.open_comments if has else None,
            *(r.subsidy if has else [None] * len(ronde.years)),
            r.subsidy_total if has else None, r.last_activity,
            str(r.reviewer) if r.reviewer else "",
            "; ".join(str(report) for report in r.yearly_reports),
        ])
    t = overview.totals
    rows.append([
        _("Total: %(n)s networks") % {"n": t.networks}, "", "", None,
        _("%(submitted)s submitted, %(approved)s approved") % {"submitted": t.submitted, "approved": t.approved},
        None, None, None, None, None, None, None, None, *t.subsidy, t.subsidy_total, None, "", "",
    ])
    return Table(_("Round overview"), header, rows, ronde=ronde)


STATE_LABELS = {
    NONE: lambda: _("not covered"),
    ONCE: lambda: _("covered"),
    DOUBLE: lambda: _("in more than one network"),
    PARTIAL: lambda: _("partly covered"),
}


def coverage_table(coverage: Coverage) -> Table:
    header = [_("Province"), _("Municipality or district"), _("NIS code"), _("Coverage"), _("Networks"), _("Inhabitants")]
    rows = []
    for province in coverage.provinces:
        for unit in province.units:
            for u in [unit, *unit.districts]:
                rows.append([
                    str(province.label), str(u.gemeente), u.gemeente.nis_code,
                    STATE_LABELS[u.state](), u.network_names, u.inhabitants,
                ])
    return Table(_("Coverage of Flanders"), header, rows, ronde=coverage.ronde)


def missing_partners_table(coverage: Coverage) -> Table:
    header = [_("Municipality or district"), _("Networks"), *[r.label for r in coverage.requirements]]
    rows = [
        [str(m.gemeente), ", ".join(n.name for n in m.netwerken),
         *[_("present") if ok else _("missing") for ok in m.present]]
        for m in coverage.missing
    ]
    return Table(_("Missing required partners"), header, rows, ronde=coverage.ronde)


def comparison_table(comparison: Comparison) -> Table:
    header = [
        _("Network"), _("IGS"), _("Inhabitants"), _("Flemish subsidy asked for the period"),
        _("Flemish subsidy per inhabitant per year"), _("Actions"),
        *[_("Actions for: %(group)s") % {"group": label} for _value, label in comparison.doelgroepen],
        _("Actions led by the IGS"), _("Share led by other partners"), _("Mostly led by the IGS"),
        _("Actions co-decided by people in poverty"), _("Share co-decided"),
    ]
    rows = []
    for r in comparison.rows:
        has = r.nota is not None
        rows.append([
            r.netwerk.name, r.netwerk.igs_name, r.inhabitants, r.subsidy_total if has else None,
            r.subsidy_per_inhabitant_per_year, r.actions if has else None,
            *(r.per_doelgroep if has else [None] * len(comparison.doelgroepen)),
            r.led_by_igs if has else None, r.partner_led_share, r.lopsided if has else None,
            r.co_decided if has else None, r.co_decided_share,
        ])
    return Table(_("Comparison of networks"), header, rows, ronde=comparison.ronde)
