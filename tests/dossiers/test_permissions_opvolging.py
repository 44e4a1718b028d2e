"""Who may do what with the yearly follow-up: the coordinator records it, partners and publiq
read it, outsiders get 404; a dossier that is not approved has no follow-up at all."""

import pytest

from dossiers.models import Bijsturing, Reflectiemoment, Werkjaar
from dossiers.services_opvolging import werkjaar_start

from .opvolging_data import approve_with_plan

COVERED = {
    "opvolging", "opvolging_werkjaar", "opvolging_actie", "opvolging_indicatoren",
    "opvolging_begroting", "opvolging_reflectie_new", "opvolging_reflectie",
    "opvolging_bijsturing_new", "opvolging_bijsturing",
}

READ = ("overview", "year")


@pytest.fixture
def urls(nota_a, coordinator_a):
    approve_with_plan(nota_a)
    jaar = werkjaar_start(nota=nota_a, year=2027, user=coordinator_a)
    moment = Reflectiemoment.objects.create(werkjaar=jaar, held_on="2027-06-01", participants="Stuurgroep")
    change = Bijsturing.objects.create(werkjaar=jaar, from_year=2028, description="Meer budget")
    base = f"/dossiers/{nota_a.pk}/opvolging/"
    y = f"{base}2027/"
    return {
        "overview": base,
        "year": y,
        "actie": f"{y}acties/{jaar.acties.first().actie_id}/",
        "indicatoren": f"{y}indicatoren/",
        "begroting": f"{y}begroting/",
        "reflectie_new": f"{y}reflectie/nieuw/",
        "reflectie": f"{y}reflectie/{moment.pk}/",
        "bijsturing_new": f"{y}bijsturing/nieuw/",
        "bijsturing": f"{y}bijsturing/{change.pk}/",
    }


def test_anonymous_is_sent_to_login(urls, anonymous_client):
    for url in urls.values():
        response = anonymous_client.get(url)
        assert response.status_code == 302 and response.url.startswith("/account/login/"), url


def test_outsiders_get_404(urls, outsider_client):
    for url in urls.values():
        assert outsider_client.get(url).status_code == 404, url
        if url != urls["year"]:
            assert outsider_client.post(url).status_code == 404, url


@pytest.mark.parametrize("persona", ["partner_client", "reviewer_client"])
def test_partners_and_publiq_read_but_do_not_record(urls, persona, request):
    client = request.getfixturevalue(persona)
    for name, url in urls.items():
        if name in READ:
            assert client.get(url).status_code == 200, url
        else:
            assert client.get(url).status_code == 403, url
        if name != "year":
            assert client.post(url).status_code == 403, url
    assert Werkjaar.objects.count() == 1 and Reflectiemoment.objects.count() == 1


def test_the_coordinator_records_everything(urls, coordinator_client):
    for url in urls.values():
        assert coordinator_client.get(url).status_code == 200, url


def test_the_year_page_is_read_only_for_a_partner(urls, partner_client):
    page = partner_client.get(urls["year"]).content.decode()
    assert "2027/begroting/" not in page and "reflectie/nieuw" not in page


def test_wrong_methods(urls, coordinator_client):
    assert coordinator_client.post(urls["year"]).status_code == 405
    for url in urls.values():
        assert coordinator_client.put(url).status_code == 405, url


@pytest.mark.parametrize("status", ["concept", "ingediend", "bijsturing"])
def test_a_dossier_that_is_not_approved_has_no_follow_up(nota_a, coordinator_client, status):
    approve_with_plan(nota_a, status=status)
    base = f"/dossiers/{nota_a.pk}/opvolging/"
    assert coordinator_client.get(base).status_code == 404
    assert coordinator_client.post(base, {"year": 2027}).status_code == 404
    assert not Werkjaar.objects.exists()
    assert base not in coordinator_client.get(f"/dossiers/{nota_a.pk}/").content.decode()


def test_the_overview_links_to_the_follow_up_once_approved(urls, coordinator_client, nota_a):
    assert urls["overview"] in coordinator_client.get(f"/dossiers/{nota_a.pk}/").content.decode()
