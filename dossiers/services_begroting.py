"""The multi-year budget as a grid: budget lines by the round's years, with its totals, the
balance of every year and the actions' estimated costs beside the budget's line for actions.

Every expense category and income source has a line, and so has the contribution of every
participating municipality, whether or not anything was typed in it yet: lines that hold no
amount exist only in the grid, and are stored the first time an amount is saved in them. So
reading the budget never writes.

Saving is all or nothing. Each cell carries the version of the amount it showed; when someone
else changed that amount in the meantime (and to something else), the save is refused for that
cell with both values, so nobody overwrites another's work unknowingly.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.db.models import DecimalField, Sum
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from netwerken import bounds
from netwerken.fields import too_long_message
from netwerken.numbers import format_euro

from .budget_totals import ZERO, BudgetTotals, line_total
from .models import ActieKost, Afsprakennota, Begrotingsbedrag, Begrotingspost
from .money import amount_problem, parse_amount

# A sum of many amounts can pass what one amount's column holds; SQLite would refuse to read it.
TOTAL = DecimalField(max_digits=20, decimal_places=2)
Kind, Category = Begrotingspost.Kind, Begrotingspost.Category


@dataclass
class Cell:
    line: "Line"
    year: int
    amount: Decimal | None = None
    version: int = 0
    typed: str | None = None  # what the user typed, shown again when it could not be saved
    error: str = ""
    conflict: dict | None = None

    @property
    def name(self) -> str:
        return f"c-{self.line.key}-{self.year}"

    @property
    def version_name(self) -> str:
        return f"v-{self.line.key}-{self.year}"

    @property
    def value(self) -> str:
        if self.typed is not None:
            return self.typed
        return format_euro(self.amount, symbol=False) if self.amount is not None else ""


@dataclass
class Line:
    key: str  # "personeel", "gemeente-<gemeente pk>": stable, usable in field names and ids
    kind: str
    category: str
    label: str
    gemeente: object = None
    post: Begrotingspost | None = None
    participating: bool = True
    note_error: str = ""
    cells: list[Cell] = field(default_factory=list)
    typed_note: str | None = None

    @property
    def note_name(self) -> str:
        return f"n-{self.key}"

    @property
    def note(self) -> str:
        if self.typed_note is not None:
            return self.typed_note
        return self.post.note if self.post else ""

    @property
    def total(self) -> Decimal:
        return line_total(c.amount for c in self.cells)

    @property
    def is_expense(self) -> bool:
        return self.kind == Kind.UITGAVE

    @property
    def anchor(self) -> str | None:
        return f"begrotingspost:{self.post.pk}" if self.post else None


class BudgetGrid:
    """The budget of one dossier, loaded in a fixed number of queries."""

    def __init__(self, nota, data=None):
        self.nota = nota
        self.years = list(nota.ronde.years)
        posts = data.begrotingsposten if data is not None else list(
            nota.begrotingsposten.select_related("gemeente").prefetch_related("bedragen")
        )
        deelnemers = data.deelnemers if data is not None else list(
            nota.netwerk.deelnemende_gemeenten.select_related("gemeente")
        )
        by_category = {p.category: p for p in posts if p.gemeente_id is None}
        by_gemeente = {p.gemeente_id: p for p in posts if p.gemeente_id is not None}

        self.expenses = [self._line(Kind.UITGAVE, c, by_category.get(c)) for c in Begrotingspost.EXPENSES]
        self.income = []
        for category in Begrotingspost.INCOME:
            if category != Category.GEMEENTE:
                self.income.append(self._line(Kind.INKOMST, category, by_category.get(category)))
                continue
            participating = {d.gemeente_id for d in deelnemers}
            for d in deelnemers:
                self.income.append(self._municipal_line(d.gemeente, by_gemeente.get(d.gemeente_id)))
            for gemeente_id, post in by_gemeente.items():
                if gemeente_id not in participating:
                    self.income.append(self._municipal_line(post.gemeente, post, participating=False))
        self.lines = {line.key: line for line in self.expenses + self.income}

    def _line(self, kind, category, post):
        label = capfirst(Category(category).label)
        return self._fill(Line(key=category, kind=kind, category=category, label=label, post=post))

    def _municipal_line(self, gemeente, post, participating=True):
        label = _("Contribution of %(gemeente)s") % {"gemeente": gemeente.name}
        line = Line(
            key=f"gemeente-{gemeente.pk}", kind=Kind.INKOMST, category=Category.GEMEENTE,
            label=label, gemeente=gemeente, post=post, participating=participating,
        )
        return self._fill(line)

    def _fill(self, line):
        stored = {b.year: b for b in line.post.bedragen.all()} if line.post else {}
        for year in self.years:
            amount = stored.get(year)
            line.cells.append(
                Cell(line, year, amount.amount if amount else None, amount.version if amount else 0)
            )
        return line

    def cell(self, key: str, year: int) -> Cell | None:
        line = self.lines.get(key)
        if line is None or year not in self.years:
            return None
        return line.cells[self.years.index(year)]

    def cells(self):
        for line in self.lines.values():
            yield from line.cells

    # --- totals ---

    @property
    def totals(self) -> BudgetTotals:
        """Computed afresh: the cells' amounts change when typed amounts are read in."""
        lines = [(line.kind, [c.amount for c in line.cells]) for line in self.lines.values()]
        return BudgetTotals.of(lines, len(self.years))

    expense_totals = property(lambda self: self.totals.expense_totals)
    income_totals = property(lambda self: self.totals.income_totals)
    balance = property(lambda self: self.totals.balance)
    expense_total = property(lambda self: self.totals.expense_total)
    income_total = property(lambda self: self.totals.income_total)
    balance_total = property(lambda self: self.totals.balance_total)

    @property
    def years_with_totals(self):
        """[(year, expenses, income, balance)] for the totals rows and the rules."""
        totals = self.totals
        return list(zip(self.years, totals.expense_totals, totals.income_totals, totals.balance))

    @property
    def errors(self) -> list[Cell]:
        return [c for c in self.cells() if c.error]

    @property
    def is_empty(self) -> bool:
        return all(c.amount is None for c in self.cells())

    # --- the actions' costs against the line for actions ---

    @property
    def action_costs(self) -> list[Decimal]:
        if not hasattr(self, "_action_costs"):
            rows = (
                ActieKost.objects.filter(actie__od__sd__nota=self.nota, year__in=self.years)
                .values("year")
                .annotate(total=Sum("amount", output_field=TOTAL))
                .order_by()
            )
            by_year = {r["year"]: r["total"] for r in rows}
            self._action_costs = [by_year.get(y, ZERO) for y in self.years]
        return self._action_costs

    @property
    def action_comparison(self):
        """[(year, costs of the actions, the budget's line for actions, line minus costs)]."""
        line = self.lines[Category.ACTIES]
        return [
            (year, cost, line.cells[i].amount or ZERO, (line.cells[i].amount or ZERO) - cost)
            for i, (year, cost) in enumerate(zip(self.years, self.action_costs))
        ]


