"""Who sees the progress over the years and the self-evaluation: the network's members and
publiq read, the coordinator writes the self-evaluation, outsiders get 404."""

import pytest

from dossiers.models.voortzetting import Zelfevaluatie

from .opvolging_data import approve_with_plan

COVERED = {"opvolging_voortgang", "analyse_zelfevaluatie"}


@pytest.fixture
def urls(nota_a):
    approve_with_plan(nota_a)
    return {
        "voortgang": f"/dossiers/{nota_a.pk}/opvolging/voortgang/",
        "zelfevaluatie": f"/dossiers/{nota_a.pk}/omgevingsanalyse/zelfevaluatie/",
    }


def test_anonymous_is_sent_to_login(urls, anonymous_client):
    for url in urls.values():
        response = anonymous_client.get(url)
        assert response.status_code == 302 and response.url.startswith("/account/login/"), url


def test_outsiders_get_404(urls, outsider_client):
    for url in urls.values():
        assert outsider_client.get(url).status_code == 404, url
    assert outsider_client.post(urls["zelfevaluatie"], {"text": "x"}).status_code == 404


@pytest.mark.parametrize("persona", ["coordinator_client", "partner_client", "reviewer_client"])
def test_members_and_publiq_read(urls, persona, request):
    client = request.getfixturevalue(persona)
    for url in urls.values():
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("persona", ["partner_client", "reviewer_client"])
def test_only_the_coordinator_writes_the_self_evaluation(nota_a, persona, request):
    client = request.getfixturevalue(persona)
    url = f"/dossiers/{nota_a.pk}/omgevingsanalyse/zelfevaluatie/"
    assert "<trix-editor" not in client.get(url).content.decode()
    assert client.post(url, {"text": "<p>Eigen tekst</p>"}).status_code == 403
    assert not Zelfevaluatie.objects.exists()


def test_wrong_methods(urls, coordinator_client):
    assert coordinator_client.post(urls["voortgang"]).status_code == 405
    for url in urls.values():
        assert coordinator_client.put(url).status_code == 405, url
