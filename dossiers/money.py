"""Amounts as people in Belgium type them: "1.234,56", "1234,56", "€ 1.234", "1 234,5".

The rule for a lone dot: followed by one or two digits at the end it is a decimal point
("12.5", "1234.56"); otherwise dots separate thousands ("1.234", "12.345.678").
"""

import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from netwerken import bounds
from netwerken.fields import amount_range_message
from netwerken.numbers import format_euro


CENT = Decimal("0.01")


def amount_problem(amount: Decimal) -> str:
    """Why a typed amount cannot be kept, or "" when it can (the bounds of netwerken.bounds)."""
    if amount < 0:
        return str(_("An amount cannot be negative."))
    if amount > bounds.MONEY_MAX:
        return amount_range_message()
    if amount != amount.quantize(CENT):
        return str(_("An amount has at most two decimals (cents)."))
    return ""


def parse_amount(text) -> Decimal | None:
    """The amount in `text`, or None when it is empty. Raises ValueError when it is not one."""
    if text is None:
        return None
    if isinstance(text, (int, Decimal)):
        return Decimal(text)
    value = str(text).replace("€", "").replace("\u00a0", "").replace(" ", "").strip()
    if value in {"", "-"}:
        return None
    if "," in value:
        value = value.replace(".", "").replace(",", ".")
    elif value.count(".") == 1 and re.search(r"\.\d{1,2}$", value):
        pass
    else:
        value = value.replace(".", "")
    if not re.fullmatch(r"-?\d+(\.\d+)?", value):
        raise ValueError(text)
    try:
        return Decimal(value)
    except InvalidOperation as error:
        raise ValueError(text) from error


class EuroField(forms.DecimalField):
    """A money input that accepts Dutch notation and shows amounts the Belgian way."""

    default_error_messages = {
        "invalid": _("“%(value)s” is not an amount. Write it like 1.250,50."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("max_digits", bounds.MONEY_MAX_DIGITS)
        kwargs.setdefault("decimal_places", bounds.MONEY_DECIMAL_PLACES)
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)
        self.widget = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})

    def to_python(self, value):
        try:
            amount = parse_amount(value)
        except ValueError:
            raise ValidationError(
                self.error_messages["invalid"], code="invalid", params={"value": value}
            ) from None
        if amount is None:
            return None
        problem = amount_problem(amount)
        if problem:
            raise ValidationError(problem, code="amount")
        return amount.quantize(CENT)

    def validate(self, value):
        forms.Field.validate(self, value)

    def prepare_value(self, value):
        if isinstance(value, (Decimal, int, float)):
            return format_euro(value, symbol=False)
        return value
