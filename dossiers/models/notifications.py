from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .nota import Afsprakennota


class NotificationKind(models.TextChoices):
    COMMENT = "comment", _("a new comment in a thread I take part in")
    PARTNER = "partner", _("a partner comments, or confirms or declines its part (coordinators)")
    CONSULTATION = "consultation", _("a dossier is opened for comments")
    SUBMITTED = "submitted", _("a dossier is submitted")
    REVIEW = "review", _("a review decision")
    REMINDER = "reminder", _("deadline reminders")


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """A message in a person's in-app list (and, if they want it, by email)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    nota = models.ForeignKey(
        Afsprakennota, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=NotificationKind.choices)
    message = models.CharField(_("message"), max_length=400)
    url = models.CharField(max_length=400, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]


class ReminderSent(models.Model):
    """Remembers that the reminder N days before the deadline went out, so it goes out once."""

    nota = models.ForeignKey(Afsprakennota, on_delete=models.CASCADE, related_name="+")
    days_before = models.PositiveSmallIntegerField()
    sent_on = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["nota", "days_before"], name="one_reminder_per_step")
        ]
