"""Who may import indicator values, and for which municipalities.

Values are shared by all networks, so importing is not tied to one network. The abilities come
from the one table in `netwerken.permissions`: reviewers and administrators hold
IMPORT_VALUES everywhere, coordinators in the networks they coordinate. So a coordinator's
import is limited to the municipalities of those networks; the Flemish reference needs
SET_FLEMISH_REFERENCE, which coordinators do not have.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from netwerken.models import DeelnemendeGemeente
from netwerken.permissions import IMPORT_VALUES, membership_netwerk_ids, overall_access

from .models import ImportBatch


@dataclass(frozen=True)
class ImportScope:
    everything: bool = False
    flemish_reference: bool = False
    netwerk_ids: frozenset = frozenset()
    gemeente_ids: frozenset = frozenset()

    @property
    def can_import(self) -> bool:
        return self.everything or bool(self.netwerk_ids)

    def covers(self, gemeente_id) -> bool:
        return self.everything or gemeente_id in self.gemeente_ids

    @property
    def may_change_flemish(self) -> bool:
        """Create or change the Flemish reference (the SET_FLEMISH_REFERENCE ability)."""
        return self.flemish_reference


NO_SCOPE = ImportScope()


def import_scope(user) -> ImportScope:
    if not user.is_authenticated or not user.is_active:
        return NO_SCOPE
    access = overall_access(user)
    if access.can_import_values:
        return ImportScope(everything=True, flemish_reference=access.can_set_flemish_reference)
    netwerk_ids = membership_netwerk_ids(user, IMPORT_VALUES)
    if not netwerk_ids:
        return NO_SCOPE
    gemeente_ids = frozenset(
        DeelnemendeGemeente.objects.filter(netwerk_id__in=netwerk_ids).values_list(
            "gemeente_id", flat=True
        )
    )
    return ImportScope(netwerk_ids=netwerk_ids, gemeente_ids=gemeente_ids)


def require_import(user) -> ImportScope:
    scope = import_scope(user)
    if not scope.can_import:
        raise PermissionDenied
    return scope


def batch_for(user, pk) -> tuple[ImportBatch, ImportScope]:
    """An import the user may see (their own, or any for staff): 404 otherwise."""
    scope = require_import(user)
    batches = ImportBatch.objects.select_related("indicator", "uploaded_by")
    batch = get_object_or_404(batches.visible_to(user, sees_all=scope.everything), pk=pk)
    return batch, scope
