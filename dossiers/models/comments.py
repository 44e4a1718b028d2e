from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netwerken import bounds
from netwerken.fields import BoundedTextField

from .jaarrapport import Jaarrapport, RapportSection
from .nota import Afsprakennota, Section


class CommentQuerySet(models.QuerySet):
    def visible_to(self, access):
        """Network comments for everyone who sees the dossier; internal ones for publiq only."""
        if access.can_see_internal:
            return self
        return self.filter(visibility=Comment.Visibility.NETWORK)

    def threads(self):
        return self.filter(parent__isnull=True)

    def open(self):
        return self.filter(parent__isnull=True, resolved_at__isnull=True)


class Comment(models.Model):
    """A remark on one part of a dossier or of a yearly report (exactly one of the two), or a
    reply to one. The first comment opens a thread.

    `anchor` says what it is about: "section" for the section as a whole, or "<model>:<pk>" for an
    objective, an action, a budget line, an indicator... `anchor_label` keeps the name it had, so
    a thread stays readable when its subject is removed.
    """

    class Visibility(models.TextChoices):
        NETWORK = "network", _("the network (coordinators and partners)")
        INTERNAL = "internal", _("publiq only (internal)")

    nota = models.ForeignKey(
        Afsprakennota, on_delete=models.CASCADE, null=True, blank=True, related_name="comments"
    )
    jaarrapport = models.ForeignKey(
        Jaarrapport, on_delete=models.CASCADE, null=True, blank=True, related_name="comments"
    )
    section = models.CharField(
        _("section"), max_length=30, choices=Section.choices + RapportSection.choices
    )
    anchor = models.CharField(max_length=60, default="section")
    anchor_label = models.CharField(max_length=300, blank=True)
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    body = BoundedTextField(_("comment"), max_length=bounds.TEXT)
    visibility = models.CharField(
        _("visible to"), max_length=10, choices=Visibility.choices, default=Visibility.NETWORK
    )
    created_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["nota", "section", "anchor"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(nota__isnull=False, jaarrapport__isnull=True)
                | models.Q(nota__isnull=True, jaarrapport__isnull=False),
                name="comment_on_a_dossier_or_a_yearly_report",
            ),
        ]

    def __str__(self):
        return self.body[:60]

    @property
    def is_internal(self) -> bool:
        return self.visibility == self.Visibility.INTERNAL

    @property
    def is_resolved(self) -> bool:
        return self.resolved_at is not None

    def edit(self, body: str):
        self.body = body
        self.edited_at = timezone.now()
        self.save(update_fields=["body", "edited_at"])

    def resolve(self, user):
        self.resolved_at, self.resolved_by = timezone.now(), user
        self.save(update_fields=["resolved_at", "resolved_by"])

    def reopen(self):
        self.resolved_at, self.resolved_by = None, None
        self.save(update_fields=["resolved_at", "resolved_by"])
