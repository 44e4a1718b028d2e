"""The big parts of dossier pages, rendered once per revision of the dossier.

Some pages spend most of their time rendering one large part: the tree of 150 actions, the budget
grid, the activity list. That part shows only what the dossier's revision (`checks.revision`)
follows, seen with some access (which buttons show) in some language, so it is rendered once for
each of those and kept in the shared cache, like the checklist.

What may not go in such a part: anything personal (it is shared by everyone with the same
access), and anything that changes without a new revision, such as comments and notifications,
unless the page adds it to `fresh_with` (the activity list does so for comments). The part is
rendered without the request, from the context given here only, so a template in it cannot reach
the user or the session by accident. Its forms keep working: `{% csrf_token %}` renders a mark
that is replaced with this request's token on the way out.

A part is kept, and put into the page, as UTF-8 bytes: the page is rendered around a mark, and
`LateFragmentsMiddleware` puts the part's bytes in the mark's place. A part of several hundred
kilobytes (the figures, the tree of 150 actions) is then not decoded, copied through every level
of the page's templates and encoded again, which cost more than the rest of such a page.
"""

import hashlib
import secrets
import zlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.core.cache import cache as shared_cache
from django.http import QueryDict
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
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


def cached_fragment(request, context: dict, template: str, build, *, vary=(), fresh_with=()) -> SafeString:
    """`template` rendered with `build()` (called only when the cache has no fresh copy) and the
    shared part of `context`, a dossier context holding the dossier's `revision`; returned as a
    mark that `LateFragmentsMiddleware` replaces with the part once the page is rendered.

    One copy is kept per dossier, template, language, access and `vary` (a page's filters): a new
    revision, or a change in `fresh_with` (what else the part shows), overwrites it, so old
    revisions leave nothing behind in the cache."""
    data = _fragment_bytes(request, context, template, build, vary, fresh_with)
    mark = f"<!--fragment-{secrets.token_hex(8)}-->"
    request.__dict__.setdefault(LATE_FRAGMENTS, {})[mark.encode()] = data
    return mark_safe(mark)


# Where a request keeps its parts until the page is rendered: {mark: the part's UTF-8 bytes}.
LATE_FRAGMENTS = "_late_fragments"


def _fragment_bytes(request, context, template, build, vary, fresh_with) -> bytes:
    slot, version = _slot(context, template, vary), _version(context, fresh_with)
    stored = shared_cache.get(slot)
    if stored is not None and stored[0] == version:
        data = zlib.decompress(stored[1])
    else:
        shared = {name: context[name] for name in SHARED_CONTEXT if name in context}
        data = render_to_string(template, {**shared, **build(), "csrf_token": CSRF_MARK}).encode()
        shared_cache.set(slot, (version, zlib.compress(data, 1)), CHECKLIST_TIMEOUT)
    if _CSRF_MARK_BYTES in data:
        data = data.replace(_CSRF_MARK_BYTES, get_token(request).encode())
    return data


_CSRF_MARK_BYTES = CSRF_MARK.encode()


class LateFragmentsMiddleware:
    """Puts the parts made by `cached_fragment` into the rendered page, in their marks' places.
    The marks are random per request, so a text that a user wrote cannot name one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        parts = request.__dict__.get(LATE_FRAGMENTS)
        if parts and not response.streaming:
            content = response.content
            for mark, data in parts.items():
                content = content.replace(mark, data, 1)
            response.content = content
        return response


def _slot(context, template, vary) -> str:
    """Which copy: the part, the dossier, the language and whatever the viewer's access shows."""
    nota, access = context["nota"], context["access"]
    parts = [
        template,
        get_language(),
        timezone.get_current_timezone_name(),
        sorted(access.roles),
        sorted(access.abilities),
        access.partner.pk if access.partner else None,
        context.get("section"),
        *vary,
    ]
    return f"fragment:{nota.pk}:" + _digest(parts)


def _version(context, fresh_with) -> str:
    """Whether that copy is still right: the code, the revision, the dossier's and round's own
    fields (they have no history rows) and what the page adds."""
    nota = context["nota"]
    parts = [_templates_release(), context["revision"], _fields(nota), _fields(nota.ronde)]
    return _digest([*parts, *fresh_with])


def _digest(parts) -> str:
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:40]


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


COMMENTS_MARK = "open-comments-of-this-request-5b2e:"
NAV_TEMPLATE = "dossiers/includes/_section_nav.html"


def section_nav(context) -> str:
    """The dossier's section navigation: the same for everyone with the same access on the same
    page, so rendered once per revision; only the open-comment counts (not in the revision, and
    what the viewer may see of them) are put in per request, where the nav marks their places."""
    request = context["request"]
    page = {
        "page_name": request.resolver_match.url_name,
        "comment_section": bool(context.get("comment_section")),
        "comments_mark": COMMENTS_MARK,
    }
    if "revision" in context:
        html = _fragment_bytes(request, context, NAV_TEMPLATE, lambda: page, page.values(), ()).decode()
    else:  # a page that does not show the dossier's revision
        html = render_to_string(NAV_TEMPLATE, {**context.flatten(), **page})
    counts = context.get("open_comments") or {}
    for s in context.get("sections") or ():
        badge = ""
        if counts.get(s.section):
            badge = render_to_string(_BADGE, {"n": counts[s.section]})
        html = html.replace(f"{COMMENTS_MARK}{s.section};", badge)
    return mark_safe(html)  # rendered by the template engine, which escaped it


_BADGE = "dossiers/includes/_open_comments_badge.html"
CHECKS_TEMPLATE = "dossiers/includes/_section_checks.html"


def section_checks(context) -> str:
    """The card of what the decree still asks in this page's section: it shows the checklist,
    which follows the revision, so it is rendered once per revision and access."""
    if "revision" in context:
        return cached_fragment(context["request"], context, CHECKS_TEMPLATE, dict)
    return render_to_string(CHECKS_TEMPLATE, context.flatten())
