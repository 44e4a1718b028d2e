"""The checklist of many dossiers at once, in a fixed number of queries.

`DossierData` loads one dossier lazily, a few queries per dossier. A page that shows the checklist
score of every network would then run those queries once per network. Here the same data is
loaded for all the dossiers together, a query per kind of data, and handed to each dossier's
`DossierData` as if it had loaded it itself; the rules (checklist.py) run unchanged.
"""

from collections import defaultdict

from django.db.models import Prefetch, Sum

from analyses.models import IndicatorValue
from netwerken.models import DeelnemendeGemeente, Partner

from .analyse_checkdata import analyse_counts
from .checks import Checklist, DossierData, run_checklist
from .models.voortzetting import Zelfevaluatie
from .models import (
    Actie,
    ActieKost,
    Afsprakennota,
    Begrotingspost,
    GekozenIndicator,
    KwalitatieveAnalyse,
    GeplandReflectiemoment,
    Monitoringafspraak,
    Overlegorgaan,
    Samenwerking,
    OperationeleDoelstelling,
    PartnerConfirmation,
    RequiredPartner,
    StrategischeDoelstelling,
    Visie,
)
from .services_begroting import ZERO, BudgetGrid


def _grouped(rows, key) -> dict:
    groups = defaultdict(list)
    for row in rows:
        groups[key(row)].append(row)
    return groups


def bulk_dossier_data(notas: list[Afsprakennota]) -> dict[int, DossierData]:
    """{dossier pk: its DossierData with everything the rules read already loaded}.

    `notas` should come with their network and round (select_related)."""
    if not notas:
        return {}
    pks = [n.pk for n in notas]
    netwerk_ids = {n.netwerk_id for n in notas}

    visies = {v.nota_id: v for v in Visie.objects.filter(nota__in=pks)}
    samenwerkingen = {s.nota_id: s for s in Samenwerking.objects.filter(nota__in=pks)}
    zelfevaluaties = {z.nota_id: z for z in Zelfevaluatie.objects.filter(nota__in=pks)}
    organen = _grouped(
        Overlegorgaan.objects.filter(nota__in=pks).prefetch_related(
            Prefetch("partners", queryset=Partner.objects.select_related("gemeente"))
        ),
        lambda o: o.nota_id,
    )
    monitoring = _grouped(Monitoringafspraak.objects.filter(nota__in=pks), lambda m: m.nota_id)
    momenten = _grouped(GeplandReflectiemoment.objects.filter(nota__in=pks), lambda m: m.nota_id)
    deelnemers = _grouped(
        DeelnemendeGemeente.objects.filter(netwerk__in=netwerk_ids).select_related("gemeente"),
        lambda d: d.netwerk_id,
    )
    partners = _grouped(
        Partner.objects.filter(netwerk__in=netwerk_ids).select_related("gemeente"),
        lambda p: p.netwerk_id,
    )
    required = _grouped(
        RequiredPartner.objects.filter(ronde__in={n.ronde_id for n in notas}), lambda r: r.ronde_id
    )
    acties = Actie.objects.select_related("lead_partner").prefetch_related(
        "partners", "kosten", "indicators"
    )
    ods = OperationeleDoelstelling.objects.prefetch_related(Prefetch("acties", queryset=acties))
    doelen = _grouped(
        StrategischeDoelstelling.objects.filter(nota__in=pks).prefetch_related(
            Prefetch("operationele_doelstellingen", queryset=ods)
        ),
        lambda sd: sd.nota_id,
    )
    confirmations = defaultdict(dict)
    for c in PartnerConfirmation.objects.filter(nota__in=pks).select_related("by").order_by("at", "pk"):
        confirmations[c.nota_id][c.partner_id] = c
    posten = _grouped(
        Begrotingspost.objects.filter(nota__in=pks).select_related("gemeente").prefetch_related("bedragen"),
        lambda p: p.nota_id,
    )
    costs = defaultdict(dict)
    for row in (
        ActieKost.objects.filter(actie__od__sd__nota__in=pks)
        .values("actie__od__sd__nota", "year")
        .annotate(total=Sum("amount"))
        .order_by()
    ):
        costs[row["actie__od__sd__nota"]][row["year"]] = row["total"]
    keuzes = _grouped(
        GekozenIndicator.objects.filter(nota__in=pks).select_related("indicator"), lambda k: k.nota_id
    )
    kwalitatief = _grouped(KwalitatieveAnalyse.objects.filter(nota__in=pks), lambda a: a.nota_id)
    aantallen = analyse_counts(Afsprakennota.objects.filter(pk__in=pks))
    all_gemeenten = {d.gemeente_id for rows in deelnemers.values() for d in rows}
    with_values = defaultdict(set)
    for indicator_id, gemeente_id in (
        IndicatorValue.objects.filter(gemeente_id__in=all_gemeenten)
        .values_list("indicator_id", "gemeente_id")
        .distinct()
    ):
        with_values[indicator_id].add(gemeente_id)

    result = {}
    for nota in notas:
        data = DossierData(nota)
        own = {d.gemeente_id for d in deelnemers.get(nota.netwerk_id, [])}
        tree = doelen.get(nota.pk, [])
        for sd in tree:  # as DossierData.doelen does: codes read their parents' positions
            for od in sd.operationele_doelstellingen.all():
                od.sd = sd
                for actie in od.acties.all():
                    actie.od = od
        indicators = {
            i.pk: i
            for sd in tree
            for od in sd.operationele_doelstellingen.all()
            for actie in od.acties.all()
            for i in actie.indicators.all()
        }
        rows = monitoring.get(nota.pk, [])
        for row in rows:  # as DossierData.monitoringafspraken does
            if row.indicator_id in indicators:
                row.indicator = indicators[row.indicator_id]
        loaded = {
            "visie": visies.get(nota.pk),
            "samenwerking": samenwerkingen.get(nota.pk),
            "zelfevaluatie": zelfevaluaties.get(nota.pk),
            "overlegorganen": organen.get(nota.pk, []),
            "monitoringafspraken": rows,
            "reflectiemomenten": momenten.get(nota.pk, []),
            "deelnemers": deelnemers.get(nota.netwerk_id, []),
            "partners": partners.get(nota.netwerk_id, []),
            "required_partners": required.get(nota.ronde_id, []),
            "doelen": tree,
            "confirmations": confirmations.get(nota.pk, {}),
            "begrotingsposten": posten.get(nota.pk, []),
            "analyse_keuzes": keuzes.get(nota.pk, []),
            "analyse_dekking": {
                i: ids & own for i, ids in with_values.items() if ids & own
            },
            "kwalitatieve_analyses": {a.kind: a for a in kwalitatief.get(nota.pk, [])},
            "analyse_aantallen": aantallen[nota.pk],
        }
        # cached_property keeps its value in the instance's __dict__ under its own name.
        data.__dict__.update(loaded)
        grid = BudgetGrid(nota, data=data)
        by_year = costs.get(nota.pk, {})
        grid._action_costs = [by_year.get(y, ZERO) for y in grid.years]
        data.__dict__["begroting"] = grid
        result[nota.pk] = data
    return result


def bulk_checklists(notas: list[Afsprakennota]) -> dict[int, tuple[DossierData, Checklist]]:
    """{dossier pk: (its data, its checklist)}, run by the one checklist with the one set of rules."""
    return {pk: (data, run_checklist(data.nota, data)) for pk, data in bulk_dossier_data(notas).items()}
