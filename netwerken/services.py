"""Operations on networks that span several models or send mail."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from .models import Invitation, Membership, Netwerk, Partner


def invitation_send(
    *, netwerk: Netwerk, email: str, role: str, partner: Partner | None, invited_by, accept_url
) -> Invitation:
    """Invite `email` to `netwerk`, replacing any earlier invitation that is still open.

    `accept_url` turns the token into the absolute link for the email.
    """
    with transaction.atomic():
        Invitation.objects.pending().filter(netwerk=netwerk, email__iexact=email).update(
            revoked_at=timezone.now()
        )
        invitation, token = Invitation.issue(
            netwerk=netwerk, email=email, role=role, partner=partner, invited_by=invited_by
        )
    context = {
        "invitation": invitation,
        "link": accept_url(token),
        "inviter": invited_by,
        "valid_days": settings.INVITATION_VALID_DAYS,
    }
    send_mail(
        subject=render_to_string("netwerken/email/invitation_subject.txt", context).strip(),
        message=render_to_string("netwerken/email/invitation_body.txt", context),
        from_email=None,
        recipient_list=[invitation.email],
    )
    return invitation


@transaction.atomic
def invitation_accept_as_new_user(
    *, invitation: Invitation, first_name: str, last_name: str, password: str
):
    """Create the account the invitation was meant for and join the network with it."""
    User = get_user_model()
    user = User.objects.create_user(
        email=invitation.email, password=password, first_name=first_name, last_name=last_name
    )
    membership: Membership = invitation.accept(user)
    return user, membership
