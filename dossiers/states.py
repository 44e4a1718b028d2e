"""The states a dossier or yearly report goes through, and how they read.

Kept apart from the transition table (workflow.py) because the models need the states, and the
table needs the models: its steps name the side effects they have.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


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


def label(status: str, *, staff: bool) -> str:
    network_label, staff_label = LABELS[status]
    return staff_label if staff else network_label
