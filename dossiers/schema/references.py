"""What a document's parts may refer to, and the checks of those references.

A part refers to others by their key: an action to partners ("p12"), a budget line to a
participating municipality (its NIS code), a monitoring line to an action's indicator. So that
every wrong reference is reported at its own place together with every other problem, the keys
are read from the document (and the database) before the schema validates it, and handed to
pydantic as the validation context.
"""

from dataclasses import dataclass
from typing import Annotated

from django.utils.translation import gettext as _
from pydantic import AfterValidator, Field, ValidationInfo, WithJsonSchema

from analyses.models import Indicator
from netwerken import bounds
from netwerken.models import Gemeente

from .fields import Year, problem, shown


@dataclass(frozen=True)
class References:
    years: frozenset[int]  # the round's working years
    known_nis_codes: frozenset[str]  # every municipality this installation knows
    nis_codes: frozenset[str]  # the municipalities the document lists
    partner_keys: frozenset[str]
    indicators: frozenset[tuple[str, str]]  # (action code, indicator name)
    known_indicators: frozenset[str]  # indicator codes this installation knows
    new_network: bool  # the import makes the network

    @classmethod
    def of(cls, document: dict, *, years, new_network: bool) -> "References":
        return cls(
            years=frozenset(years),
            known_nis_codes=frozenset(Gemeente.objects.values_list("nis_code", flat=True)),
            nis_codes=frozenset(_keys(_dicts(document, "gemeenten"), "nis_code")),
            partner_keys=frozenset(_keys(_dicts(document, "partners"), "key")),
            indicators=frozenset(_indicators(document)),
            known_indicators=frozenset(Indicator.objects.values_list("code", flat=True)),
            new_network=new_network,
        )


def _dicts(part, key) -> list[dict]:
    """The objects listed under `key`, whatever else the (not yet validated) part holds."""
    listed = part.get(key) if isinstance(part, dict) else None
    return [item for item in listed if isinstance(item, dict)] if isinstance(listed, list) else []


def _keys(parts, key):
    return {part[key] for part in parts if isinstance(part.get(key), str)}


def _indicators(document):
    """(code, name) of every action's indicator, the code as it will be once imported (A1.2.3)."""
    for i, sd in enumerate(_dicts(document, "doelstellingen"), start=1):
        for j, od in enumerate(_dicts(sd, "ods"), start=1):
            for k, actie in enumerate(_dicts(od, "acties"), start=1):
                for indicator in _dicts(actie, "indicators"):
                    yield f"A{i}.{j}.{k}", indicator.get("name")


def context(info: ValidationInfo) -> References | None:
    """The references, or None when the schema is used without a database (nothing to compare)."""
    return info.context if isinstance(info.context, References) else None


def _known_nis_code(code: str, info: ValidationInfo) -> str:
    refs = context(info)
    if refs and code not in refs.known_nis_codes:
        raise problem(_("unknown NIS code “%(code)s”") % {"code": shown(code)})
    return code


def _participating(code: str, info: ValidationInfo) -> str:
    refs = context(info)
    if refs and code not in refs.nis_codes:
        raise problem(_("not one of the participating municipalities"))
    return code


def _all_participating(codes: list[str], info: ValidationInfo) -> list[str]:
    for code in codes:
        _participating(code, info)
    return codes


def _known_partner(key: str, info: ValidationInfo) -> str:
    refs = context(info)
    if refs and key not in refs.partner_keys:
        raise problem(_("refers to an unknown partner “%(key)s”") % {"key": shown(key)})
    return key


def _known_partners(keys: list[str], info: ValidationInfo) -> list[str]:
    for key in keys:
        _known_partner(key, info)
    return keys


def _in_period(year: int, info: ValidationInfo) -> int:
    refs = context(info)
    if refs and year not in refs.years:
        raise problem(_("%(year)s is outside the subsidy period") % {"year": year})
    return year


def _all_in_period(years: list[int], info: ValidationInfo) -> list[int]:
    for year in years:
        _in_period(year, info)
    return years


def _period_key(year: str, info: ValidationInfo) -> str:
    refs = context(info)
    if refs and not (year.isascii() and year.isdigit() and int(year) in refs.years):
        raise problem(_("year outside the subsidy period"))
    return year


NisCode = Annotated[str, AfterValidator(_known_nis_code)]
ParticipatingNisCode = Annotated[str, AfterValidator(_participating)]
ParticipatingNisCodes = Annotated[
    list[str], Field(max_length=bounds.GEMEENTEN), AfterValidator(_all_participating)
]
PartnerKey = Annotated[str, AfterValidator(_known_partner)]
PartnerKeys = Annotated[list[str], Field(max_length=bounds.PARTNERS), AfterValidator(_known_partners)]
WorkingYear = Annotated[Year, AfterValidator(_in_period)]
WorkingYears = Annotated[list[Year], Field(max_length=bounds.PERIOD_YEARS), AfterValidator(_all_in_period)]
# A working year as an object's key ("2027": "1250.00").
WorkingYearKey = Annotated[
    str, AfterValidator(_period_key), WithJsonSchema({"type": "string", "pattern": r"^\d{4}$"})
]
