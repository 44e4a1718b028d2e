"""Logging in, the login lockout and password resets: one spelling of an address everywhere."""

from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib.auth import views as auth_views

from .models import PasswordResetRequest, normalise_email


def axes_username(request, credentials=None) -> str | None:
    """The name django-axes counts failed logins under (AXES_USERNAME_CALLABLE).

    Normalised, so that "An@Example.org" and "an@example.org" share one counter and one lock.
    """
    value = (credentials or {}).get("username")
    if value is None and request is not None:
        value = getattr(request, "POST", {}).get("username")
    return normalise_email(value) if value is not None else None


def client_ip(request) -> str | None:
    """The address of the client (AXES_CLIENT_IP_CALLABLE, and the reset limits).

    Behind our reverse proxy REMOTE_ADDR is the proxy's own; the proxy appends the address it saw
    to X-Forwarded-For, so the last entry is the one to trust (earlier ones the client can write).
    """
    if settings.BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        last = forwarded.rsplit(",", 1)[-1].strip()
        if last:
            return last
    return request.META.get("REMOTE_ADDR")


class PasswordResetView(auth_views.PasswordResetView):
    """Sends a reset link, at most a few per address and per client per hour."""

    def form_valid(self, form):
        email = form.cleaned_data["email"]
        ip_address = client_ip(self.request)
        refusal = PasswordResetRequest.refusal(email=email, ip_address=ip_address)
        if refusal:
            form.add_error(None, refusal)
            return self.render_to_response(self.get_context_data(form=form), status=429)
        PasswordResetRequest.record(email=email, ip_address=ip_address)
        return super().form_valid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Saves the new password and lifts the login lockout of the account, as the lockout page
    promises."""

    def form_valid(self, form):
        response = super().form_valid(form)
        axes_reset(username=axes_username(None, {"username": form.user.email}))
        return response
