"""What the omgevingsanalyse's checklist rules read (in dossiers/checklist.py), loaded once per
checklist in a fixed number of queries. The checklist's DossierData inherits it."""

from functools import cached_property

from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from .analyse_figures import coverage
from .models import Bevraging, Drempelbeschrijving, Kansengroep, SwotItem


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
        """How many thresholds, kansengroepen, hearings and SWOT items, in one query."""
        return analyse_counts(type(self.nota).objects.filter(pk=self.nota.pk))[self.nota.pk]


def analyse_counts(notas) -> dict:
    """{dossier pk: its counts of thresholds, kansengroepen, hearings and SWOT kinds} for a
    queryset of dossiers, in one query however many there are."""

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
    ).values()
    return {
        row["id"]: {
            "drempels": row["drempels_n"],
            "kansengroepen": row["kansengroepen_n"],
            "bevragingen": row["bevragingen_n"],
            "swot_kinds": {k for k in SwotItem.Kind.values if row[f"swot_{k}"]},
        }
        for row in rows
    }
