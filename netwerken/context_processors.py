"""What every page may need to know about the user."""

from .permissions import NO_ACCESS, overall_access


def overall(request):
    """The user's access across all networks, as `overall` (no query): the menu and the pages
    that are not tied to one network ask it, e.g. `overall.can_review`."""
    user = getattr(request, "user", None)
    return {"overall": overall_access(user) if user is not None else NO_ACCESS}
