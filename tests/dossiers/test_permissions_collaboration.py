"""Who may take workflow steps, comment, confirm, review and read versions."""

import pytest

from dossiers.models import Comment
from dossiers.services import dossier_freeze

READ, WRITE, REVIEW, CONFIRM, COMMENT = "read", "write", "review", "confirm", "comment"

COVERED = {
    "dossier_transition",
    "dossier_versions",
    "dossier_version",
    "dossier_version_diff",
    "dossier_comments",
    "comment_reply",
    "comment_edit",
    "comment_resolve",
    "dossier_confirm",
    "dossier_review",
}
ELSEWHERE = {
    "review_list": "test_review.py",
    "notifications": "test_notifications.py",
    "notifications_read": "test_notifications.py",
    "notification_settings": "test_notifications.py",
}


@pytest.fixture
def rows(nota_a, partner_org_a, coordinator_a):
    nota_a.status = "consultatie"
    nota_a.save()
    dossier_freeze(nota=nota_a, user=coordinator_a)
    dossier_freeze(nota=nota_a, user=coordinator_a)
    thread = Comment.objects.create(
        nota=nota_a, section="visie", anchor="section", anchor_label="Visie", author=coordinator_a, body="?"
    )
    d = nota_a.pk
    return [
        ("dossier_transition", f"/dossiers/{d}/stap/close_consultation/", "get", WRITE),
        ("dossier_versions", f"/dossiers/{d}/versies/", "get", READ),
        ("dossier_version", f"/dossiers/{d}/versies/1/", "get", READ),
        ("dossier_version_diff", f"/dossiers/{d}/versies/2/verschillen/", "get", READ),
        ("dossier_comments", f"/dossiers/{d}/commentaar/", "get", READ),
        ("dossier_comments", f"/dossiers/{d}/commentaar/?section=visie&anchor=section", "get", READ),
        ("dossier_comments", f"/dossiers/{d}/commentaar/?section=visie&anchor=section", "post", COMMENT),
        ("comment_reply", f"/dossiers/{d}/commentaar/{thread.pk}/antwoorden/", "post", COMMENT),
        ("comment_resolve", f"/dossiers/{d}/commentaar/{thread.pk}/afsluiten/", "post", WRITE),
        ("comment_edit", f"/dossiers/{d}/commentaar/{thread.pk}/bewerken/", "get", WRITE),
        ("dossier_confirm", f"/dossiers/{d}/partners/{partner_org_a.pk}/bevestigen/", "get", CONFIRM),
        ("dossier_review", f"/dossiers/{d}/beoordeling/", "get", REVIEW),
    ]


def _call(client, method, url):
    data = {"body": "Een opmerking", "section": "visie", "anchor": "section"} if method == "post" else None
    return getattr(client, method)(url, data or {})


def test_anonymous_is_sent_to_login(rows, anonymous_client):
    for name, url, method, _kind in rows:
        response = _call(anonymous_client, method, url)
        assert response.status_code == 302 and "/account/login/" in response.url, name


def test_outsider_gets_404(rows, outsider_client):
    for name, url, method, _kind in rows:
        assert _call(outsider_client, method, url).status_code == 404, (name, method)


def test_partner(rows, partner_client):
    allowed = {READ, CONFIRM, COMMENT}
    for name, url, method, kind in rows:
        status = _call(partner_client, method, url).status_code
        expected = 403 if kind not in allowed else (302 if method == "post" else 200)
        assert status == expected, (name, method, status)


def test_reviewer(rows, reviewer_client):
    allowed = {READ, REVIEW, COMMENT}
    for name, url, method, kind in rows:
        status = _call(reviewer_client, method, url).status_code
        if name == "comment_resolve":
            expected = 302  # reviewers may resolve threads
        else:
            expected = 403 if kind not in allowed else (302 if method == "post" else 200)
        assert status == expected, (name, method, status)


def test_coordinator(rows, coordinator_client):
    for name, url, method, kind in rows:
        status = _call(coordinator_client, method, url).status_code
        if kind in {REVIEW, CONFIRM}:
            assert status == 403, name
        else:
            assert status == (302 if method == "post" else 200), (name, method, status)


def test_wrong_methods(rows, coordinator_client):
    for name, url, method, _kind in rows:
        assert coordinator_client.put(url).status_code == 405, name
