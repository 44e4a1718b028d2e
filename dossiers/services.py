"""Operations on a dossier that span several models: moving it through the workflow, freezing a
version, comments and partner confirmations. Views call these; they never take a request."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext as _

from netwerken import bounds
from netwerken.fields import too_long_message
from netwerken.permissions import access_for, overall_access
from netwerken.prepared import PreparedQuery

from .checklist import DossierData, run_checklist
from .effects import Step, dossier_freeze  # noqa: F401 (dossier_freeze: used from here by tests)
from .effects import coordinators as _coordinators
from .effects import partners as _partners
from .models import (
    Afsprakennota,
    Comment,
    NotificationKind,
    PartnerConfirmation,
    TransitionRecord,
)
from .notify import notify
from .review_memory import DECISIONS
from .workflow import BY_NAME, Status


class Refused(Exception):
    """The operation cannot be done now; the message says why, in Dutch."""


def refuse_too_long(text: str, limit: int):
    if len(text) > limit:
        raise Refused(too_long_message(limit, len(text)))


def take_step(*, subject, netwerk, transition, user, note, is_ready, record, wrong_state, not_ready):
    """What every workflow step does, for a dossier or a yearly report (`subject`, locked by the
    caller): check who may take it from which state, the note and readiness (`is_ready()`),
    record it (`record(**fields)`), move the subject and run the step's effects."""
    if not access_for(user, netwerk).can(transition.ability):
        raise PermissionDenied
    if subject.status not in transition.sources:
        raise Refused(wrong_state)
    note = note.strip()
    if transition.note_required and not note:
        raise Refused(_("Explain what needs to change: the network reads this summary."))
    # A decision's note is its letter to the network, composed from the remarks of every section.
    refuse_too_long(note, bounds.LONG_TEXT if transition.name in DECISIONS else bounds.TEXT)
    if transition.needs_ready_checklist and not is_ready():
        raise Refused(not_ready)
    step = record(
        name=transition.name, from_status=subject.status, to_status=transition.target,
        by=user, note=note,
    )
    subject.status = transition.target
    subject.save(update_fields=["status"])
    transition.run_effects(Step(subject=subject, name=transition.name, user=user, note=note))
    return step


@transaction.atomic
def dossier_transition(*, nota: Afsprakennota, name: str, user, note: str = "") -> TransitionRecord:
    """Move the dossier along the workflow, record it, and tell the people concerned."""
    nota = Afsprakennota.objects.select_for_update().select_related("netwerk", "ronde").get(pk=nota.pk)
    return take_step(
        subject=nota, netwerk=nota.netwerk, transition=BY_NAME[name], user=user, note=note,
        is_ready=lambda: run_checklist(nota).ready,
        record=lambda **fields: TransitionRecord.objects.create(nota=nota, **fields),
        wrong_state=_("This step is not possible in the current state of the dossier."),
        not_ready=_("The dossier cannot be submitted yet: required elements are missing."),
    )


