"""Objectives and actions: everyone in the network reads them, coordinators write them."""

import pytest

from dossiers.models import Actie, OperationeleDoelstelling, StrategischeDoelstelling

READ, WRITE = "read", "write"

COVERED = {
    "dossier_doelstellingen", "doelen_plan", "doelen_load", "sd_add", "sd_edit", "od_add",
    "od_edit", "actie_add", "actie_edit", "doel_move", "doel_delete",
}


@pytest.fixture
def rows(nota_a):
    sd = StrategischeDoelstelling.objects.create(nota=nota_a, title="SD")
    od = OperationeleDoelstelling.objects.create(sd=sd, title="OD")
    actie = Actie.objects.create(od=od, title="Actie")
    base = f"/dossiers/{nota_a.pk}/doelstellingen/"
    return [
        ("dossier_doelstellingen", base, "get", READ),
        ("doelen_plan", base + "per-werkjaar/", "get", READ),
        ("doelen_load", base + "partners/", "get", READ),
        ("sd_add", base + "sd/nieuw/", "get", WRITE),
        ("sd_add", base + "sd/nieuw/", "post", WRITE),
        ("sd_edit", base + f"sd/{sd.pk}/", "get", WRITE),
        ("od_add", base + f"sd/{sd.pk}/od/nieuw/", "get", WRITE),
        ("od_edit", base + f"od/{od.pk}/", "get", WRITE),
        ("actie_add", base + f"od/{od.pk}/actie/nieuw/", "get", WRITE),
        ("actie_edit", base + f"actie/{actie.pk}/", "get", WRITE),
        ("actie_edit", base + f"actie/{actie.pk}/", "post", WRITE),
        ("doel_move", base + f"actie/{actie.pk}/verplaatsen/", "post", WRITE),
        ("doel_delete", base + f"sd/{sd.pk}/verwijderen/", "get", WRITE),
        ("doel_delete", base + f"od/{od.pk}/verwijderen/", "post", WRITE),
    ]


def test_anonymous_is_sent_to_login(rows, anonymous_client):
    for name, url, method, _kind in rows:
        response = getattr(anonymous_client, method)(url)
        assert response.status_code == 302 and "/account/login/" in response.url, name


def test_outsider_gets_404(rows, outsider_client):
    for name, url, method, _kind in rows:
        assert getattr(outsider_client, method)(url).status_code == 404, (name, method)


@pytest.mark.parametrize("persona", ["partner_client", "reviewer_client"])
def test_readers_may_read_not_write(rows, persona, request):
    client = request.getfixturevalue(persona)
    for name, url, method, kind in rows:
        status = getattr(client, method)(url).status_code
        assert status == (200 if kind == READ else 403), (persona, name, method, status)
    assert StrategischeDoelstelling.objects.count() == 1 and Actie.objects.count() == 1


def test_coordinator_opens_every_page(rows, coordinator_client):
    for name, url, method, _kind in rows:
        if method == "get":
            assert coordinator_client.get(url).status_code == 200, name


def test_wrong_methods_and_kinds(rows, coordinator_client, nota_a):
    for name, url, _method, _kind in rows:
        assert coordinator_client.put(url).status_code == 405, name
    base = f"/dossiers/{nota_a.pk}/doelstellingen/"
    assert coordinator_client.get(base + "actie/1/verplaatsen/").status_code == 405
    assert coordinator_client.post(base + "iets/1/verplaatsen/").status_code == 404


def test_objects_of_another_dossier_are_404(coordinator_client, nota_a, netwerk_b, ronde):
    from dossiers.models import Afsprakennota

    other = Afsprakennota.objects.create(netwerk=netwerk_b, ronde=ronde)
    sd = StrategischeDoelstelling.objects.create(nota=other, title="Elders")
    url = f"/dossiers/{nota_a.pk}/doelstellingen/sd/{sd.pk}/"
    assert coordinator_client.get(url).status_code == 404
