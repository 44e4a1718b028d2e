"""The building blocks of the exchange format's schema: texts, money, years, figures and choices,
each with its bound from netwerken/bounds.py (the same numbers the models and forms use).

Problems pydantic finds itself (a wrong type, a text or list past its bound) get their Dutch
words in problems.py. The checks written here raise a `problem()` that already carries them.
"""

import json
import re
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

import phonenumbers
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    SkipValidation,
    StringConstraints,
    ValidationError,
    WithJsonSchema,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from netwerken import bounds
from netwerken.fields import amount_range_message, too_long_message, visible_text
from netwerken.numbers import format_count


class Part(BaseModel):
    """A part of the document. Types are strict (the text "5" is no number); keys the schema does
    not name are ignored, as the derived data (codes, labels, drawn charts) always was."""

    model_config = ConfigDict(strict=True, extra="ignore", frozen=True, use_attribute_docstrings=True)


class ClosedPart(Part):
    """A part whose keys are a fixed list (the vision's questions): another key is a problem."""

    model_config = ConfigDict(extra="forbid")


def problem(message: str) -> PydanticCustomError:
    """A problem with our own Dutch message (translated when it is found)."""
    return PydanticCustomError("dossier", message)


def problems_at(part: str, found: list[tuple[tuple, str]]) -> None:
    """Raise problems found by a check of a whole part at their own places inside it, such as
    (("category",), message) for a budget line: pydantic puts the part's own place in front."""
    if found:
        raise ValidationError.from_exception_data(part, [
            InitErrorDetails(type=problem(message), loc=loc, input=None) for loc, message in found
        ])


def shown(value: Any) -> str:
    """A value as a message quotes it: short, and never a whole list or object."""
    if value is None or isinstance(value, (bool, int, float)):
        try:
            value = json.dumps(value)
        except ValueError:  # an int too long to write out
            return "…"
    if isinstance(value, str):
        return value if len(value) <= 40 else value[:40] + "…"
    return "[…]" if isinstance(value, list) else "{…}"


# --- Texts ---


def Text(limit: int, *, required: bool = False):
    """Plain text of at most `limit` characters; a required one holds more than spaces."""
    if required:
        return Annotated[str, StringConstraints(min_length=1, max_length=limit, pattern=r"\S")]
    return Annotated[str, StringConstraints(max_length=limit)]


def RichText(limit: int):
    """HTML counted as the reader sees it; its markup has a bound of its own."""

    def visible_within(value: str) -> str:
        shown_length = len(visible_text(value))
        if shown_length > limit:
            raise problem(too_long_message(limit, shown_length))
        return value

    return Annotated[
        str,
        StringConstraints(max_length=bounds.RICH_TEXT_MARKUP),
        AfterValidator(visible_within),
        WithJsonSchema({
            "type": "string", "maxLength": bounds.RICH_TEXT_MARKUP,
            "description": f"HTML; at most {limit} characters as the reader sees them",
        }),
    ]


def _email(value: str) -> str:
    if value:
        try:
            validate_email(value)
        except DjangoValidationError:
            raise problem(_("“%(value)s” is not a valid email address") % {"value": shown(value)}) from None
    return value


def _phone(value: str) -> str:
    """A phone number, written E.164 ("+3237101211") as the models keep it."""
    if not value:
        return ""
    try:
        number = phonenumbers.parse(value, "BE")
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise problem(_("“%(value)s” is not a valid phone number") % {"value": shown(value)})
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


Email = Annotated[str, StringConstraints(max_length=bounds.EMAIL), AfterValidator(_email)]
Phone = Annotated[
    str, StringConstraints(max_length=bounds.SHORT_TEXT), AfterValidator(_phone),
    WithJsonSchema({"type": "string", "maxLength": bounds.SHORT_TEXT, "description": "E.164, like +3237101211"}),
]


# --- Choices ---


def one_of(values, *, blank: bool = False):
    """One of the model's choices (`blank`: or empty)."""
    allowed = [*values, *([""] if blank else [])]

    def check(value: str) -> str:
        if value not in allowed:
            raise problem(_("“%(value)s” is not one of: %(choices)s") % {
                "value": shown(value), "choices": ", ".join(values)})
        return value

    return Annotated[str, AfterValidator(check), WithJsonSchema({"type": "string", "enum": allowed})]


def some_of(values, message):
    """A list of the vocabulary's values; `message` (lazy) names an unknown one."""

    def check(chosen: list[str]) -> list[str]:
        for value in chosen:
            if value not in values:
                raise problem(str(message) % {"value": shown(value)})
        return chosen

    item = Annotated[str, WithJsonSchema({"type": "string", "enum": list(values)})]
    return Annotated[list[item], Field(max_length=len(values)), AfterValidator(check)]


