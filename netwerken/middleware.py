"""Request and response rules that depend on whether the visitor is logged in."""

from django.conf import settings
from django.shortcuts import render
from django.utils.cache import patch_cache_control

from . import keep


def _content_length(request) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


class RequestSizeLimitMiddleware:
    """Refuses a request body that is too large with 413, before anything reads it.

    Visitors who are not logged in get a small limit; logged-in users the upload limit.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        size = _content_length(request)
        if size > settings.ANONYMOUS_REQUEST_MAX_BYTES:
            anonymous = not request.user.is_authenticated
            if anonymous:
                limit = settings.ANONYMOUS_REQUEST_MAX_BYTES
            else:
                limit = settings.REQUEST_MAX_BYTES
            if size > limit:
                context = {
                    "anonymous": anonymous,
                    "limit_kb": limit // 1024,
                    "limit_mb": limit // (1024 * 1024),
                }
                return render(request, "413.html", context, status=413)
        return self.get_response(request)


class LoggedInResponseMiddleware:
    """What every answer to a logged-in user carries.

    - `Cache-Control: private, no-store`: no proxy or browser cache keeps a page or download
      (PDF, Word, JSON) of a logged-in user.
    - The signed marker that says this browser had a session, so that a form sent after the
      session expired may be kept (netwerken/keep.py) while strangers' forms never are.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.user.is_authenticated:
            patch_cache_control(response, private=True, no_store=True)
            if not keep.had_session(request):
                keep.mark_session(response)
        return response
