"""Demo figures for the indicators (the dossier's own demo analysis is dossiers/analyse_demo.py).

The figures are invented (plausible in size, but not real) and say so: they come in through an
import called "fictieve democijfers", so they can be recognised and undone like any import.
Running it again changes nothing: only what is missing is added.
"""

import hashlib
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile

from .access import ImportScope
from .models import ImportBatch, IndicatorValue
from .services import import_batch_confirm, import_batch_create, import_batch_map

DEMO_NOTE = "Fictieve democijfers: verzonnen voor de demo, geen echte gegevens."

# code: (Flemish level, spread between municipalities, change per year)
LEVELS = {
    "kansarmoede-index": (Decimal("15.5"), Decimal("8"), Decimal("0.3")),
    "leefloon-per-1000": (Decimal("7.5"), Decimal("6"), Decimal("0.1")),
    "werkzoekendengraad": (Decimal("6.5"), Decimal("3"), Decimal("-0.1")),
    "mediaan-inkomen-aangifte": (Decimal("26500"), Decimal("3500"), Decimal("450")),
    "verhoogde-tegemoetkoming": (Decimal("16"), Decimal("6"), Decimal("0.2")),
    "gemiddeld-inkomen-inwoner": (Decimal("21500"), Decimal("3000"), Decimal("380")),
    "buitenlandse-herkomst": (Decimal("24"), Decimal("14"), Decimal("0.6")),
    "uitpas-kansentarief": (Decimal("350"), Decimal("300"), Decimal("25")),
    "sociale-toeslag-groeipakket": (Decimal("27"), Decimal("10"), Decimal("0.2")),
    "eenoudergezinnen": (Decimal("9"), Decimal("3"), Decimal("0.05")),
}
SMALL = ["kansarmoede-index", "leefloon-per-1000", "werkzoekendengraad", "mediaan-inkomen-aangifte"]
YEARS = {"small": range(2020, 2025), "large": range(2015, 2025)}


def _wobble(*parts) -> Decimal:
    """A fixed number between -1 and 1 for these parts: the same every run."""
    digest = hashlib.sha256("|".join(map(str, parts)).encode()).digest()
    return Decimal(int.from_bytes(digest[:4], "big")) / Decimal(2**31) - 1


def _value(code, nis, year, first_year) -> Decimal:
    level, spread, step = LEVELS[code]
    offset = spread * _wobble(code, nis) if nis else Decimal(0)
    noise = spread * Decimal("0.08") * _wobble(code, nis, year)
    value = level + offset + step * (year - first_year) + noise
    return max(value, Decimal(0)).quantize(Decimal("0.1"))


def seed_values(indicators, gemeenten, years):
    for indicator in indicators:
        existing = set(
            IndicatorValue.objects.for_gemeenten([indicator.pk], [g.pk for g in gemeenten]).values_list(
                "gemeente_id", "year"
            )
        )
        lines = []
        for gemeente in [None, *gemeenten]:
            for year in years:
                if (gemeente.pk if gemeente else None, year) in existing:
                    continue
                nis = gemeente.nis_code if gemeente else "02000"
                name = gemeente.name if gemeente else "Vlaams Gewest"
                value = _value(indicator.code, nis if gemeente else None, year, years[0])
                lines.append(f"{nis};{name};{year};{str(value).replace('.', ',')}")
        if not lines:
            continue
        content = ("NIS;Gemeente;Jaar;Waarde\n" + "\n".join(lines) + "\n").encode("utf-8")
        upload = SimpleUploadedFile("democijfers-fictief.csv", content, content_type="text/csv")
        batch = import_batch_create(indicator=indicator, uploaded=upload, user=None, background=False)
        batch.note = DEMO_NOTE
        import_batch_map(
            batch=batch,
            mapping={
                "header_line": 1,
                "layout": ImportBatch.Layout.LONG,
                "gemeente_column": 0,
                "match_by": ImportBatch.MatchBy.NIS,
                "year_column": 2,
                "fixed_year": None,
                "value_column": 3,
            },
        )
        import_batch_confirm(batch=batch, scope=ImportScope(everything=True, flemish_reference=True))
