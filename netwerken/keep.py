"""Keep what a user typed when their session expired before they pressed Save.

A POST to a protected page from someone whose session expired is put aside in a new session and
the user is sent to log in. Django keeps session data through login, so when they come back the
page shows their text again, unsaved, to check and save.

Only browsers that had a session get this: the signed marker cookie set on every answer to a
logged-in user (netwerken/middleware.py) says so. A stranger's POST is never stored, and what is
kept per session is bounded (KEPT_POST_MAX_BYTES), so nobody can fill the session table.
"""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core import signing
from django.http import HttpResponse, QueryDict
from django.utils.translation import gettext as _

SESSION_KEY = "kept_posts"
MARKER_COOKIE = "had_session"
MARKER_SALT = "netwerken.keep.had_session"
# The marker outlives a session long enough to come back after a weekend or a holiday.
MARKER_MAX_AGE = 60 * 60 * 24 * 30


def had_session(request) -> bool:
    """Whether this browser carries the marker of a session it had (signed, not too old)."""
    value = request.get_signed_cookie(
        MARKER_COOKIE, default=None, salt=MARKER_SALT, max_age=MARKER_MAX_AGE
    )
    return value == "1"


def mark_session(response) -> None:
    response.set_signed_cookie(
        MARKER_COOKIE,
        "1",
        salt=MARKER_SALT,
        max_age=MARKER_MAX_AGE,
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )


def _keep(request, target: str, body: str) -> bool:
    """Put `body` aside for `target`, within the bound per session; False when it does not fit.

    A newer form for the same page replaces the older one; older forms of other pages make way
    for the newest.
    """
    limit = settings.KEPT_POST_MAX_BYTES
    if len(body.encode()) > limit:
        return False
    kept = request.session.get(SESSION_KEY, {})
    kept.pop(target, None)
    kept[target] = body
    while sum(len(v.encode()) for v in kept.values()) > limit:
        kept.pop(next(iter(kept)))
    request.session[SESSION_KEY] = kept
    return True


def login_required_keeping_post(view=None, *, page=None):
    """Like login_required, keeping the POST of a browser whose session expired for the page it
    belongs to.

    `page(**view_kwargs)` names that page when the view is not the page itself (a cell of the
    budget grid saved by htmx belongs to the grid). htmx requests are sent to the login page with
    an HX-Redirect, so the whole page goes there instead of the login form landing in a cell.
    """
    if view is None:
        return lambda view: login_required_keeping_post(view, page=page)

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            target = page(**kwargs) if page else request.path
            if request.method == "POST" and had_session(request):
                if _keep(request, target, request.POST.urlencode()):
                    messages.warning(
                        request,
                        _("Your session had expired. Log in again: what you typed has been kept."),
                    )
                else:
                    messages.warning(
                        request,
                        _(
                            "Your session had expired. What you typed was too long to keep: "
                            "copy it from the previous page before you log in again."
                        ),
                    )
            login = redirect_to_login(target)
            if request.headers.get("HX-Request"):
                response = HttpResponse()
                response["HX-Redirect"] = login.url
                return response
            return login
        request.kept_post = None
        if request.method == "GET":
            kept = request.session.get(SESSION_KEY, {})
            if request.path in kept:
                body = kept.pop(request.path)
                request.session[SESSION_KEY] = kept
                request.kept_post = QueryDict(body)
                messages.info(
                    request,
                    _("What you typed before logging in is back. Check it and save."),
                )
        return view(request, *args, **kwargs)

    return wrapper


def form_data(request):
    """The data to bind a form to: this POST, or a POST kept through a login, or None."""
    if request.method == "POST":
        return request.POST
    return getattr(request, "kept_post", None)
