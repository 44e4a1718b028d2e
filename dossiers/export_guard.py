"""Limits on making an export, and what to tell the user when a dossier is too big for them.

The PDF (in the worker) and the Word file (during the request) are made in a child process within
a deadline and a memory ceiling (netwerken/limits.py), both set in the environment. When an export
hits one, the user reads which of the dossier's texts are the longest: those are what to shorten.
"""

from django.conf import settings
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from netwerken.limits import Limits
from netwerken.numbers import format_count

from .models import Section, Visie
from .richtext import plain_text

# Document keys that repeat another text or are not written by users (nor are `*_svg` charts).
_NOT_TEXT = {"text_plain", "key", "code", "format", "made_at", "status", "email", "phone", "kind"}

FIELD_LABELS = {
    "description": gettext_lazy("description"),
    "title": gettext_lazy("title"),
    "text": gettext_lazy("text"),
    "note": gettext_lazy("note"),
    "name": gettext_lazy("name"),
    "involvement": gettext_lazy("involvement"),
    "future_involvement": gettext_lazy("future involvement"),
    "vorm_motivation": gettext_lazy("motivation"),
    "target": gettext_lazy("target value"),
    "remark": gettext_lazy("remark"),
}

_QUESTIONS = dict(Visie.QUESTIONS)


def pdf_limits() -> Limits:
    return Limits(
        seconds=settings.EXPORT_TIME_LIMIT_SECONDS, memory_mb=settings.EXPORT_MEMORY_LIMIT_MB
    )


def word_limits() -> Limits:
    return Limits(
        seconds=settings.WORD_EXPORT_TIME_LIMIT_SECONDS, memory_mb=settings.EXPORT_MEMORY_LIMIT_MB
    )


def longest_texts(document: dict, *, count: int = 3) -> list[dict]:
    """The `count` longest texts of a dossier document: where each one is, and its length."""
    found = []

    def walk(node, section, item):
        if isinstance(node, dict):
            item = _item_label(node, item)
            for key, value in node.items():
                if isinstance(value, str):
                    size = (
                        _length(value) if key not in _NOT_TEXT and not key.endswith("_svg") else 0
                    )
                    if size:
                        found.append((size, section, item, key))
                else:
                    walk(value, section, item)
        elif isinstance(node, list):
            for value in node:
                walk(value, section, item)

    for key, value in document.items():
        if key in Section.values:
            walk(value, key, "")
    found.sort(key=lambda entry: entry[0], reverse=True)
    return [
        {"section": section, "item": item, "field": field, "chars": size}
        for size, section, item, field in found[:count]
    ]


def _length(text: str) -> int:
    """Characters as the user counts them: the words of a rich text, not its markup."""
    return len(plain_text(text)) if "<" in text else len(text)


def _item_label(node: dict, parent: str) -> str:
    """An objective or action by its code and title; anything else named within its parent."""
    if isinstance(node.get("code"), str) and isinstance(node.get("title"), str):
        return f"{node['code']} {Truncator(node['title']).chars(60)}"
    for key in ("title", "name", "label"):
        if isinstance(node.get(key), str) and node[key]:
            name = Truncator(node[key]).chars(60)
            return f"{parent} › {name}" if parent else name
    return parent


def describe_texts(entries: list[dict]) -> list[str]:
    """The longest texts, as the user reads them: where, which field, how long."""
    lines = []
    for entry in entries:
        where = (
            [str(Section(entry["section"]).label)] if entry.get("section") in Section.values else []
        )
        if entry.get("item"):
            where.append(entry["item"])
        field = FIELD_LABELS.get(entry.get("field")) or _QUESTIONS.get(
            entry.get("field"), FIELD_LABELS["text"]
        )
        lines.append(
            _("%(where)s: %(field)s (%(chars)s characters)")
            % {
                "where": " › ".join(where),
                "field": field,
                "chars": format_count(entry.get("chars", 0)),
            }
        )
    return lines
