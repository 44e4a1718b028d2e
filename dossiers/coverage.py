"""The coverage of Flanders in a round: which municipalities (and Antwerp's districts) belong to
no network, to one, or to more than one, and where the round's required partners are missing.

A network counts with the municipalities it lists now (the list belongs to the network, not to a
dossier). Antwerp as a whole covers its districts; when Antwerp itself takes part in no network,
it is covered when all its districts are, and partly covered when some are.
Loaded in a fixed number of queries, however many networks there are.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from analyses.models import IndicatorValue
from netwerken.models import DeelnemendeGemeente, Gemeente, Partner, Provincie

from .models import Indienronde

# The indicator whose values are the number of inhabitants, when an administrator loaded it.
POPULATION_INDICATOR = "inwoners"

NONE, ONCE, DOUBLE, PARTIAL = "none", "once", "double", "partial"


@dataclass
class Unit:
    """A municipality, or a district under its municipality, with the networks it belongs to."""

    gemeente: Gemeente
    netwerken: list = field(default_factory=list)
    districts: list = field(default_factory=list)
    inhabitants: Decimal | None = None
    state: str = NONE

    @property
    def is_gap(self) -> bool:
        return self.state in (NONE, PARTIAL)

    @property
    def network_names(self) -> str:
        return ", ".join(n.name for n in self.netwerken)


@dataclass
class Figures:
    """How much of an area is covered: municipalities, and inhabitants when they are loaded."""

    total: int = 0
    once: int = 0
    double: int = 0
    none: int = 0
    partial: int = 0
    inhabitants_total: Decimal = Decimal("0")
    inhabitants_covered: Decimal = Decimal("0")
    has_inhabitants: bool = False

    @property
    def covered(self) -> int:
        return self.once + self.double

    @property
    def share(self) -> float:
        return self.covered / self.total if self.total else 0.0

    @property
    def inhabitants_share(self) -> float | None:
        if not self.has_inhabitants or not self.inhabitants_total:
            return None
        return float(self.inhabitants_covered / self.inhabitants_total)

    def add(self, unit: Unit):
        self.total += 1
        setattr(self, unit.state, getattr(self, unit.state) + 1)
        if unit.inhabitants is not None:
            self.has_inhabitants = True
            self.inhabitants_total += unit.inhabitants
            if unit.state in (ONCE, DOUBLE):
                self.inhabitants_covered += unit.inhabitants


@dataclass
class Province:
    code: str
    label: str
    units: list = field(default_factory=list)
    figures: Figures = field(default_factory=Figures)

    @property
    def gaps(self) -> list:
        return [u for u in self.units if u.is_gap]

    @property
    def doubles(self) -> list:
        return [u for u in self.units if u.state == DOUBLE or any(d.state == DOUBLE for d in u.districts)]


@dataclass
class MissingRow:
    """A participating municipality or district with the required partners it lacks."""

    gemeente: Gemeente
    netwerken: list
    present: list  # one bool per requirement, in the round's order


@dataclass
class Coverage:
    ronde: Indienronde
    provinces: list
    figures: Figures
    requirements: list
    missing: list  # MissingRow, only those lacking something
    complete: int  # participating units that lack nothing

    @property
    def gaps(self) -> list:
        return [u for p in self.provinces for u in p.gaps]

    @property
    def doubles(self) -> list:
        return [u for p in self.provinces for u in p.doubles]


def _state(count: int) -> str:
    return NONE if count == 0 else ONCE if count == 1 else DOUBLE


def _inhabitants() -> dict:
    """{gemeente id: inhabitants in the latest year loaded for it}."""
    latest = {}
    rows = IndicatorValue.objects.filter(
        indicator__code=POPULATION_INDICATOR, gemeente__isnull=False
    ).values_list("gemeente_id", "year", "value").order_by("year")
    for gemeente_id, _year, value in rows:
        latest[gemeente_id] = value
    return latest


def round_coverage(ronde: Indienronde) -> Coverage:
    gemeenten = list(Gemeente.objects.order_by("name"))
    listed = defaultdict(list)  # gemeente id -> networks that list it
    for d in DeelnemendeGemeente.objects.select_related("netwerk").order_by("netwerk__name"):
        listed[d.gemeente_id].append(d.netwerk)
    inhabitants = _inhabitants()

    units = {}
    for g in gemeenten:
        if g.kind == Gemeente.Kind.GEMEENTE:
            units[g.pk] = Unit(g, list(listed.get(g.pk, [])), inhabitants=inhabitants.get(g.pk))
    for g in gemeenten:
        if g.kind == Gemeente.Kind.DISTRICT and g.parent_id in units:
            parent = units[g.parent_id]
            own = [n for n in listed.get(g.pk, []) if n not in parent.netwerken]
            district = Unit(g, parent.netwerken + own, inhabitants=inhabitants.get(g.pk))
            district.state = _state(len(district.netwerken))
            parent.districts.append(district)
    for unit in units.values():
        unit.state = _state(len(unit.netwerken))
        if unit.state == NONE and unit.districts:
            covered = [d for d in unit.districts if d.state != NONE]
            if covered:
                unit.netwerken = list({n.pk: n for d in covered for n in d.netwerken}.values())
                if len(covered) < len(unit.districts):
                    unit.state = PARTIAL
                else:
                    doubled = any(d.state == DOUBLE for d in covered)
                    unit.state = DOUBLE if doubled else ONCE

    provinces = {code: Province(code, label) for code, label in Provincie.choices}
    figures = Figures()
    for unit in units.values():
        province = provinces.get(unit.gemeente.province)
        if province is None:
            continue
        province.units.append(unit)
        province.figures.add(unit)
        figures.add(unit)

    requirements = list(ronde.required_partners.all())
    missing, complete = _missing_partners(requirements, listed, {g.pk: g for g in gemeenten})
    return Coverage(
        ronde=ronde, provinces=list(provinces.values()), figures=figures,
        requirements=requirements, missing=missing, complete=complete,
    )


def _missing_partners(requirements, listed, gemeenten) -> tuple[list, int]:
    """For every participating municipality or district: which required kinds of partner none
    of its networks has, there (for per-municipality requirements) or at all (for the others)."""
    local = defaultdict(set)  # (gemeente id) -> kinds of partner working there, any network
    in_network = defaultdict(set)  # netwerk id -> kinds of partner it has
    for netwerk_id, kind, gemeente_id in Partner.objects.values_list("netwerk_id", "kind", "gemeente_id"):
        in_network[netwerk_id].add(kind)
        if gemeente_id is not None:
            local[(netwerk_id, gemeente_id)].add(kind)
    rows, complete = [], 0
    for gemeente_id, netwerken in sorted(listed.items(), key=lambda item: gemeenten[item[0]].name):
        present = []
        for required in requirements:
            kinds = set(required.kinds)
            if required.per_gemeente:
                found = any(kinds & local[(n.pk, gemeente_id)] for n in netwerken)
            else:
                found = any(kinds & in_network[n.pk] for n in netwerken)
            present.append(found)
        if all(present):
            complete += 1
        else:
            rows.append(MissingRow(gemeenten[gemeente_id], netwerken, present))
    return rows, complete
