"""What a step of the dossier's workflow does besides changing the state.

Each effect is a small function of one `Step`; the transition table (workflow.py) lists, per
step, the effects it has and in which order. The one function that performs a step
(`dossier_transition` in services) runs them after recording the step, in its transaction.
"""

from dataclasses import dataclass
from typing import Any

from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from netwerken.permissions import netwerk_partners, publiq_reviewers

from .exports import pdf_export_for_version
from .models import Afsprakennota, DossierVersion, NotificationKind
from .notify import notify
from .review_memory import version_decide
from .snapshot import build_snapshot, sha256_of


@dataclass
class Step:
    """One step being taken: on what, which, by whom, with which note.

    `version` is filled in by an effect that freezes one, for the effects after it.
    """

    subject: Any  # the dossier, or the yearly report
    name: str
    user: Any
    note: str = ""
    version: Any = None


def coordinators(netwerk):
    return list(netwerk.coordinators())


def partners(netwerk):
    return netwerk_partners(netwerk)


def reviewers():
    return list(publiq_reviewers())


def dossier_freeze(*, nota: Afsprakennota, user) -> DossierVersion:
    """Freeze the dossier as it is now into a new numbered version."""
    snapshot = build_snapshot(nota)
    last = nota.versions.aggregate(n=Max("number"))["n"] or 0
    now = timezone.now()
    return DossierVersion.objects.create(
        nota=nota,
        number=last + 1,
        submitted_at=now,
        submitted_by=user,
        late=now > nota.ronde.deadline,
        snapshot=snapshot,
        sha256=sha256_of(snapshot),
    )


def freeze_version(step: Step) -> None:
    step.version = dossier_freeze(nota=step.subject, user=step.user)


def make_version_pdf(step: Step) -> None:
    pdf_export_for_version(version=step.version)


def record_decision(step: Step) -> None:
    """Keep publiq's decision and its letter with the version it is about."""
    decided = step.subject.versions.order_by("-number").first()
    if decided is not None:
        version_decide(version=decided, step=step.name, letter=step.note)


def _url(nota) -> str:
    return reverse("dossier_overview", args=[nota.pk])


def tell_partners_consultation(step: Step) -> None:
    nota = step.subject
    notify(
        users=partners(nota.netwerk),
        kind=NotificationKind.CONSULTATION,
        nota=nota,
        url=_url(nota),
        message=_("The afsprakennota of %(netwerk)s is open for your comments.")
        % {"netwerk": nota.netwerk.name},
    )


def tell_submission(step: Step) -> None:
    nota, version = step.subject, step.version
    message = _("%(netwerk)s submitted version %(number)s of its afsprakennota.") % {
        "netwerk": nota.netwerk.name,
        "number": version.number,
    }
    if version.late:
        message += " " + _("This is after the deadline.")
    notify(
        users=reviewers() + [u for u in coordinators(nota.netwerk) if u != step.user],
        kind=NotificationKind.SUBMITTED,
        nota=nota,
        url=_url(nota),
        message=message,
    )


def _tell_coordinators_review(step: Step, message: str) -> None:
    notify(
        users=coordinators(step.subject.netwerk),
        kind=NotificationKind.REVIEW,
        nota=step.subject,
        url=_url(step.subject),
        message=message,
    )


def tell_approval(step: Step) -> None:
    _tell_coordinators_review(
        step,
        _("publiq approved the afsprakennota of %(netwerk)s.")
        % {"netwerk": step.subject.netwerk.name},
    )


def tell_changes_requested(step: Step) -> None:
    _tell_coordinators_review(
        step,
        _("publiq asks for changes to the afsprakennota of %(netwerk)s: %(note)s")
        % {"netwerk": step.subject.netwerk.name, "note": step.note},
    )
