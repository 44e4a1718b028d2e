"""A browser whose session expired: it was logged in (and so carries the marker cookie of
netwerken/keep.py), but its session is gone."""

from django.conf import settings
from django.contrib.sessions.models import Session


def expired_session(client, user):
    client.force_login(user)
    client.get("/")  # the first answer to a logged-in user sets the marker
    Session.objects.filter(session_key=client.cookies[settings.SESSION_COOKIE_NAME].value).delete()
    del client.cookies[settings.SESSION_COOKIE_NAME]
    return client
