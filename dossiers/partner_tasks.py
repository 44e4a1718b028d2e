"""What a partner still has to do in a dossier: confirm its part, and answer the threads that
wait for it (those about its part, and those it took part in where someone else spoke last)."""

from dataclasses import dataclass

from django.db.models import Prefetch

from .checklist import DossierData
from .models import Comment


@dataclass(frozen=True)
class PartnerTasks:
    confirm_state: str | None  # "open" or "lapsed" when it still has to answer, else None
    threads: list[Comment]

    def __bool__(self):
        return bool(self.confirm_state or self.threads)


def partner_tasks(*, nota, access, user, data: DossierData | None = None) -> PartnerTasks | None:
    """The tasks of the partner `user` speaks for, or None for who speaks for no partner."""
    partner = access.partner
    if partner is None or not access.can_confirm:
        return None
    confirm_state = None
    if nota.is_editable:
        state = (data or DossierData(nota)).confirmation_state(partner)
        confirm_state = state if state in {"open", "lapsed"} else None
    if not access.can_comment:  # outside the consultation a partner cannot answer
        return PartnerTasks(confirm_state=confirm_state, threads=[])
    replies = Comment.objects.visible_to(access).order_by("created_at", "pk")
    threads = (
        Comment.objects.filter(nota=nota).visible_to(access).open()
        .select_related("author").prefetch_related(Prefetch("replies", queryset=replies))
    )
    waiting = []
    for thread in threads:
        messages = [thread, *thread.replies.all()]
        addressed = thread.anchor == f"partner:{partner.pk}"
        took_part = any(m.author_id == user.pk for m in messages)
        if (addressed or took_part) and messages[-1].author_id != user.pk:
            waiting.append(thread)
    return PartnerTasks(confirm_state=confirm_state, threads=waiting)
