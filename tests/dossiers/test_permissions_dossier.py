"""Who may open and change the dossier pages: see tests/netwerken/test_permissions.py for the idea."""

import pytest

READ, WRITE = "read", "write"

COVERED = {
    "dossier_start",
    "dossier_overview",
    "dossier_visie",
    "dossier_partners",
    "dossier_gemeenten",
    "dossier_history",
    "dossier_begroting",
    "dossier_begroting_cel",
}


@pytest.fixture
def rows(nota_a, ronde):
    n, d = nota_a.netwerk.pk, nota_a.pk
    return [
        ("dossier_start", f"/netwerken/{n}/dossiers/nieuw/", "post", WRITE, {"ronde": ronde.pk}),
        ("dossier_overview", f"/dossiers/{d}/", "get", READ, None),
        ("dossier_visie", f"/dossiers/{d}/visie/", "get", READ, None),
        ("dossier_visie", f"/dossiers/{d}/visie/", "post", WRITE, {}),
        ("dossier_partners", f"/dossiers/{d}/partners/", "get", READ, None),
        ("dossier_gemeenten", f"/dossiers/{d}/gemeenten/", "get", READ, None),
        ("dossier_history", f"/dossiers/{d}/geschiedenis/", "get", READ, None),
        ("dossier_begroting", f"/dossiers/{d}/begroting/", "get", READ, None),
        ("dossier_begroting", f"/dossiers/{d}/begroting/", "post", WRITE, {"c-personeel-2027": "100"}),
        ("dossier_begroting_cel", f"/dossiers/{d}/begroting/cel/", "post", WRITE, {"c-personeel-2027": "1"}),
    ]


def _call(client, method, url, data):
    return getattr(client, method)(url, data or {})


def test_anonymous_is_sent_to_login(rows, anonymous_client):
    for name, url, method, _kind, data in rows:
        response = _call(anonymous_client, method, url, data)
        assert response.status_code == 302 and "/account/login/" in response.url, name


def test_outsider_gets_404(rows, outsider_client):
    for name, url, method, _kind, data in rows:
        assert _call(outsider_client, method, url, data).status_code == 404, (name, method)


@pytest.mark.parametrize("persona", ["partner_client", "reviewer_client"])
def test_readers_may_read_not_write(rows, persona, request):
    client = request.getfixturevalue(persona)
    for name, url, method, kind, data in rows:
        status = _call(client, method, url, data).status_code
        assert status == (200 if kind == READ else 403), (persona, name, method, status)


def test_coordinator_opens_every_page(rows, coordinator_client):
    for name, url, method, _kind, _data in rows:
        if method == "get":
            assert coordinator_client.get(url).status_code == 200, name


def test_wrong_methods_are_refused(rows, coordinator_client):
    for name, url, method, _kind, _data in rows:
        assert coordinator_client.put(url).status_code == 405, name
