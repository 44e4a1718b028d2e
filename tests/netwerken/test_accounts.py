"""Email addresses in any spelling: login, the lockout, password resets, uniqueness."""

import re

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import SESSION_KEY
from django.db import IntegrityError, connection, transaction
from django.test import Client

from netwerken.models import PasswordResetRequest, User
from tests.factories import UserFactory

SPELLINGS = ["an@example.org", "AN@example.org", "An@Example.org", "an@EXAMPLE.ORG", " an@example.org "]


def login(client, username, password, url="/account/login/"):
    return client.post(url, {"username": username, "password": password})


def is_logged_in(client):
    return SESSION_KEY in client.session


# Login and lockout


def test_wrong_passwords_in_any_spelling_lock_the_account(db):
    UserFactory(email="an@example.org", password="juist-wachtwoord")
    client = Client()
    for spelling in SPELLINGS:
        login(client, spelling, "fout")
    assert AccessAttempt.objects.get().username == "an@example.org"
    # Not even the right password, in yet another spelling, gets in now.
    response = login(client, "AN@EXAMPLE.ORG", "juist-wachtwoord")
    assert response.status_code == 429
    assert "Te veel pogingen" in response.text
    assert not is_logged_in(client)


def test_fewer_wrong_passwords_in_any_spelling_still_let_the_right_one_in(db):
    UserFactory(email="an@example.org", password="juist-wachtwoord")
    client = Client()
    for spelling in SPELLINGS[:4]:
        login(client, spelling, "fout")
    response = login(client, "An@Example.ORG", "juist-wachtwoord")
    assert response.status_code == 302
    assert is_logged_in(client)
    assert not AccessAttempt.objects.exists()  # a success clears the count


def test_the_admin_login_locks_in_any_spelling_too(admin_user):
    admin_user.set_password("juist-wachtwoord")
    admin_user.save()
    client = Client()
    for spelling in ["admin@example.org", "ADMIN@example.org", "Admin@Example.org", "admin@EXAMPLE.org", "aDmin@example.org"]:
        login(client, spelling, "fout", url="/beheer/login/")
    response = login(client, "ADMIN@EXAMPLE.ORG", "juist-wachtwoord", url="/beheer/login/")
    assert response.status_code == 429
    assert not is_logged_in(client)


def test_the_admin_login_accepts_any_spelling(admin_user):
    admin_user.set_password("juist-wachtwoord")
    admin_user.save()
    client = Client()
    response = login(client, "Admin@Example.org", "juist-wachtwoord", url="/beheer/login/")
    assert response.status_code == 302
    assert client.get("/beheer/").status_code == 200


# One account per address


def test_an_address_in_other_capitals_cannot_make_a_second_account(db):
    UserFactory(email="an@example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        # bulk_create skips save(), which would have lowered it; the database still refuses.
        User.objects.bulk_create([User(email="AN@example.org")])
    assert User.objects.count() == 1


def test_the_admin_refuses_an_existing_address_in_other_capitals(admin_user, client_for):
    existing = UserFactory(email="an@example.org", first_name="An")
    other = UserFactory(email="bert@example.org")
    client = client_for(admin_user)
    response = client.post(
        f"/beheer/netwerken/user/{other.pk}/change/",
        {"email": "AN@Example.org", "first_name": "", "last_name": "", "is_active": "on",
         "last_login_0": "", "last_login_1": "", "date_joined_0": "2026-01-01", "date_joined_1": "10:00:00"},
    )
    assert response.status_code == 200
    assert "bestaat al" in response.text
    other.refresh_from_db()
    assert other.email == "bert@example.org"
    assert User.objects.filter(email__iexact="an@example.org").get() == existing


def test_the_admin_stores_a_new_address_in_lower_case(admin_user, client_for):
    other = UserFactory(email="bert@example.org")
    response = client_for(admin_user).post(
        f"/beheer/netwerken/user/{other.pk}/change/",
        {"email": "Bert.Nieuw@Example.org", "first_name": "", "last_name": "", "is_active": "on",
         "last_login_0": "", "last_login_1": "", "date_joined_0": "2026-01-01", "date_joined_1": "10:00:00"},
    )
    assert response.status_code == 302
    other.refresh_from_db()
    assert other.email == "bert.nieuw@example.org"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="drops a constraint inside the test's transaction")
def test_the_migration_keeps_one_account_per_address_and_deactivates_the_others(db):
    from importlib import import_module

    from django.apps import apps
    from django.utils import timezone

    migration = import_module("netwerken.migrations.0004_email_in_any_case_and_reset_requests")
    constraint = next(c for c in User._meta.constraints if c.name == "user_email_unique_in_any_case")
    with connection.schema_editor() as editor:
        editor.remove_constraint(User, constraint)
    used = User(email="An@Example.org", last_login=timezone.now())
    unused = User(email="an@example.org")
    alone = User(email="Bert@Example.org")
    User.objects.bulk_create([unused, used, alone])

    migration.one_spelling_per_address(apps, None)

    used.refresh_from_db(), unused.refresh_from_db(), alone.refresh_from_db()
    assert (used.email, used.is_active) == ("an@example.org", True)
    assert (unused.email, unused.is_active) == (f"an+duplicate-{unused.pk}@example.org", False)
    assert alone.email == "bert@example.org"
    with connection.schema_editor() as editor:
        editor.add_constraint(User, constraint)  # holds again


# Password reset


def ask_reset(client, email, ip="10.0.0.1"):
    return client.post("/account/password_reset/", {"email": email}, REMOTE_ADDR=ip)


