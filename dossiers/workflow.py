"""The dossier's workflow as data: its states, and who may move it from which state to which.

`TRANSITIONS` is the whole rule. `dossier_transition()` (in services) is the one function that moves a
dossier and records who did it, when, and why.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

from netwerken.permissions import REVIEW, SUBMIT


class Status(models.TextChoices):
    CONCEPT = "concept", _("draft")
    CONSULTATIE = "consultatie", _("consultation")
    INGEDIEND = "ingediend", _("submitted")
    IN_BEHANDELING = "in_behandeling", _("under review")
    BIJSTURING = "bijsturing", _("changes requested")
    GOEDGEKEURD = "goedgekeurd", _("approved")


# The same state can read differently for the network and for publiq staff.
LABELS = {
    Status.CONCEPT: (_("Draft"), _("Draft at the network")),
    Status.CONSULTATIE: (_("Open for comments of partners"), _("In consultation at the network")),
    Status.INGEDIEND: (_("Submitted, waiting for publiq"), _("New submission")),
    Status.IN_BEHANDELING: (_("Being reviewed by publiq"), _("Under review")),
    Status.BIJSTURING: (_("Changes requested"), _("Sent back for changes")),
    Status.GOEDGEKEURD: (_("Approved"), _("Approved")),
}

# The network writes in these states.
EDITABLE = frozenset({Status.CONCEPT, Status.CONSULTATIE, Status.BIJSTURING})
# Partners may comment in these states (coordinators and reviewers always may).
OPEN_FOR_PARTNERS = frozenset({Status.CONSULTATIE})


@dataclass(frozen=True)
class Transition:
    name: str
    sources: frozenset
    target: str
    ability: str  # who may take the step: an ability of `netwerken.permissions`
    label: str
    note_required: bool = False
    needs_ready_checklist: bool = False


TRANSITIONS = [
    Transition(
        "open_consultation",
        frozenset({Status.CONCEPT, Status.BIJSTURING}),
        Status.CONSULTATIE,
        SUBMIT,
        _("Open for comments of partners"),
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
        _("Submit"),
        needs_ready_checklist=True,
    ),
    Transition(
        "start_review",
        frozenset({Status.INGEDIEND}),
        Status.IN_BEHANDELING,
        REVIEW,
        _("Start the review"),
    ),
    Transition(
        "approve",
        frozenset({Status.IN_BEHANDELING}),
        Status.GOEDGEKEURD,
        REVIEW,
        _("Approve"),
    ),
    Transition(
        "request_changes",
        frozenset({Status.IN_BEHANDELING}),
        Status.BIJSTURING,
        REVIEW,
        _("Ask for changes"),
        note_required=True,
    ),
]

BY_NAME = {t.name: t for t in TRANSITIONS}


def label(status: str, *, staff: bool) -> str:
    network_label, staff_label = LABELS[status]
    return staff_label if staff else network_label


def available(status: str, access) -> list[Transition]:
    """The transitions a person with this access may do from this state."""
    return [t for t in TRANSITIONS if status in t.sources and access.can(t.ability)]
