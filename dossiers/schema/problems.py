"""Pydantic's findings as the import reports them: a place in the document's JSON path notation
("$.doelstellingen[0].ods[1].acties[2].title") and a Dutch message."""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from pydantic import ValidationError

from netwerken.fields import too_long_message
from netwerken.numbers import format_count


@dataclass(frozen=True)
class Problem:
    path: str
    message: str

    def __str__(self):
        return f"{self.path}: {self.message}"


def path_of(loc) -> str:
    """("partners", 0, "name") -> "$.partners[0].name". A problem with an object's key is
    reported at the key's place ("$.costs.2030"), without pydantic's "[key]" marker."""
    path = "$"
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        elif part != "[key]":
            path += f".{part}"
    return path


def _unknown_key(error) -> str:
    """Only parts with a fixed list of keys refuse another one: the vision's questions and the
    agreements' texts (their subjects)."""
    owner = error["loc"][-2] if len(error["loc"]) > 1 else ""
    return _("unknown subject") if owner == "texts" else _("unknown question")


# pydantic's own error types in our words; our own checks bring their words along.
MESSAGES = {
    "model_type": lambda e: _("expected an object"),
    "model_attributes_type": lambda e: _("expected an object"),
    "dict_type": lambda e: _("expected an object"),
    "list_type": lambda e: _("expected a list"),
    "string_type": lambda e: _("expected text"),
    "bool_type": lambda e: _("expected true or false"),
    "missing": lambda e: _("is missing"),
    "extra_forbidden": _unknown_key,
    # Only required texts have a least length and a pattern (something besides spaces).
    "string_too_short": lambda e: _("may not be empty"),
    "string_pattern_mismatch": lambda e: _("may not be empty"),
    "string_too_long": lambda e: too_long_message(e["ctx"]["max_length"], len(e["input"])),
    "too_long": lambda e: _("at most %(limit)s items (this list has %(count)s)") % {
        "limit": format_count(e["ctx"]["max_length"]),
        "count": format_count(e["ctx"]["actual_length"]),
    },
}


def message_of(error) -> str:
    translate = MESSAGES.get(error["type"])
    return translate(error) if translate else error["msg"]


def problems_of(error: ValidationError) -> list[Problem]:
    return [
        Problem(path_of(e["loc"]), message_of(e))
        for e in error.errors(include_url=False, include_context=True, include_input=True)
    ]