@transaction.atomic
def comment_post(
    *, nota, user, body: str, section: str, anchor: str, anchor_label: str, visibility: str,
    parent: Comment | None = None,
) -> Comment:
    """Start a thread or reply to one, and tell the others in the thread."""
    if not body.strip():
        raise Refused(_("The comment is empty."))
    refuse_too_long(body.strip(), bounds.TEXT)
    if parent is not None:
        section, anchor, anchor_label, visibility = (
            parent.section, parent.anchor, parent.anchor_label, parent.visibility
        )
    comment = Comment.objects.create(
        nota=nota,
        author=user,
        body=body.strip(),
        section=section,
        anchor=anchor,
        anchor_label=anchor_label[:300],
        visibility=visibility,
        parent=parent,
    )
    thread = parent or comment
    url = reverse("dossier_comments", args=[nota.pk]) + f"?anchor={thread.anchor}&section={thread.section}"
    told = set()
    if parent is not None:
        if parent.is_resolved:
            parent.reopen()
        thread_people = {parent.author, *(r.author for r in parent.replies.select_related("author"))}
        if comment.is_internal:
            thread_people = {
                u for u in thread_people if u is not None and overall_access(u).can_see_internal
            }
        told = {u for u in thread_people if u is not None and u != user}
        notify(
            users=told,
            kind=NotificationKind.COMMENT,
            nota=nota,
            url=url,
            message=_("%(user)s replied on “%(subject)s” in the afsprakennota of %(netwerk)s.")
            % {"user": user, "subject": parent.anchor_label, "netwerk": nota.netwerk.name},
        )
    name, _sep, addressed_pk = thread.anchor.partition(":")
    if name == "partner" and not comment.is_internal:
        addressed = _partners(nota.netwerk).filter(memberships__partner_id=addressed_pk)
        notify(
            users=[u for u in addressed if u != user and u not in told],
            kind=NotificationKind.COMMENT,
            nota=nota,
            url=url,
            message=_("%(user)s asks you something about “%(subject)s” in the afsprakennota of %(netwerk)s.")
            % {"user": user, "subject": thread.anchor_label, "netwerk": nota.netwerk.name},
        )
    author_access = access_for(user, nota.netwerk)
    partner = author_access.partner if author_access.can_confirm else None
    if partner is not None and not comment.is_internal:
        notify(
            users=[u for u in _coordinators(nota.netwerk) if u != user and u not in told],
            kind=NotificationKind.PARTNER,
            nota=nota,
            url=url,
            message=_("%(user)s (%(partner)s) commented on “%(subject)s” in the afsprakennota of %(netwerk)s.")
            % {"user": user, "partner": partner.name, "subject": thread.anchor_label, "netwerk": nota.netwerk.name},
        )
    return comment


@transaction.atomic
def partner_confirm(*, nota, partner, user, answer: str, remark: str = "") -> PartnerConfirmation:
    """Record a partner's answer on its described part, with the fingerprint of what it saw."""
    if answer == PartnerConfirmation.Answer.DECLINED and not remark.strip():
        raise Refused(_("Say what is not right, so the coordinator can adjust it."))
    fingerprint = DossierData(nota).partner_fingerprints[partner.pk]
    confirmation = PartnerConfirmation.objects.create(
        nota=nota, partner=partner, by=user, answer=answer, remark=remark.strip(), fingerprint=fingerprint
    )
    names = {"partner": partner.name, "netwerk": nota.netwerk.name, "remark": confirmation.remark}
    if answer == PartnerConfirmation.Answer.CONFIRMED:
        message = _("%(partner)s confirmed its part in the afsprakennota of %(netwerk)s.") % names
    else:
        message = _(
            "%(partner)s says something is not right in its part of the afsprakennota of %(netwerk)s: %(remark)s"
        ) % names
    notify(
        users=[u for u in _coordinators(nota.netwerk) if u != user],
        kind=NotificationKind.PARTNER,
        nota=nota,
        url=reverse("dossier_partners", args=[nota.pk]) + f"#partner-{partner.pk}",
        message=message,
    )
    return confirmation


def open_threads_by_section(nota, access) -> dict[str, int]:
    """How many open threads each section has that `access` may see (every dossier page shows
    them: the query's SQL is built once)."""
    query = _OPEN_THREADS_ALL if access.can_see_internal else _OPEN_THREADS_NETWORK
    return dict(query.rows(nota.pk))


def _open_threads(pk, *, internal: bool):
    rows = Comment.objects.filter(nota_id=pk).open()
    if not internal:
        rows = rows.filter(visibility=Comment.Visibility.NETWORK)
    return rows.values("section").annotate(n=Count("pk")).order_by().values_list("section", "n")


_OPEN_THREADS_ALL = PreparedQuery(lambda pk: _open_threads(pk, internal=True), 1)
_OPEN_THREADS_NETWORK = PreparedQuery(lambda pk: _open_threads(pk, internal=False), 1)


def submitted(nota) -> bool:
    return nota.status in {Status.INGEDIEND, Status.IN_BEHANDELING, Status.GOEDGEKEURD}
