"""The yearly report's workflow as data, in the same form as the dossier's (workflow.py): the
coordinator opens it for the partners' comments and confirmations, submits a frozen version, and
publiq approves it or sends it back with remarks per section."""

from django.utils.translation import gettext_lazy as _

from netwerken.permissions import REVIEW, SUBMIT

from . import effects_jaarrapport as effects
from .states import Status
from .workflow import Transition

TRANSITIONS = [
    Transition(
        "open_consultation",
        frozenset({Status.CONCEPT, Status.BIJSTURING}),
        Status.CONSULTATIE,
        SUBMIT,
        _("Open for comments and confirmation of partners"),
        effects=(effects.tell_partners_consultation,),
    ),
    Transition(
        "close_consultation",
        frozenset({Status.CONSULTATIE}),
        Status.CONCEPT,
        SUBMIT,
        _("Close the consultation"),
    ),
    Transition(
        "submit",
        frozenset({Status.CONCEPT, Status.CONSULTATIE, Status.BIJSTURING}),
        Status.INGEDIEND,
        SUBMIT,
        _("Submit the yearly report"),
        needs_ready_checklist=True,
        effects=(effects.freeze_version, effects.make_version_pdf, effects.tell_submission),
    ),
    Transition(
        "approve",
        frozenset({Status.INGEDIEND}),
        Status.GOEDGEKEURD,
        REVIEW,
        _("Approve"),
        effects=(effects.record_decision, effects.tell_approval),
    ),
    Transition(
        "request_changes",
        frozenset({Status.INGEDIEND}),
        Status.BIJSTURING,
        REVIEW,
        _("Ask for changes"),
        note_required=True,
        effects=(effects.record_decision, effects.tell_changes_requested),
    ),
]

BY_NAME = {t.name: t for t in TRANSITIONS}


def available(status: str, access) -> list[Transition]:
    return [t for t in TRANSITIONS if status in t.sources and access.can(t.ability)]
