"""Networks of one round side by side: the Flemish subsidy asked per inhabitant, the actions per
kansengroep, who leads the actions, and how often people in poverty co-decide.

An action counts as led by the IGS when it names no lead partner (the coordinator carries it) or
when its lead partner is the IGS itself (a partner bearing the IGS's name). The 2016 survey of the
networks found that the IGS leads most actions in 37.7% of them; those networks are flagged.
Loaded in a fixed number of queries, however many networks there are.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Sum

from netwerken.models import DeelnemendeGemeente, Netwerk

from .coverage import _inhabitants
from .models import Actie, Afsprakennota, Begrotingsbedrag, Begrotingspost, Indienronde
from .vocab import Doelgroep, Inspraak

ZERO = Decimal("0")
# Above this share of actions led by the IGS, the network leans on its IGS ("most actions").
LOPSIDED_ABOVE = 0.5


@dataclass
class ComparisonRow:
    netwerk: Netwerk
    nota: Afsprakennota | None = None
    subsidy_total: Decimal = ZERO
    years: int = 0
    inhabitants: Decimal | None = None
    actions: int = 0
    per_doelgroep: list = field(default_factory=list)  # counts in the order of Doelgroep
    led_by_igs: int = 0
    co_decided: int = 0

    @property
    def subsidy_per_inhabitant_per_year(self) -> Decimal | None:
        if not self.nota or not self.inhabitants or not self.years:
            return None
        return (self.subsidy_total / self.years / self.inhabitants).quantize(Decimal("0.01"))

    @property
    def led_by_partners(self) -> int:
        return self.actions - self.led_by_igs

    @property
    def partner_led_share(self) -> float | None:
        return self.led_by_partners / self.actions if self.actions else None

    @property
    def co_decided_share(self) -> float | None:
        return self.co_decided / self.actions if self.actions else None

    @property
    def lopsided(self) -> bool:
        return bool(self.actions) and self.led_by_igs / self.actions > LOPSIDED_ABOVE


@dataclass
class Comparison:
    ronde: Indienronde
    rows: list[ComparisonRow]
    doelgroepen: list  # (value, label) in column order
    has_inhabitants: bool

    @property
    def lopsided(self) -> list[ComparisonRow]:
        return [r for r in self.rows if r.lopsided]

    @property
    def with_actions(self) -> list[ComparisonRow]:
        return [r for r in self.rows if r.actions]

    @property
    def lopsided_share(self) -> float | None:
        counted = self.with_actions
        return len(self.lopsided) / len(counted) if counted else None


def _led_by_igs(lead_id, lead_name: str, igs_name: str) -> bool:
    return lead_id is None or lead_name.strip().casefold() == igs_name.strip().casefold()


def round_comparison(ronde: Indienronde) -> Comparison:
    netwerken = list(Netwerk.objects.order_by("name"))
    notas = {n.netwerk_id: n for n in Afsprakennota.objects.filter(ronde=ronde)}
    nota_ids = [n.pk for n in notas.values()]
    subsidy = dict(
        Begrotingsbedrag.objects.filter(
            post__nota__in=nota_ids,
            post__category=Begrotingspost.Category.VLAAMSE_SUBSIDIE,
            post__gemeente__isnull=True,
            year__in=list(ronde.years),
        ).values_list("post__nota_id").annotate(total=Sum("amount")).order_by()
    )
    inhabitants = _inhabitants()
    per_netwerk = defaultdict(list)
    for netwerk_id, gemeente_id in DeelnemendeGemeente.objects.values_list("netwerk_id", "gemeente_id"):
        per_netwerk[netwerk_id].append(inhabitants.get(gemeente_id))
    acties = defaultdict(list)
    for row in Actie.objects.filter(nota__in=nota_ids).values_list(
        "nota_id", "lead_partner_id", "lead_partner__name", "doelgroepen", "inspraak"
    ):
        acties[row[0]].append(row[1:])

    groups = list(Doelgroep.choices)
    rows = []
    for netwerk in netwerken:
        row = ComparisonRow(netwerk=netwerk, per_doelgroep=[0] * len(groups))
        known = per_netwerk.get(netwerk.pk, [])
        if known and all(v is not None for v in known):
            row.inhabitants = sum(known, ZERO)
        nota = notas.get(netwerk.pk)
        if nota is not None:
            row.nota = nota
            row.subsidy_total = subsidy.get(nota.pk) or ZERO
            row.years = len(ronde.years)
            counts = Counter()
            for lead_id, lead_name, doelgroepen, inspraak in acties.get(nota.pk, []):
                row.actions += 1
                row.led_by_igs += _led_by_igs(lead_id, lead_name or "", netwerk.igs_name)
                row.co_decided += inspraak == Inspraak.BESLIST
                counts.update(set(doelgroepen or []))
            row.per_doelgroep = [counts.get(value, 0) for value, _label in groups]
        rows.append(row)
    return Comparison(
        ronde=ronde, rows=rows, doelgroepen=groups, has_inhabitants=any(r.inhabitants for r in rows)
    )
