from django.test import Client

from tests.factories import UserFactory


def test_login_page_is_dutch(db):
    response = Client().get("/account/login/")
    assert response.status_code == 200
    assert '<html lang="nl-be">' in response.text
    assert "Aanmelden" in response.text
    assert "E-mailadres" in response.text


def test_logging_in_with_email_in_any_case(db):
    UserFactory(email="an@example.org", password="juist-wachtwoord")
    response = Client().post("/account/login/", {"username": "AN@example.org", "password": "juist-wachtwoord"})
    assert response.status_code == 302
    assert response.url == "/"


def test_a_wrong_password_gets_a_dutch_message(db):
    UserFactory(email="an@example.org", password="juist-wachtwoord")
    response = Client().post("/account/login/", {"username": "an@example.org", "password": "fout"})
    assert response.status_code == 200
    assert "Het e-mailadres of het wachtwoord klopt niet." in response.text


def test_failed_logins_are_throttled(db):
    UserFactory(email="an@example.org", password="juist-wachtwoord")
    client = Client()
    for _ in range(5):
        client.post("/account/login/", {"username": "an@example.org", "password": "fout"})
    # Even the right password is refused now, with an explanation.
    response = client.post("/account/login/", {"username": "an@example.org", "password": "juist-wachtwoord"})
    assert response.status_code == 429
    assert "Te veel pogingen" in response.text
    assert "15 minuten" in response.text


def test_logout_is_a_post(db):
    user = UserFactory()
    client = Client()
    client.force_login(user)
    assert client.post("/account/logout/").status_code == 302
    assert client.get("/").status_code == 302


def test_password_reset_sends_a_dutch_email(db, mailoutbox):
    UserFactory(email="an@example.org")
    response = Client().post("/account/password_reset/", {"email": "an@example.org"})
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    assert "Kies een nieuw wachtwoord" in mailoutbox[0].subject
    assert "/account/reset/" in mailoutbox[0].body
