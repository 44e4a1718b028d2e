"""Notifications: a row in each person's in-app list, and an email unless they turned it off."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.utils.translation import gettext as _

from .models import Notification


def notify(*, users, kind: str, message: str, url: str = "", nota=None) -> list[Notification]:
    recipients = {u.pk: u for u in users if u is not None and u.is_active}
    notifications = Notification.objects.bulk_create(
        Notification(user=u, nota=nota, kind=kind, message=message[:400], url=url)
        for u in recipients.values()
    )
    emails = [u.email for u in recipients.values() if kind not in (u.muted_email_kinds or [])]
    if emails:
        link = f"{settings.SITE_URL}{url}" if url else settings.SITE_URL
        body = _("%(message)s\n\nOpen: %(link)s\n\nYou choose which emails you get at %(settings)s") % {
            "message": message,
            "link": link,
            "settings": f"{settings.SITE_URL}/meldingen/instellingen/",
        }

        def send():
            for address in emails:
                send_mail(subject=message[:120], message=body, from_email=None, recipient_list=[address])

        transaction.on_commit(send)
    return notifications