def test_a_reset_link_is_sent_for_any_spelling(db, mailoutbox):
    UserFactory(email="an@example.org")
    assert ask_reset(Client(), "AN@Example.ORG").status_code == 302
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["an@example.org"]


def test_reset_links_per_address_are_limited(db, mailoutbox):
    UserFactory(email="an@example.org")
    client = Client()
    for spelling in ["an@example.org", "AN@example.org", "An@Example.org"]:
        assert ask_reset(client, spelling).status_code == 302
    response = ask_reset(client, "an@EXAMPLE.org", ip="10.0.0.2")
    assert response.status_code == 429
    assert "Voor dit adres werd in het voorbije uur al 3 keer een link gevraagd." in response.text
    assert len(mailoutbox) == 3
    assert PasswordResetRequest.objects.count() == 3
    # Another address from the same client is still served.
    UserFactory(email="bert@example.org")
    assert ask_reset(client, "bert@example.org").status_code == 302
    assert len(mailoutbox) == 4


def test_reset_links_per_client_are_limited(db, mailoutbox):
    client = Client()
    for n in range(10):
        UserFactory(email=f"persoon{n}@example.org")
        assert ask_reset(client, f"persoon{n}@example.org").status_code == 302
    UserFactory(email="nog.een@example.org")
    response = ask_reset(client, "nog.een@example.org")
    assert response.status_code == 429
    assert "Vanaf uw verbinding werden in het voorbije uur te veel links gevraagd." in response.text
    assert len(mailoutbox) == 10
    # The same address from another client is served.
    assert ask_reset(client, "nog.een@example.org", ip="10.0.0.9").status_code == 302
    assert len(mailoutbox) == 11


def test_unknown_addresses_count_too_and_send_nothing(db, mailoutbox):
    client = Client()
    for _ in range(3):
        assert ask_reset(client, "niemand@example.org").status_code == 302
    assert ask_reset(client, "niemand@example.org").status_code == 429
    assert not mailoutbox


def test_a_password_reset_lifts_the_lockout(db, mailoutbox):
    UserFactory(email="an@example.org", password="oud-wachtwoord")
    client = Client()
    for spelling in SPELLINGS:
        login(client, spelling, "fout")
    assert login(client, "an@example.org", "oud-wachtwoord").status_code == 429

    ask_reset(client, "An@example.org")
    link = re.search(r"http://testserver(/account/reset/\S+/)", mailoutbox[0].body).group(1)
    form = client.get(link, follow=True)
    response = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "nieuw-en-geheim-42", "new_password2": "nieuw-en-geheim-42"},
    )
    assert response.status_code == 302
    assert not AccessAttempt.objects.exists()
    response = login(client, "AN@example.org", "nieuw-en-geheim-42")
    assert response.status_code == 302
    assert is_logged_in(client)


def test_a_failed_reset_does_not_lift_the_lockout(db, mailoutbox):
    UserFactory(email="an@example.org", password="oud-wachtwoord")
    client = Client()
    for spelling in SPELLINGS:
        login(client, spelling, "fout")
    ask_reset(client, "an@example.org")
    link = re.search(r"http://testserver(/account/reset/\S+/)", mailoutbox[0].body).group(1)
    form = client.get(link, follow=True)
    response = client.post(form.redirect_chain[-1][0], {"new_password1": "kort", "new_password2": "anders"})
    assert response.status_code == 200
    assert AccessAttempt.objects.exists()
    assert login(client, "an@example.org", "oud-wachtwoord").status_code == 429


def test_behind_the_proxy_clients_are_told_apart_by_the_address_the_proxy_added(db, settings, mailoutbox):
    settings.BEHIND_PROXY = True
    client = Client()

    def ask(email, forwarded):
        return client.post(
            "/account/password_reset/", {"email": email}, REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=forwarded
        )

    for n in range(10):
        # What the client writes itself (the first entries) changes nothing.
        assert ask(f"persoon{n}@example.org", f"192.0.2.{n}, 203.0.113.7").status_code == 302
    assert ask("nog.een@example.org", "192.0.2.99, 203.0.113.7").status_code == 429
    assert ask("nog.een@example.org", "203.0.113.8").status_code == 302
    assert set(PasswordResetRequest.objects.values_list("ip_address", flat=True)) == {"203.0.113.7", "203.0.113.8"}


def test_behind_the_proxy_the_lockout_counts_per_client(db, settings):
    settings.BEHIND_PROXY = True
    UserFactory(email="an@example.org", password="juist-wachtwoord")
    client = Client()
    for spelling in SPELLINGS:
        client.post("/account/login/", {"username": spelling, "password": "fout"}, HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert AccessAttempt.objects.get().ip_address == "203.0.113.7"
    locked = client.post(
        "/account/login/", {"username": "an@example.org", "password": "juist-wachtwoord"}, HTTP_X_FORWARDED_FOR="203.0.113.7"
    )
    assert locked.status_code == 429


def test_the_admin_cannot_add_an_existing_address_in_other_capitals(admin_user, client_for):
    UserFactory(email="an@example.org")
    client = client_for(admin_user)
    data = {"email": "AN@Example.org", "password1": "lang-en-geheim-42", "password2": "lang-en-geheim-42", "usable_password": "true"}
    response = client.post("/beheer/netwerken/user/add/", data)
    assert response.status_code == 200
    assert "bestaat al" in response.text
    assert User.objects.filter(email__iexact="an@example.org").count() == 1
    response = client.post("/beheer/netwerken/user/add/", {**data, "email": "Nieuw@Example.org"})
    assert response.status_code == 302
    assert User.objects.filter(email="nieuw@example.org").exists()
