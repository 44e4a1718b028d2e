"""Taking a dossier to review: publiq staff only; coordinators and partners get 404."""

import pytest

COVERED = {"dossier_take_review"}


@pytest.fixture
def url(nota_a):
    return f"/beoordeling/dossier/{nota_a.pk}/nemen/"


def test_anonymous_is_sent_to_login(url, anonymous_client, nota_a):
    response = anonymous_client.post(url)
    assert response.status_code == 302 and "/account/login/" in response.url
    nota_a.refresh_from_db()
    assert nota_a.reviewer is None


def test_coordinator_partner_and_outsider_get_404(url, nota_a, coordinator_client, partner_client, outsider_client):
    for client in (coordinator_client, partner_client, outsider_client):
        assert client.post(url).status_code == 404
    nota_a.refresh_from_db()
    assert nota_a.reviewer is None


def test_reviewer_and_administrator_may_take_it(url, nota_a, reviewer, reviewer_client, admin_user, client_for):
    assert reviewer_client.post(url).status_code == 302
    nota_a.refresh_from_db()
    assert nota_a.reviewer == reviewer
    nota_a.reviewer = None
    nota_a.save()
    assert client_for(admin_user).post(url).status_code == 302
    nota_a.refresh_from_db()
    assert nota_a.reviewer == admin_user


def test_wrong_method_and_unknown_dossier(url, reviewer_client):
    assert reviewer_client.get(url).status_code == 405
    assert reviewer_client.post("/beoordeling/dossier/999999/nemen/").status_code == 404
