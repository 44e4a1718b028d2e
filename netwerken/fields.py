"""Model fields and validators that carry the bounds of netwerken/bounds.py with a Dutch message
that names the limit ("Maximaal 5.000 tekens (u typte 5.312).").

The model field's validators and its form field's validators are the same objects' kind, so a
ModelForm, the admin and `full_clean()` in a service all refuse the same value with the same words.
"""


import nh3
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.deconstruct import deconstructible
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from . import bounds
from .numbers import format_count, format_euro


def visible_text(html: str) -> str:
    """The characters a reader sees in a rich text: markup left out, spaces collapsed."""
    return " ".join(nh3.clean(html or "", tags=set()).split())


def too_long_message(limit: int, typed: int) -> str:
    return _("At most %(limit)s characters (you typed %(count)s).") % {
        "limit": format_count(limit), "count": format_count(typed)
    }


def amount_range_message() -> str:
    return _("An amount lies between %(min)s and %(max)s.") % {
        "min": format_euro(bounds.MONEY_MIN), "max": format_euro(bounds.MONEY_MAX)
    }


@deconstructible
class MaxCharsValidator(MaxLengthValidator):
    """Django's MaxLengthValidator with a message that formats both numbers the Belgian way."""

    code = "max_length"

    def __call__(self, value):
        typed = self.clean(value)
        if typed > self.limit_value:
            raise ValidationError(too_long_message(self.limit_value, typed), code=self.code)


@deconstructible
class RichTextLengthValidator(MaxCharsValidator):
    """Counts what the reader sees; the markup around it may not grow past its own bound."""

    def clean(self, value):
        return len(visible_text(value))

    def __call__(self, value):
        super().__call__(value)
        if len(value or "") > bounds.RICH_TEXT_MARKUP:
            raise ValidationError(
                _("This text holds too much layout: at most %(limit)s characters including layout.")
                % {"limit": format_count(bounds.RICH_TEXT_MARKUP)},
                code="markup",
            )


@deconstructible
class AmountValidator:
    """Money lies between MONEY_MIN and MONEY_MAX."""

    code = "amount_range"

    def __call__(self, value):
        if value is None:
            return
        if not bounds.MONEY_MIN <= value <= bounds.MONEY_MAX:
            raise ValidationError(amount_range_message(), code=self.code)

    def __eq__(self, other):
        return isinstance(other, AmountValidator)


def _own_length_validator(validators, limit, kind=MaxCharsValidator):
    """The validators with Django's MaxLengthValidator replaced by ours."""
    kept = [v for v in validators if type(v) is not MaxLengthValidator and not isinstance(v, MaxCharsValidator)]
    return [*kept, kind(limit)]


def bounded_form_field(field, limit, kind=MaxCharsValidator):
    """Give a form field our length check and message (and keep the browser's maxlength hint)."""
    if field is not None and limit:
        field.validators = _own_length_validator(field.validators, limit, kind)
    return field


class BoundedCharField(models.CharField):
    """A CharField whose length message names the limit in Dutch, in the model and in forms."""

    @cached_property
    def validators(self):
        return _own_length_validator(super().validators, self.max_length)

    def formfield(self, **kwargs):
        return bounded_form_field(super().formfield(**kwargs), self.max_length)


class BoundedTextField(models.TextField):
    """A TextField with a maximum length that the model enforces too (Django's only hints it)."""

    def __init__(self, *args, max_length=None, **kwargs):
        if max_length is None:
            raise TypeError("BoundedTextField needs a max_length from netwerken.bounds")
        super().__init__(*args, max_length=max_length, **kwargs)

    @cached_property
    def validators(self):
        return _own_length_validator(super().validators, self.max_length)

    def formfield(self, **kwargs):
        return bounded_form_field(super().formfield(**kwargs), self.max_length)


class BoundedCharFormField(forms.CharField):
    """A plain form field with the same bound and message (for form fields without a model field)."""

    def __init__(self, *, max_length, **kwargs):
        super().__init__(max_length=max_length, **kwargs)
        bounded_form_field(self, max_length)


def money_field(verbose_name, **kwargs) -> models.DecimalField:
    """A money column: two decimals, MONEY_MIN to MONEY_MAX."""
    return models.DecimalField(
        verbose_name,
        max_digits=bounds.MONEY_MAX_DIGITS,
        decimal_places=bounds.MONEY_DECIMAL_PLACES,
        validators=[AmountValidator()],
        **kwargs,
    )
