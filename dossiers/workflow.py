"""The dossier's workflow as data: its states, who may move it from which state to which, and
what each step does besides.

`TRANSITIONS` is the whole rule. `dossier_transition()` (in services) is the one function that
moves a dossier and records who did it, when, and why; then it runs the step's `effects` in
their order.
The yearly report's workflow (workflow_jaarrapport.py) is a table of the same `Transition`s.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from netwerken.permissions import REVIEW, SUBMIT

from . import effects
from .states import EDITABLE, LABELS, OPEN_FOR_PARTNERS, Status, label  # noqa: F401


@dataclass(frozen=True)
class Transition:
    name: str
    sources: frozenset
    target: str
    ability: str  # who may take the step: an ability of `netwerken.permissions`
    label: str
    note_required: bool = False
    needs_ready_checklist: bool = False
    # What the step does besides changing the state, in this order: functions of one `effects.Step`.
    effects: tuple[Callable, ...] = ()

    def run_effects(self, step) -> None:
        for effect in self.effects:
            effect(step)


TRANSITIONS = [
    Transition(
        "open_consultation",
        frozenset({Status.CONCEPT, Status.BIJSTURING}),
        Status.CONSULTATIE,
        SUBMIT,
        _("Open for comments of partners"),
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
        _("Submit"),
        needs_ready_checklist=True,
        effects=(effects.freeze_version, effects.make_version_pdf, effects.tell_submission),
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
        effects=(effects.record_decision, effects.tell_approval),
    ),
    Transition(
        "request_changes",
        frozenset({Status.IN_BEHANDELING}),
        Status.BIJSTURING,
        REVIEW,
        _("Ask for changes"),
        note_required=True,
        effects=(effects.record_decision, effects.tell_changes_requested),
    ),
]

BY_NAME = {t.name: t for t in TRANSITIONS}


def available(status: str, access) -> list[Transition]:
    """The transitions a person with this access may do from this state."""
    return [t for t in TRANSITIONS if status in t.sources and access.can(t.ability)]
