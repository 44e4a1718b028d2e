"""Deadline reminders, meant to run once a day (`manage.py send_deadline_reminders`)."""

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import ngettext

from .models import Afsprakennota, NotificationKind, ReminderSent
from .notify import notify
from .workflow import EDITABLE

DAYS_BEFORE = (30, 14, 7, 1)


def send_deadline_reminders(*, today=None) -> int:
    """Remind the coordinators of dossiers not yet submitted. Returns how many dossiers got one.

    Each step (30, 14, 7 and 1 days before) goes out once per dossier, however often this runs.
    """
    today = today or timezone.localdate()
    sent = 0
    candidates = Afsprakennota.objects.filter(status__in=EDITABLE, versions__isnull=True)
    for nota in candidates.select_related("netwerk", "ronde"):
        days = (timezone.localdate(nota.ronde.deadline) - today).days
        if days not in DAYS_BEFORE:
            continue
        try:
            with transaction.atomic():
                ReminderSent.objects.create(nota=nota, days_before=days, sent_on=today)
                notify(
                    users=list(nota.netwerk.coordinators()),
                    kind=NotificationKind.REMINDER,
                    nota=nota,
                    url=reverse("dossier_overview", args=[nota.pk]),
                    message=ngettext(
                        "The afsprakennota of %(netwerk)s must be submitted by %(date)s: "
                        "%(days)s day left.",
                        "The afsprakennota of %(netwerk)s must be submitted by %(date)s: "
                        "%(days)s days left.",
                        days,
                    )
                    % {
                        "netwerk": nota.netwerk.name,
                        "date": date_format(timezone.localtime(nota.ronde.deadline), "DATE_FORMAT"),
                        "days": days,
                    },
                )
        except IntegrityError:
            continue  # already reminded for this step
        sent += 1
    return sent
