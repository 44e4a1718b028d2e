"""What the omgevingsanalyse's checklist rules read (in dossiers/checklist.py), loaded once per
checklist in a fixed number of queries. The checklist's DossierData inherits it."""

from functools import cached_property

from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from netwerken.prepared import PreparedQuery

from .analyse_figures import coverage
from .models import Afsprakennota, Bevraging, Drempelbeschrijving, Kansengroep, SwotItem


class AnalyseData:
    """Mixed into dossiers.checklist.DossierData, which holds the dossier as `self.nota`."""

    @cached_property
    def analyse_keuzes(self):
        """The chosen indicators, with the indicator."""
        return list(self.nota.gekozen_indicatoren.select_related("indicator"))

    @cached_property
    def analyse_dekking(self) -> dict:
        """{indicator id: ids of participating municipalities with at least one value}."""
        return coverage(self.nota)

    @cached_property
    def kwalitatieve_analyses(self) -> dict:
        return {a.kind: a for a in self.nota.kwalitatieve_analyses.all()}

    @cached_property
    def analyse_aantallen(self) -> dict:
        """How many thresholds, kansengroepen, hearings and SWOT items, in one prepared query."""
        return _counted(_ONE_DOSSIER.rows(self.nota.pk)[0])


_NAMES = [
    "id",
    "drempels_n",
    "kansengroepen_n",
    "bevragingen_n",
    *[f"swot_{kind}" for kind in SwotItem.Kind.values],
]


def analyse_counts(notas) -> dict:
    """{dossier pk: its counts of thresholds, kansengroepen, hearings and SWOT kinds} for a
    queryset of dossiers, in one query however many there are."""
    return {row[0]: _counted(row) for row in _counts_rows(notas)}


def _counts_rows(notas):
    def count(model):
        rows = model.objects.filter(nota=OuterRef("pk")).order_by().values("nota")
        return Coalesce(Subquery(rows.annotate(n=Count("pk")).values("n")), 0)

    def kinds(kind):
        return Count("swot_items", filter=Q(swot_items__kind=kind))

    rows = notas.order_by().annotate(
        drempels_n=count(Drempelbeschrijving),
        kansengroepen_n=count(Kansengroep),
        bevragingen_n=count(Bevraging),
        **{f"swot_{kind}": kinds(kind) for kind in SwotItem.Kind.values},
    )
    return rows.values_list(*_NAMES)


def _counted(values) -> dict:
    row = dict(zip(_NAMES, values, strict=True))
    return {
        "drempels": row["drempels_n"],
        "kansengroepen": row["kansengroepen_n"],
        "bevragingen": row["bevragingen_n"],
        "swot_kinds": {k for k in SwotItem.Kind.values if row[f"swot_{k}"]},
    }


# Every page of the analysis reads the counts: their SQL is built once.
_ONE_DOSSIER = PreparedQuery(lambda pk: _counts_rows(Afsprakennota.objects.filter(pk=pk)), 1)
