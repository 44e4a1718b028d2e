from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from .forms_review import EmailPreferencesForm
from .models import NotificationKind


@login_required
@require_http_methods(["GET"])
def notifications(request):
    items = request.user.notifications.select_related("nota__netwerk")
    page = Paginator(items, 30).get_page(request.GET.get("page"))
    return render(request, "dossiers/notifications.html", {"page": page})


@login_required
@require_POST
def notifications_read(request):
    request.user.notifications.unread().update(read_at=timezone.now())
    messages.success(request, _("All notifications are marked as read."))
    return redirect("notifications")


@login_required
@require_http_methods(["GET", "POST"])
def notification_settings(request):
    user = request.user
    wanted = [k for k in NotificationKind.values if k not in (user.muted_email_kinds or [])]
    form = EmailPreferencesForm(request.POST or None, initial={"kinds": wanted})
    if form.is_valid():
        chosen = set(form.cleaned_data["kinds"])
        user.muted_email_kinds = [k for k in NotificationKind.values if k not in chosen]
        user.save(update_fields=["muted_email_kinds"])
        messages.success(request, _("Your choices have been saved."))
        return redirect("notification_settings")
    return render(request, "dossiers/notification_settings.html", {"form": form})


def unread_notifications(request):
    """Context processor: the number of unread notifications for the menu."""
    if not getattr(request, "user", None) or not request.user.is_authenticated:
        return {}
    return {"unread_count": request.user.notifications.unread().count()}
