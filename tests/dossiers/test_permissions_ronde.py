"""publiq's round pages and their exports: for reviewers and administrators only."""

import pytest

COVERED = {"ronde_overview_current", "ronde_overview", "ronde_coverage", "ronde_export", "ronde_comparison"}


@pytest.fixture
def urls(nota_a, netwerk_b):
    r = nota_a.ronde_id
    return [
        "/beoordeling/ronde/",
        f"/beoordeling/ronde/{r}/",
        f"/beoordeling/ronde/{r}/?status=concept&sort=-checklist",
        f"/beoordeling/ronde/{r}/dekking/",
        f"/beoordeling/ronde/{r}/vergelijking/",
        f"/beoordeling/ronde/{r}/export/vergelijking.xlsx",
        f"/beoordeling/ronde/{r}/export/vergelijking.csv",
        f"/beoordeling/ronde/{r}/export/overzicht.xlsx",
        f"/beoordeling/ronde/{r}/export/overzicht.csv",
        f"/beoordeling/ronde/{r}/export/dekking.xlsx",
        f"/beoordeling/ronde/{r}/export/dekking.csv",
        f"/beoordeling/ronde/{r}/export/partners.xlsx",
        f"/beoordeling/ronde/{r}/export/partners.csv",
    ]


def test_anonymous_is_sent_to_login(urls, anonymous_client):
    for url in urls:
        response = anonymous_client.get(url)
        assert response.status_code == 302 and "/account/login/" in response.url, url


def test_coordinator_partner_and_outsider_get_404(urls, coordinator_client, partner_client, outsider_client):
    for client in (coordinator_client, partner_client, outsider_client):
        for url in urls:
            assert client.get(url).status_code == 404, url


def test_reviewer_and_administrator_see_them(urls, reviewer_client, admin_user, client_for):
    for client in (reviewer_client, client_for(admin_user)):
        for url in urls:
            assert client.get(url).status_code == 200, url


def test_wrong_method(urls, reviewer_client):
    for url in urls:
        assert reviewer_client.post(url).status_code == 405, url


def test_unknown_round_or_export_is_404(nota_a, reviewer_client):
    assert reviewer_client.get("/beoordeling/ronde/999999/").status_code == 404
    assert reviewer_client.get("/beoordeling/ronde/999999/dekking/").status_code == 404
    assert reviewer_client.get(f"/beoordeling/ronde/{nota_a.ronde_id}/export/overzicht.pdf").status_code == 404
    assert reviewer_client.get(f"/beoordeling/ronde/{nota_a.ronde_id}/export/geheim.csv").status_code == 404
