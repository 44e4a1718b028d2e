"""The omgevingsanalyse as part of the dossier document (dossiers/snapshot.py): the chosen
indicators with their figures and drawn charts, the qualitative analysis, the SWOT, the
thresholds, the kansengroepen, how people in poverty were heard, and the network picture.

The charts are stored as the SVG they were drawn as, so a submitted version keeps them exactly.
"""

from decimal import Decimal

from analyses.netwerkbeeld import draw, netwerkbeeld

from . import analyse_questions as questions
from .analyse_figures import indicator_figures


def _number(value) -> str:
    return format(Decimal(value).normalize(), "f") if value is not None else None


def analyse_snapshot(data) -> dict | None:
    nota = data.nota
    figures = indicator_figures(nota)
    kwalitatief = data.kwalitatieve_analyses
    codes = {d.gemeente_id: d.gemeente.nis_code for d in data.deelnemers}
    document = {
        "indicators": [
            {
                "code": f.indicator.code,
                "name": f.indicator.name,
                "unit": f.indicator.unit,
                "publisher": f.indicator.publisher,
                "source_url": f.indicator.source_url,
                "higher_is_worse": f.indicator.higher_is_worse,
                "interpretation": f.keuze.interpretation if f.keuze else "",
                "years": f.years,
                "values": {
                    codes[r.gemeente_id]: {str(y): _number(v) for y, v in sorted(r.by_year.items())}
                    for r in f.rows
                    if r.by_year and r.gemeente_id in codes
                },
                "reference": {str(y): _number(v) for y, v in sorted(f.reference.by_year.items())},
                "table": {
                    "rows": [[r.label, *r.cells] for r in f.rows],
                    "reference": [f.reference.label, *f.reference.cells],
                },
                "bar_svg": f.bar_svg,
                "line_svg": f.line_svg,
            }
            for f in figures
        ],
        "kwalitatief": [
            {
                "kind": kind,
                "label": str(label),
                "answers": {key: kwalitatief[kind].answer(key) for key, _q in questions.QUESTIONS[kind]}
                if kind in kwalitatief
                else {},
            }
            for kind, label in questions.KINDS
        ],
        "swot": [
            {"kind": s.kind, "text": s.text, "source": s.source}
            for s in nota.swot_items.all()
        ],
        "drempels": [
            {
                "drempel": d.drempel,
                "description": d.description,
                "doelgroepen": list(d.doelgroepen),
                "gemeenten": sorted(g.nis_code for g in d.gemeenten.all()),
            }
            for d in nota.drempels.prefetch_related("gemeenten")
        ],
        "kansengroepen": [
            {
                "doelgroep": k.doelgroep,
                "name": k.name,
                "description": k.description,
                "gemeenten": sorted(g.nis_code for g in k.gemeenten.all()),
            }
            for k in nota.kansengroepen.prefetch_related("gemeenten")
        ],
        "bevragingen": [
            {"method": b.method, "period": b.period, "participants": b.participants, "description": b.description}
            for b in nota.bevragingen.all()
        ],
        "netwerkbeeld_svg": draw(netwerkbeeld(data.deelnemers, data.partners), chart_id=f"netwerkbeeld-{nota.pk}"),
    }
    empty = not (
        document["indicators"]
        or any(k["answers"] and any(k["answers"].values()) for k in document["kwalitatief"])
        or document["swot"]
        or document["drempels"]
        or document["kansengroepen"]
        or document["bevragingen"]
    )
    return None if empty else document
