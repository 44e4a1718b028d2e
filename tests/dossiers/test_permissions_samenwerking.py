"""Cooperation agreements: everyone in the network reads them, coordinators write them."""

import pytest

from dossiers.models import Monitoringafspraak, Overlegorgaan, GeplandReflectiemoment

READ, WRITE = "read", "write"

COVERED = {"dossier_samenwerking", "samenwerking_add", "samenwerking_edit", "samenwerking_delete"}


@pytest.fixture
def rows(nota_a):
    body = Overlegorgaan.objects.create(nota=nota_a, name="Stuurgroep", per_year=4)
    line = Monitoringafspraak.objects.create(nota=nota_a, measure="Bereik", moment="juni", by_whom="An")
    moment = GeplandReflectiemoment.objects.create(nota=nota_a, moment="eind juni")
    base = f"/dossiers/{nota_a.pk}/samenwerking/"
    return [
        ("dossier_samenwerking", base, "get", READ),
        ("dossier_samenwerking", base, "post", WRITE),
        ("samenwerking_add", base + "overleg/nieuw/", "get", WRITE),
        ("samenwerking_add", base + "monitoring/nieuw/", "post", WRITE),
        ("samenwerking_add", base + "reflectie/nieuw/", "get", WRITE),
        ("samenwerking_edit", base + f"overleg/{body.pk}/", "get", WRITE),
        ("samenwerking_edit", base + f"monitoring/{line.pk}/", "post", WRITE),
        ("samenwerking_edit", base + f"reflectie/{moment.pk}/", "get", WRITE),
        ("samenwerking_delete", base + f"overleg/{body.pk}/verwijderen/", "get", WRITE),
        ("samenwerking_delete", base + f"reflectie/{moment.pk}/verwijderen/", "post", WRITE),
    ]


def _counts():
    return Overlegorgaan.objects.count(), Monitoringafspraak.objects.count(), GeplandReflectiemoment.objects.count()


def test_anonymous_is_sent_to_login(rows, anonymous_client):
    for name, url, method, _kind in rows:
        response = getattr(anonymous_client, method)(url)
        assert response.status_code == 302 and "/account/login/" in response.url, name


def test_outsider_gets_404(rows, outsider_client):
    for name, url, method, _kind in rows:
        assert getattr(outsider_client, method)(url).status_code == 404, (name, method)
    assert _counts() == (1, 1, 1)


@pytest.mark.parametrize("persona", ["partner_client", "reviewer_client"])
def test_readers_may_read_not_write(rows, persona, request):
    client = request.getfixturevalue(persona)
    for name, url, method, kind in rows:
        status = getattr(client, method)(url).status_code
        assert status == (200 if kind == READ else 403), (persona, name, method, status)
    assert _counts() == (1, 1, 1)


def test_coordinator_opens_every_page(rows, coordinator_client):
    for name, url, method, _kind in rows:
        if method == "get":
            assert coordinator_client.get(url).status_code == 200, (name, url)


def test_wrong_methods_and_kinds(rows, coordinator_client, nota_a):
    for name, url, _method, _kind in rows:
        assert coordinator_client.put(url).status_code == 405, name
    base = f"/dossiers/{nota_a.pk}/samenwerking/"
    assert coordinator_client.get(base + "iets/nieuw/").status_code == 404
    assert coordinator_client.get(base + "iets/1/").status_code == 404


def test_items_of_another_dossier_are_404(coordinator_client, nota_a, netwerk_b, ronde):
    from dossiers.models import Afsprakennota

    other = Afsprakennota.objects.create(netwerk=netwerk_b, ronde=ronde)
    body = Overlegorgaan.objects.create(nota=other, name="Elders", per_year=2)
    base = f"/dossiers/{nota_a.pk}/samenwerking/overleg/{body.pk}/"
    assert coordinator_client.get(base).status_code == 404
    assert coordinator_client.post(base + "verwijderen/").status_code == 404
    assert Overlegorgaan.objects.filter(pk=body.pk).exists()
