"""What a request may cost: kept forms, body sizes, caching of private pages, HTTPS settings."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

from django.contrib.sessions.models import Session
from django.test import Client

from dossiers.models import Visie
from netwerken import keep
from tests.sessions import expired_session

ROOT = Path(__file__).resolve().parents[2]


def visie_url(nota):
    return f"/dossiers/{nota.pk}/visie/"


def kept(client) -> dict:
    return client.session.get(keep.SESSION_KEY, {})


# The kept POST


def test_a_stranger_s_post_is_not_kept_and_makes_no_session(nota_a):
    client = Client()
    response = client.post(visie_url(nota_a), {"q_goal": "x" * 10_000})
    assert response.status_code == 302 and response.url.startswith("/account/login/")
    assert not Session.objects.exists()
    assert not Visie.objects.exists()


def test_a_forged_marker_is_not_enough(nota_a):
    client = Client()
    client.cookies[keep.MARKER_COOKIE] = "1"
    client.post(visie_url(nota_a), {"q_goal": "x" * 10_000})
    assert not Session.objects.exists()


def test_logging_in_sets_the_marker(coordinator_a):
    client = Client()
    response = client.post("/account/login/", {"username": coordinator_a.email, "password": "geheim-wachtwoord"})
    assert response.status_code == 302
    assert keep.MARKER_COOKIE in response.cookies
    assert response.cookies[keep.MARKER_COOKIE]["httponly"]


def test_a_form_too_large_to_keep_is_not_kept_and_the_user_is_told(nota_a, coordinator_a):
    client = expired_session(Client(), coordinator_a)
    response = client.post(visie_url(nota_a), {"q_goal": "x" * (65 * 1024)}, follow=True)
    assert "Wat u typte was te lang om te bewaren" in response.text
    assert kept(client) == {}


def test_what_is_kept_per_session_stays_bounded(nota_a, coordinator_a):
    client = expired_session(Client(), coordinator_a)
    comments = f"/dossiers/{nota_a.pk}/commentaar/"
    client.post(visie_url(nota_a), {"q_goal": "a" * 40_000})
    client.post(comments, {"body": "b" * 40_000, "section": "visie"})
    # The newest is kept; the older one made way.
    assert list(kept(client)) == [comments]
    client.post(comments, {"body": "kort", "section": "visie"})
    client.post(visie_url(nota_a), {"q_goal": "ook kort"})
    assert set(kept(client)) == {comments, visie_url(nota_a)}
    assert sum(len(v) for v in kept(client).values()) <= 64 * 1024


# Body sizes


def test_a_large_anonymous_body_is_refused_before_it_is_read(db):
    # The body claims far more than it has: reading it would fail, so a 413 shows it was not read.
    response = Client().post(
        "/account/login/", {"username": "a@example.org"}, CONTENT_LENGTH=str(100 * 1024 * 1024)
    )
    assert response.status_code == 413
    assert "groter dan 256 KB" in response.text
    assert not Session.objects.exists()


def test_a_small_anonymous_body_is_served(db):
    assert Client().post("/account/login/", {"username": "a@example.org", "password": "x"}).status_code == 200


def test_logged_in_users_may_send_more(coordinator_client, nota_a):
    from tests.dossiers.test_visie import post

    response = post(coordinator_client, nota_a, vorm_motivation="lang " * 60_000)
    assert response.status_code != 413


def test_logged_in_users_are_held_to_the_upload_limit(coordinator_client, nota_a, settings):
    settings.REQUEST_MAX_BYTES = 1024 * 1024
    response = coordinator_client.post(visie_url(nota_a), {"q_goal": "x"}, CONTENT_LENGTH=str(2 * 1024 * 1024))
    assert response.status_code == 413
    assert "groter dan 1 MB" in response.text
    assert not Visie.objects.exists()


# Caching


def assert_private(response):
    directives = {d.strip() for d in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= directives, response["Cache-Control"]


def test_pages_and_downloads_of_logged_in_users_are_not_cached(
    coordinator_client, nota_a, django_capture_on_commit_callbacks
):
    assert_private(coordinator_client.get("/"))
    assert_private(coordinator_client.get(f"/dossiers/{nota_a.pk}/"))
    assert_private(coordinator_client.get(f"/dossiers/{nota_a.pk}/json/"))
    assert_private(coordinator_client.get(f"/dossiers/{nota_a.pk}/word/"))
    with django_capture_on_commit_callbacks(execute=True):
        status = coordinator_client.post(f"/dossiers/{nota_a.pk}/pdf/").url
    export_pk = re.search(r"/pdf/(\d+)/", status).group(1)
    download = coordinator_client.get(f"/dossiers/{nota_a.pk}/pdf/{export_pk}/download/")
    assert download["Content-Type"] == "application/pdf"
    assert_private(download)


def test_strangers_get_no_marker(db):
    assert keep.MARKER_COOKIE not in Client().get("/account/login/").cookies


# HTTPS and `check --deploy`


def production_environment() -> dict:
    """The variables of README.md's "Production environment", with a real secret key."""
    section = (ROOT / "README.md").read_text().split("### Production environment", 1)[1]
    block = re.search(r"((?:\n {4}\S.*)+)", section).group(1)
    env = dict(line.strip().partition("=")[::2] for line in block.strip().splitlines())
    assert {"SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SECRET_KEY"} <= set(env)
    env["SECRET_KEY"] = secrets.token_urlsafe(50)
    return env


def check_deploy(env):
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={"PATH": os.environ["PATH"], **env},
        capture_output=True,
        text=True,
    )


def test_check_deploy_is_silent_with_the_readme_s_production_settings():
    result = check_deploy(production_environment())
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_warns_without_https_settings():
    env = production_environment()
    for name in ("SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS"):
        del env[name]
    result = check_deploy(env)
    assert result.returncode == 1
    assert "security.W004" in result.stderr and "security.W008" in result.stderr
