"""Members, invitations and the network management roles."""

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from .forms import AcceptInvitationForm, InvitationForm, MembershipForm, RoleAssignmentForm
from .models import Invitation
from .permissions import EDIT, MANAGE_MEMBERS, netwerk_for
from .services import invitation_accept_as_new_user, invitation_send


@login_required
@require_http_methods(["GET", "POST"])
def members(request, pk):
    """The members and open invitations; coordinators invite from here."""
    netwerk, access = netwerk_for(request.user, pk)
    form = None
    if access.can_manage_members:
        form = InvitationForm(request.POST or None, netwerk=netwerk)
        if request.method == "POST" and form.is_valid():
            invitation = invitation_send(
                netwerk=netwerk,
                invited_by=request.user,
                accept_url=lambda token: request.build_absolute_uri(
                    reverse("invitation_accept", args=[token])
                ),
                **form.cleaned_data,
            )
            messages.success(
                request,
                _("An invitation has been sent to %(email)s.") % {"email": invitation.email},
            )
            return redirect("members", pk=netwerk.pk)
    elif request.method == "POST":
        netwerk_for(request.user, pk, MANAGE_MEMBERS)
    memberships = netwerk.memberships.select_related("user", "partner")
    invitations = (
        netwerk.invitations.pending().select_related("partner", "invited_by")
        if access.can_manage_members
        else []
    )
    return render(
        request,
        "netwerken/members.html",
        {
            "netwerk": netwerk,
            "access": access,
            "memberships": memberships,
            "invitations": invitations,
            "form": form,
        },
    )


@login_required
@require_POST
def invitation_revoke(request, pk, invitation_pk):
    netwerk, access = netwerk_for(request.user, pk, MANAGE_MEMBERS)
    invitation = get_object_or_404(netwerk.invitations.pending(), pk=invitation_pk)
    invitation.revoke()
    messages.success(
        request, _("The invitation for %(email)s has been revoked.") % {"email": invitation.email}
    )
    return redirect("members", pk=netwerk.pk)


@login_required
@require_http_methods(["GET", "POST"])
def membership_edit(request, pk, membership_pk):
    netwerk, access = netwerk_for(request.user, pk, MANAGE_MEMBERS)
    membership = get_object_or_404(netwerk.memberships.select_related("user"), pk=membership_pk)
    form = MembershipForm(request.POST or None, instance=membership)
    if form.is_valid():
        form.save()
        messages.success(request, _("The role of %(user)s has been saved.") % {"user": membership.user})
        return redirect("members", pk=netwerk.pk)
    return render(
        request,
        "netwerken/membership_form.html",
        {"netwerk": netwerk, "access": access, "form": form, "membership": membership},
    )


@login_required
@require_http_methods(["GET", "POST"])
def membership_remove(request, pk, membership_pk):
    netwerk, access = netwerk_for(request.user, pk, MANAGE_MEMBERS)
    membership = get_object_or_404(netwerk.memberships.select_related("user"), pk=membership_pk)
    last_coordinator = membership.is_last_coordinator
    if request.method == "POST" and not last_coordinator:
        membership.delete()
        messages.success(
            request,
            _("%(user)s is no longer a member of the network.") % {"user": membership.user},
        )
        if membership.user == request.user:
            return redirect("home")
        return redirect("members", pk=netwerk.pk)
    return render(
        request,
        "netwerken/membership_confirm_remove.html",
        {
            "netwerk": netwerk,
            "access": access,
            "membership": membership,
            "last_coordinator": last_coordinator,
        },
        status=409 if request.method == "POST" else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def roles(request, pk):
    """The network management roles: who takes up which."""
    netwerk, access = netwerk_for(request.user, pk)
    form = None
    if access.can_edit:
        form = RoleAssignmentForm(request.POST or None, netwerk=netwerk)
        if request.method == "POST" and form.is_valid():
            form.save()
            messages.success(request, _("The role has been assigned."))
            return redirect("roles", pk=netwerk.pk)
    elif request.method == "POST":
        netwerk_for(request.user, pk, EDIT)
    assignments = netwerk.role_assignments.select_related("partner")
    people = {a.person_name.strip().lower() for a in assignments}
    return render(
        request,
        "netwerken/roles.html",
        {
            "netwerk": netwerk,
            "access": access,
            "form": form,
            "assignments": assignments,
            "all_on_one": len(assignments) > 1 and len(people) == 1,
        },
    )


@login_required
@require_POST
def role_remove(request, pk, assignment_pk):
    netwerk, access = netwerk_for(request.user, pk, EDIT)
    assignment = get_object_or_404(netwerk.role_assignments, pk=assignment_pk)
    assignment.delete()
    messages.success(
        request,
        _("%(person)s no longer has the role %(role)s.")
        % {"person": assignment.person_name, "role": assignment.get_role_display()},
    )
    return redirect("roles", pk=netwerk.pk)


@require_http_methods(["GET", "POST"])
def invitation_accept(request, token):
    """The link from the invitation email. Works once, until it expires."""
    invitation = Invitation.objects.by_token(token).select_related("netwerk").first()
    if invitation is None:
        raise Http404
    context = {"invitation": invitation}
    if not invitation.is_usable:
        return render(request, "netwerken/invitation_unusable.html", context, status=410)

    existing = get_user_model().objects.filter(email__iexact=invitation.email).first()
    if request.user.is_authenticated:
        if not invitation.is_for(request.user):
            # Only the invited address may join with this link, whoever else has it.
            return render(request, "netwerken/invitation_other_account.html", context, status=403)
        if request.method == "POST":
            try:
                invitation.accept(request.user)
            except ValueError:
                return render(request, "netwerken/invitation_unusable.html", context, status=410)
            messages.success(
                request,
                _("Welcome to %(netwerk)s.") % {"netwerk": invitation.netwerk},
            )
            return redirect(invitation.netwerk)
        return render(request, "netwerken/invitation_accept.html", context)
    if existing:
        # The account exists: log in first, then come back to this link.
        context["login_url"] = f"{reverse('login')}?next={request.path}"
        return render(request, "netwerken/invitation_login.html", context)

    form = AcceptInvitationForm(request.POST or None, invitation=invitation)
    if form.is_valid():
        try:
            user, _membership = invitation_accept_as_new_user(
                invitation=invitation,
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
                password=form.cleaned_data["password1"],
            )
        except ValueError:
            return render(request, "netwerken/invitation_unusable.html", context, status=410)
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Welcome to %(netwerk)s.") % {"netwerk": invitation.netwerk})
        return redirect(invitation.netwerk)
    context["form"] = form
    return render(request, "netwerken/invitation_signup.html", context)
