"""What a step of the yearly report's workflow does besides changing its state: the same kind of
effects as the dossier's (effects.py), each a small function of one `effects.Step` whose subject
is the yearly report."""

from django.db.models import Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .effects import Step, coordinators, partners, reviewers
from .exports import jaarrapport_pdf_for_version
from .jaarrapport import build_document
from .models import JaarrapportVersion, NotificationKind
from .notify import notify
from .review_memory import version_decide
from .snapshot import sha256_of


def jaarrapport_freeze(*, jaarrapport, user) -> JaarrapportVersion:
    """Freeze the yearly report as it is now into a new numbered version."""
    document = build_document(jaarrapport)
    last = jaarrapport.versions.aggregate(n=Max("number"))["n"] or 0
    return JaarrapportVersion.objects.create(
        jaarrapport=jaarrapport,
        number=last + 1,
        submitted_at=timezone.now(),
        submitted_by=user,
        snapshot=document,
        sha256=sha256_of(document),
    )


def freeze_version(step: Step) -> None:
    step.version = jaarrapport_freeze(jaarrapport=step.subject, user=step.user)


def make_version_pdf(step: Step) -> None:
    jaarrapport_pdf_for_version(version=step.version)


def record_decision(step: Step) -> None:
    decided = step.subject.versions.order_by("-number").first()
    if decided is not None:
        version_decide(version=decided, step=step.name, letter=step.note)


def _tell(step: Step, users, kind, message):
    werkjaar = step.subject.werkjaar
    notify(
        users=users,
        kind=kind,
        nota=werkjaar.nota,
        url=reverse("jaarrapport", args=[werkjaar.nota_id, werkjaar.year]),
        message=message,
    )


def _names(step: Step) -> dict:
    werkjaar = step.subject.werkjaar
    return {"netwerk": werkjaar.nota.netwerk.name, "year": werkjaar.year, "note": step.note}


def tell_partners_consultation(step: Step) -> None:
    _tell(
        step,
        partners(step.subject.werkjaar.nota.netwerk),
        NotificationKind.CONSULTATION,
        _("The yearly report %(year)s of %(netwerk)s is open for your comments and confirmation.")
        % _names(step),
    )


def tell_submission(step: Step) -> None:
    others = [u for u in coordinators(step.subject.werkjaar.nota.netwerk) if u != step.user]
    _tell(
        step,
        reviewers() + others,
        NotificationKind.SUBMITTED,
        _("%(netwerk)s submitted its yearly report %(year)s.") % _names(step),
    )


def tell_approval(step: Step) -> None:
    _tell(
        step,
        coordinators(step.subject.werkjaar.nota.netwerk),
        NotificationKind.REVIEW,
        _("publiq approved the yearly report %(year)s of %(netwerk)s.") % _names(step),
    )


def tell_changes_requested(step: Step) -> None:
    _tell(
        step,
        coordinators(step.subject.werkjaar.nota.netwerk),
        NotificationKind.REVIEW,
        _("publiq asks for changes to the yearly report %(year)s of %(netwerk)s: %(note)s")
        % _names(step),
    )
