"""Rich text that users write: only headings, paragraphs, lists, bold, italic and links survive."""

import nh3
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.functional import cached_property

from netwerken.fields import RichTextLengthValidator, bounded_form_field

ALLOWED_TAGS = {"h3", "h4", "p", "div", "br", "strong", "b", "em", "i", "a", "ul", "ol", "li"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
URL_SCHEMES = {"http", "https", "mailto"}


def sanitize(html: str) -> str:
    if not html:
        return ""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    ).strip()


def plain_text(html: str) -> str:
    """The words only, for completeness checks and search."""
    return " ".join(nh3.clean(html or "", tags=set()).split())


class RichTextField(models.TextField):
    """A TextField whose value is sanitised every time it is saved, whatever the way in.

    Its max_length counts what the reader sees (markup left out); the markup has its own bound.
    """

    @cached_property
    def validators(self):
        found = [v for v in super().validators if not isinstance(v, MaxLengthValidator)]
        return [*found, RichTextLengthValidator(self.max_length)] if self.max_length else found

    def formfield(self, **kwargs):
        field = super().formfield(**kwargs)
        if self.max_length:
            bounded_form_field(field, self.max_length, RichTextLengthValidator)
            field.widget.attrs.pop("maxlength", None)  # the browser would count the markup
        return field

    def pre_save(self, model_instance, add):
        value = sanitize(getattr(model_instance, self.attname) or "")
        setattr(model_instance, self.attname, value)
        return value