class BudgetRefused(Exception):
    """Nothing was saved; the grid's cells carry their messages."""

    def __init__(self, grid):
        super().__init__("budget refused")
        self.grid = grid

    @property
    def errors(self) -> list[Cell]:
        return [c for c in self.grid.cells() if c.error]


def read_typed(grid: BudgetGrid, data) -> tuple[list[Cell], list[Line]]:
    """Put what the user sent into the grid. Returns the cells and the lines whose amount or
    explanation changes."""
    notes = []
    for line in grid.lines.values():
        if line.note_name in data:
            typed = data.get(line.note_name, "").strip()
            if typed != line.note:
                line.typed_note = typed
                notes.append(line)
    changed = []
    for cell in grid.cells():
        if cell.name not in data:
            continue
        typed = data.get(cell.name, "")
        cell.typed = typed
        try:
            amount = parse_amount(typed)
        except ValueError:
            cell.error = _("“%(value)s” is not an amount. Write it like 1.250,50.") % {"value": typed}
            continue
        if amount is not None:
            cell.error = amount_problem(amount)
            if cell.error:
                continue
            amount = amount.quantize(Decimal("0.01"))
        try:
            sent_version = int(data.get(cell.version_name, cell.version))
        except (TypeError, ValueError):
            sent_version = cell.version
        if amount != cell.amount:
            if sent_version != cell.version:
                cell.conflict = {"theirs": cell.amount, "version": cell.version}
                cell.error = _(
                    "Someone else changed this amount to %(theirs)s in the meantime. Save again to "
                    "keep yours."
                ) % {"theirs": format_euro(cell.amount) if cell.amount is not None else _("empty")}
                continue
            cell.amount = amount
            changed.append(cell)
    return changed, notes


def budget_save(*, nota, data) -> BudgetGrid:
    """Save the amounts in `data` (field name -> typed text, with the versions the user saw).

    Returns the updated grid; raises BudgetRefused carrying the grid with every cell's message
    when anything is wrong, and then nothing is saved.
    """
    with transaction.atomic():
        # Lock the dossier so that two saves of the same budget cannot interleave.
        list(Afsprakennota.objects.select_for_update().filter(pk=nota.pk).values_list("pk"))
        grid = BudgetGrid(nota)
        changed, notes = read_typed(grid, data)
        for line in notes:
            if len(line.typed_note) > bounds.TITLE:
                line.note_error = too_long_message(bounds.TITLE, len(line.typed_note))
        if any(c.error for c in grid.cells()) or any(x.note_error for x in notes):
            raise BudgetRefused(grid)
        for line in notes:
            line.post = line.post or _post(nota, line)
            line.post.note = line.typed_note
            line.post.save()
            line.typed_note = None
        for cell in changed:
            _store(nota, cell)
    for cell in grid.cells():  # saved: show every amount the Belgian way again
        cell.typed = None
    grid.changed = changed
    return grid


def _post(nota, line: Line) -> Begrotingspost:
    categories = Begrotingspost.EXPENSES + Begrotingspost.INCOME
    post = Begrotingspost.objects.create(
        nota=nota, kind=line.kind, category=line.category, gemeente=line.gemeente,
        position=categories.index(line.category),
    )
    return post


def _store(nota, cell: Cell):
    line = cell.line
    if line.post is None:
        line.post = _post(nota, line)
    # The grid was read after the dossier was locked, so what it holds is what is stored.
    stored = next((b for b in line.post.bedragen.all() if b.year == cell.year), None)
    if cell.amount is None:
        if stored is not None:
            stored.delete()
        cell.version = 0
        return
    if stored is None:
        stored = Begrotingsbedrag(post=line.post, year=cell.year)
    stored.amount = cell.amount
    stored.save()
    cell.version = stored.version


def unversioned(data) -> list[str]:
    """The amounts in `data` sent without the version they were typed over.

    Without it a save could overwrite a colleague's amount unseen, so such a save is refused
    (the grid and the cell saves always send it; a hand-made or broken request may not)."""
    missing = []
    for name in data:
        if not name.startswith("c-"):
            continue
        version = data.get("v-" + name[2:], "")
        if not (isinstance(version, str) and version.strip().isdigit()):
            missing.append(name)
    return missing