# --- Numbers ---


def whole_number(low: int, high: int):
    """A whole number (not 5.0, not "5", not true) from `low` to `high`."""

    def check(value: Any) -> int:
        if type(value) is not int or not low <= value <= high:
            raise problem(_("expected a whole number from %(min)s to %(max)s") % {
                "min": format_count(low), "max": format_count(high)})
        return value

    schema = {"type": "integer", "minimum": low, "maximum": high}
    return Annotated[int, PlainValidator(check), WithJsonSchema(schema)]


def _year(value: Any) -> int:
    if type(value) is not int or not bounds.YEAR_MIN <= value <= bounds.YEAR_MAX:
        raise problem(_("“%(value)s” is not a year") % {"value": shown(value)})
    return value


def _year_key(value: str) -> str:
    if not (value.isascii() and value.isdigit() and bounds.YEAR_MIN <= int(value) <= bounds.YEAR_MAX):
        raise problem(_("“%(value)s” is not a year") % {"value": shown(value)})
    return value


YEAR_SCHEMA = {"type": "integer", "minimum": bounds.YEAR_MIN, "maximum": bounds.YEAR_MAX}
Year = Annotated[int, PlainValidator(_year), WithJsonSchema(YEAR_SCHEMA)]
# A year as the key of an object ("2027": ...), as JSON writes every key.
YEAR_KEY_SCHEMA = {"type": "string", "pattern": r"^\d{4}$"}
YearKey = Annotated[str, AfterValidator(_year_key), WithJsonSchema(YEAR_KEY_SCHEMA)]

MONEY = re.compile(bounds.MONEY_PATTERN, re.ASCII)


def _money(value: Any) -> Decimal:
    """Money is text with exactly two decimals ("62000.00"): no number, NaN, exponent or sign."""
    if not isinstance(value, str) or not MONEY.fullmatch(value):
        raise problem(_("“%(value)s” is not an amount: write text with exactly two decimals, "
                        "like \"1250.50\"") % {"value": shown(value)})
    amount = Decimal(value)
    if not bounds.MONEY_MIN <= amount <= bounds.MONEY_MAX:
        raise problem(amount_range_message())
    return amount


Money = Annotated[Decimal, PlainValidator(_money), WithJsonSchema({
    "type": "string", "pattern": bounds.MONEY_PATTERN,
    "description": f"euro with exactly two decimals, from {bounds.MONEY_MIN} to {bounds.MONEY_MAX}",
})]


def _figure(value: Any) -> Decimal:
    """A figure of the analysis: a number or text with a decimal point, that fits its column."""
    number = None
    if isinstance(value, (int, float, str)) and not isinstance(value, bool):
        try:
            number = Decimal(str(value))
        except (InvalidOperation, ValueError):  # ValueError: an int too long to write out
            pass
    if number is None or not number.is_finite():
        raise problem(_("“%(value)s” is not a number") % {"value": shown(value)})
    step = Decimal(1).scaleb(-bounds.FIGURE_DECIMALS)
    if abs(number) > bounds.FIGURE_MAX or number != number.quantize(step):
        raise problem(_("a figure lies between -%(max)s and %(max)s with at most %(decimals)s decimals") % {
            "max": bounds.FIGURE_MAX, "decimals": bounds.FIGURE_DECIMALS})
    return number


Figure = Annotated[Decimal, PlainValidator(_figure), WithJsonSchema({
    "type": ["string", "number"],
    "description": f"at most {bounds.FIGURE_MAX} either way, at most {bounds.FIGURE_DECIMALS} decimals",
})]


def items(kind, limit: int, *, once=None):
    """A list of at most `limit` items. `once=(identity, place, message)`: an item with the
    identity of an earlier one is a problem at `place` inside it, said with the (lazy) message."""
    if once is None:
        return Annotated[list[kind], Field(max_length=limit)]
    identity, place, message = once

    def each_once(listed: list) -> list:
        seen = set()
        found = []
        for i, item in enumerate(listed):
            if identity(item) in seen:
                found.append(((i, *place), str(message)))
            seen.add(identity(item))
        problems_at(kind.__name__, found)
        return listed

    return Annotated[list[kind], Field(max_length=limit), AfterValidator(each_once)]


class Derived:
    """Data the export derives for readers (`Derived[str]`): described, never checked, ignored on import."""

    def __class_getitem__(cls, kind):
        return Annotated[kind, SkipValidation(), Field(description="Derived for readers; ignored on import.")]
