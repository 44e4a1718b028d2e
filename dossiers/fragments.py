"""The big parts of dossier pages, rendered once per revision of the dossier.

Some pages spend most of their time rendering one large part: the tree of 150 actions, the budget
grid, the activity list. That part shows only what the dossier's revision (`checks.revision`)
follows, seen with some access (which buttons show) in some language, so it is rendered once for
each of those and kept in the shared cache, like the checklist.

What may not go in such a part: anything personal (it is shared by everyone with the same
access), and anything that changes without a new revision, such as comments and notifications,
unless the page adds it to `vary` (the activity list does so for comments). The part is rendered
without the request, from the context given here only, so a template in it cannot reach the user
or the session by accident. Its forms keep working: `{% csrf_token %}` renders a mark that is
replaced with this request's token on the way out.
"""

import hashlib
from dataclasses import dataclass
import zlib
from functools import cache
from pathlib import Path

from django.core.cache import cache as shared_cache
from django.http import QueryDict
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from .checks import CHECKLIST_TIMEOUT, _release

CSRF_MARK = "csrf-token-of-this-request-0f3c9a"

# What a fragment may read of the dossier context (dossiers.views.dossier_context): never the
# open comments, the remarks or the workflow steps, which change without a new revision.
SHARED_CONTEXT = ("nota", "netwerk", "access", "checklist", "sections", "section")


@dataclass(frozen=True)
class PageAddress:
    """What a fragment may know of the request: its path and query string (`{% page_query %}`
    and the figures' import links read them). A page that passes it puts the query in `vary`."""

    path: str
    GET: QueryDict

    @classmethod
    def of(cls, request) -> "PageAddress":
        return cls(request.path, request.GET)


def cached_fragment(request, context: dict, template: str, build, vary=()) -> str:
    """`template` rendered with `build()` (called only when the cache has no copy) and the
    shared part of `context`, a dossier context holding the dossier's `revision`."""
    key = _key(context, template, vary)
    stored = shared_cache.get(key)
    if stored is None:
        shared = {name: context[name] for name in SHARED_CONTEXT if name in context}
        html = render_to_string(template, {**shared, **build(), "csrf_token": CSRF_MARK})
        stored = zlib.compress(html.encode(), 1)
        shared_cache.set(key, stored, CHECKLIST_TIMEOUT)
    html = zlib.decompress(stored).decode()
    if CSRF_MARK in html:
        html = html.replace(CSRF_MARK, get_token(request))
    return mark_safe(html)  # rendered by the template engine, which escaped it


def _key(context, template, vary) -> str:
    nota, access = context["nota"], context["access"]
    parts = [
        template,
        nota.pk,
        get_language(),
        timezone.get_current_timezone_name(),
        _templates_release(),
        context["revision"],
        _fields(nota),
        _fields(nota.ronde),
        sorted(access.roles),
        sorted(access.abilities),
        access.partner.pk if access.partner else None,
        context.get("section"),
        *vary,
    ]
    return f"fragment:{nota.pk}:" + hashlib.sha256(repr(parts).encode()).hexdigest()[:40]


def _fields(instance) -> list:
    """Every stored value of `instance` (the dossier and its round have no history rows)."""
    return [f.value_from_object(instance) for f in instance._meta.concrete_fields]


@cache
def _templates_release() -> str:
    """The code's digest (`checks._release`) and the templates': a new release renders afresh."""
    root = Path(__file__).resolve().parent.parent
    digest = hashlib.sha256(_release().encode())
    for path in sorted((root / "templates").rglob("*.html")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
