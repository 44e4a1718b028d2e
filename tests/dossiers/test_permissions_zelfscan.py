"""Who may do what with the self-scan: members score, everyone who reads the network reads the
results, only the coordinator opens, closes and plans; outsiders get 404."""

from datetime import date

import pytest

from dossiers.models.zelfscan import Zelfscan

COVERED = {"zelfscan_list", "zelfscan_detail", "zelfscan_fill", "zelfscan_close", "zelfscan_action"}


@pytest.fixture
def urls(netwerk_a):
    scan = Zelfscan.objects.create(netwerk=netwerk_a, title="Scan", opened_on=date(2027, 3, 1))
    base = f"/netwerken/{netwerk_a.pk}/zelfscan/"
    return {
        "list": base,
        "detail": f"{base}{scan.pk}/",
        "fill": f"{base}{scan.pk}/invullen/",
        "close": f"{base}{scan.pk}/afsluiten/",
        "action": f"{base}{scan.pk}/actie/",
    }


def test_anonymous_is_sent_to_login(urls, anonymous_client):
    for url in urls.values():
        for method in ("get", "post"):
            response = getattr(anonymous_client, method)(url)
            assert response.status_code == 302 and response.url.startswith("/account/login/"), url


ALLOWED = {"list": ("get", "post"), "detail": ("get",), "fill": ("get", "post"),
           "close": ("post",), "action": ("post",)}


def test_outsiders_get_404(urls, outsider_client):
    for name, url in urls.items():
        for method in ALLOWED[name]:
            assert getattr(outsider_client, method)(url).status_code == 404, (method, url)


def test_a_partner_reads_and_scores_but_does_not_manage(urls, partner_client):
    assert partner_client.get(urls["list"]).status_code == 200
    assert partner_client.get(urls["detail"]).status_code == 200
    assert partner_client.get(urls["fill"]).status_code == 200
    assert partner_client.post(urls["list"], {"title": "Nieuw"}).status_code == 403
    assert partner_client.post(urls["close"]).status_code == 403
    assert partner_client.post(urls["action"]).status_code == 403
    assert not Zelfscan.objects.filter(title="Nieuw").exists()


def test_publiq_reads_but_does_not_score(urls, reviewer_client):
    assert reviewer_client.get(urls["list"]).status_code == 200
    assert reviewer_client.get(urls["detail"]).status_code == 200
    assert reviewer_client.get(urls["fill"]).status_code == 403
    assert reviewer_client.post(urls["fill"]).status_code == 403
    assert reviewer_client.post(urls["close"]).status_code == 403


def test_the_coordinator_does_everything(urls, coordinator_client):
    for name in ("list", "detail", "fill"):
        assert coordinator_client.get(urls[name]).status_code == 200, name
    assert coordinator_client.post(urls["close"]).status_code == 302


def test_wrong_methods(urls, coordinator_client):
    assert coordinator_client.get(urls["close"]).status_code == 405
    assert coordinator_client.get(urls["action"]).status_code == 405
    assert coordinator_client.post(urls["detail"]).status_code == 405
    assert coordinator_client.put(urls["list"]).status_code == 405
