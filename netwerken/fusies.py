"""The Flemish municipal mergers of 1 January 2025, as data (`data/fusies_2025.json`).

Publishers' series before 2025 use the old NIS codes and names; this table says which new
municipality each old one became part of. Antwerpen kept its code and name after taking in
Borsbeek, so an old code is not always a code that no longer exists.
"""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

FUSIES_FILE = Path(__file__).parent / "data" / "fusies_2025.json"
MERGER_YEAR = 2025


@dataclass(frozen=True)
class OudeGemeente:
    """A municipality as it was until 31 December 2024 that became part of a merger."""

    code: str
    name: str
    new_code: str
    new_name: str

    @property
    def kept_its_name(self) -> bool:
        return self.name == self.new_name


@dataclass(frozen=True)
class Fusie:
    code: str
    name: str
    parts: tuple[OudeGemeente, ...]


@cache
def fusies() -> tuple[Fusie, ...]:
    data = json.loads(FUSIES_FILE.read_text(encoding="utf-8"))
    return tuple(
        Fusie(
            code=m["code"],
            name=m["name"],
            parts=tuple(
                OudeGemeente(code=p["code"], name=p["name"], new_code=m["code"], new_name=m["name"])
                for p in m["parts"]
            ),
        )
        for m in data["mergers"]
    )


@cache
def fusie_by_code() -> dict[str, Fusie]:
    return {f.code: f for f in fusies()}


@cache
def old_by_code() -> dict[str, OudeGemeente]:
    return {p.code: p for f in fusies() for p in f.parts}


def municipalities_before(current_codes) -> set[str]:
    """The NIS codes of the municipalities before the mergers, from today's codes."""
    merged = set(fusie_by_code())
    return (set(current_codes) - merged) | set(old_by_code())
