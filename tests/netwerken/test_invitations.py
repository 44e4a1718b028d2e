import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from netwerken.models import Invitation, Membership, User
from tests.factories import UserFactory


def invite(client, netwerk, **data):
    data = {"email": "nieuw@example.org", "role": "partner", "partner": "", **data}
    return client.post(f"/netwerken/{netwerk.pk}/leden/", data)


def link_from_mail():
    match = re.search(r"http://testserver(/uitnodiging/[^/\s]+/)", mail.outbox[-1].body)
    return match.group(1)


def test_coordinator_invites_by_email(coordinator_client, netwerk_a, partner_org_a):
    response = invite(coordinator_client, netwerk_a, partner=partner_org_a.pk)
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["nieuw@example.org"]
    assert "Netwerk Waasland" in message.subject
    assert "Open deze link" in message.body
    invitation = Invitation.objects.get()
    assert invitation.partner == partner_org_a
    # Only the hash is stored, never the token itself.
    assert link_from_mail().split("/")[2] not in invitation.token_hash


def test_newcomer_sets_a_password_and_joins(coordinator_client, netwerk_a, client_for):
    invite(coordinator_client, netwerk_a)
    link = link_from_mail()
    visitor = client_for()
    page = visitor.get(link)
    assert "Kies een wachtwoord" in page.text
    response = visitor.post(
        link,
        {"first_name": "Nora", "last_name": "Nieuw", "password1": "lang-en-geheim-42", "password2": "lang-en-geheim-42"},
    )
    assert response.status_code == 302
    user = User.objects.get(email="nieuw@example.org")
    assert Membership.objects.get(user=user, netwerk=netwerk_a).role == "partner"
    assert visitor.get(f"/netwerken/{netwerk_a.pk}/").status_code == 200


def test_a_link_works_once(coordinator_client, netwerk_a, client_for):
    invite(coordinator_client, netwerk_a)
    link = link_from_mail()
    data = {"first_name": "N", "last_name": "N", "password1": "lang-en-geheim-42", "password2": "lang-en-geheim-42"}
    client_for().post(link, data)
    again = client_for().post(link, data)
    assert again.status_code == 410
    assert "al aanvaard" in again.text
    assert User.objects.filter(email="nieuw@example.org").count() == 1


def test_an_expired_link_is_refused_and_saves_nothing(coordinator_client, netwerk_a, client_for):
    invite(coordinator_client, netwerk_a)
    Invitation.objects.update(expires_at=timezone.now() - timedelta(minutes=1))
    data = {"first_name": "N", "last_name": "N", "password1": "lang-en-geheim-42", "password2": "lang-en-geheim-42"}
    response = client_for().post(link_from_mail(), data)
    assert response.status_code == 410
    assert "verlopen" in response.text
    assert not User.objects.filter(email="nieuw@example.org").exists()


def test_a_revoked_link_is_refused(coordinator_client, netwerk_a, client_for):
    invite(coordinator_client, netwerk_a)
    invitation = Invitation.objects.get()
    coordinator_client.post(f"/netwerken/{netwerk_a.pk}/uitnodigingen/{invitation.pk}/intrekken/")
    assert client_for().get(link_from_mail()).status_code == 410


def test_inviting_again_replaces_the_open_invitation(coordinator_client, netwerk_a, client_for):
    invite(coordinator_client, netwerk_a)
    first = link_from_mail()
    invite(coordinator_client, netwerk_a, role="coordinator")
    assert client_for().get(first).status_code == 410
    assert Invitation.objects.pending().get().role == "coordinator"


def test_an_unknown_token_is_404(client_for, db):
    assert client_for().get("/uitnodiging/bestaat-niet/").status_code == 404


def test_weak_or_differing_passwords_are_refused(coordinator_client, netwerk_a, client_for):
    invite(coordinator_client, netwerk_a)
    link = link_from_mail()
    response = client_for().post(
        link, {"first_name": "N", "last_name": "N", "password1": "123", "password2": "124"}
    )
    assert "De twee wachtwoorden verschillen." in response.text
    response = client_for().post(
        link, {"first_name": "N", "last_name": "N", "password1": "12345678", "password2": "12345678"}
    )
    assert "Dit wachtwoord is te algemeen." in response.text
    assert not User.objects.filter(email="nieuw@example.org").exists()


def test_existing_account_logs_in_then_accepts(coordinator_client, netwerk_a, netwerk_b, client_for):
    existing = UserFactory(email="bestaand@example.org")
    invite(coordinator_client, netwerk_a, email="Bestaand@Example.org")
    link = link_from_mail()
    page = client_for().get(link)
    assert "/account/login/?next=" in page.text
    client = client_for(existing)
    assert "Uitnodiging aanvaarden" in client.get(link).text
    client.post(link)
    assert Membership.objects.filter(user=existing, netwerk=netwerk_a).exists()


def test_inviting_a_member_is_refused(coordinator_client, netwerk_a, partner_a):
    response = invite(coordinator_client, netwerk_a, email="PARTNER.a@example.org")
    assert "Deze persoon is al lid van het netwerk." in response.text
    assert not mail.outbox


def test_invalid_email_is_refused(coordinator_client, netwerk_a):
    response = invite(coordinator_client, netwerk_a, email="niet-een-adres")
    assert "Voer een geldig e-mailadres in." in response.text
    assert not Invitation.objects.exists()


@pytest.mark.parametrize("persona", ["partner_client", "reviewer_client"])
def test_readers_cannot_invite(persona, request, netwerk_a):
    client = request.getfixturevalue(persona)
    assert invite(client, netwerk_a).status_code == 403
    assert not Invitation.objects.exists()


def test_another_logged_in_account_cannot_accept(coordinator_client, netwerk_a, coordinator_b, client_for):
    invite(coordinator_client, netwerk_a, email="nieuw@example.org", role="coordinator")
    link = link_from_mail()
    other = client_for(coordinator_b)
    page = other.get(link)
    assert page.status_code == 403
    assert "Deze uitnodiging voor Netwerk Waasland werd gestuurd naar nieuw@example.org." in page.text
    assert "U bent aangemeld als coordinator.b@example.org" in page.text
    response = other.post(link)
    assert response.status_code == 403
    assert not Membership.objects.filter(user=coordinator_b, netwerk=netwerk_a).exists()
    assert Invitation.objects.get().is_usable


def test_the_invited_account_accepts_in_any_spelling(coordinator_client, netwerk_a, client_for):
    existing = UserFactory(email="nieuw@example.org")
    invite(coordinator_client, netwerk_a, email="NIEUW@Example.org")
    link = link_from_mail()
    assert client_for(existing).post(link).status_code == 302
    assert Membership.objects.filter(user=existing, netwerk=netwerk_a).exists()


def test_an_invitation_refuses_another_account_in_the_model(coordinator_client, netwerk_a, coordinator_b):
    invite(coordinator_client, netwerk_a)
    invitation = Invitation.objects.get()
    with pytest.raises(ValueError):
        invitation.accept(coordinator_b)
    assert not Membership.objects.filter(user=coordinator_b, netwerk=netwerk_a).exists()


def test_signing_up_with_an_address_taken_in_other_capitals_is_impossible(coordinator_client, netwerk_a, client_for):
    UserFactory(email="nieuw@example.org")
    invite(coordinator_client, netwerk_a, email="Nieuw@Example.org")
    page = client_for().get(link_from_mail())
    assert "/account/login/?next=" in page.text  # log in to the existing account, no second one
    assert User.objects.filter(email__iexact="nieuw@example.org").count() == 1
