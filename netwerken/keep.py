"""Keep what a user typed when their session expired before they pressed Save.

An anonymous POST to a protected page is put aside in the (new) session and the user is sent to
log in. Django keeps session data through login, so when they come back the page shows their
text again, unsaved, to check and save.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponse, QueryDict
from django.utils.translation import gettext as _

SESSION_KEY = "kept_posts"
MAX_BYTES = 200_000


def login_required_keeping_post(view=None, *, page=None):
    """Like login_required, keeping an anonymous POST for the page it belongs to.

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
            if request.method == "POST":
                body = request.POST.urlencode()
                if len(body) <= MAX_BYTES:
                    kept = request.session.get(SESSION_KEY, {})
                    kept[target] = body
                    request.session[SESSION_KEY] = kept
                    messages.warning(
                        request,
                        _("Your session had expired. Log in again: what you typed has been kept."),
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
