"""Who may open and change the pages of the omgevingsanalyse and the imports.

Dossier pages follow the dossier: members and reviewers read, coordinators write, outsiders get
404. Imports are not tied to one network: coordinators, reviewers and administrators may
import; others get 403; an import belongs to who made it (others 404), staff see all.
"""

import pytest

from analyses.models import ImportBatch
from dossiers.models import GekozenIndicator, SwotItem
from tests.factories import indicator

READ, WRITE = "read", "write"

COVERED = {
    "dossier_omgevingsanalyse",
    "analyse_cijfers",
    "analyse_indicatoren",
    "analyse_duiding",
    "analyse_netwerkbeeld",
    "analyse_kwalitatief",
    "analyse_swot",
    "analyse_drempels",
    "analyse_stem",
    "analyse_item_add",
    "analyse_item_edit",
    "analyse_item_remove",
    "netwerk_dashboard",
    "import_upload",
    "import_mapping",
    "import_preview",
    "import_confirm",
    "import_cancel",
    "import_undo",
    "import_accept_name",
}


@pytest.fixture
def rows(nota_a):
    d, n = nota_a.pk, nota_a.netwerk.pk
    keuze = GekozenIndicator.objects.create(nota=nota_a, indicator=indicator("kansarmoede-index"))
    item = SwotItem.objects.create(nota=nota_a, kind="sterkte", text="Sterke partners")
    a = f"/dossiers/{d}/omgevingsanalyse/"
    return [
        ("dossier_omgevingsanalyse", a, "get", READ),
        ("analyse_cijfers", a + "cijfers/", "get", READ),
        ("analyse_indicatoren", a + "cijfers/indicatoren/", "get", WRITE),
        ("analyse_indicatoren", a + "cijfers/indicatoren/", "post", WRITE),
        ("analyse_duiding", a + f"cijfers/{keuze.pk}/duiding/", "get", READ),
        ("analyse_duiding", a + f"cijfers/{keuze.pk}/duiding/", "post", WRITE),
        ("analyse_netwerkbeeld", a + "netwerkbeeld/", "get", READ),
        ("analyse_kwalitatief", a + "vragen/intern/", "get", READ),
        ("analyse_kwalitatief", a + "vragen/netwerk/", "post", WRITE),
        ("analyse_swot", a + "swot/", "get", READ),
        ("analyse_drempels", a + "drempels/", "get", READ),
        ("analyse_stem", a + "stem/", "get", READ),
        ("analyse_item_add", a + "kansengroepen/toevoegen/", "get", WRITE),
        ("analyse_item_add", a + "swot/toevoegen/", "post", WRITE),
        ("analyse_item_edit", a + f"swot/{item.pk}/bewerken/", "get", WRITE),
        ("analyse_item_edit", a + f"swot/{item.pk}/bewerken/", "post", WRITE),
        ("analyse_item_remove", a + f"swot/{item.pk}/verwijderen/", "get", WRITE),
        ("analyse_item_remove", a + f"swot/{item.pk}/verwijderen/", "post", WRITE),
        ("netwerk_dashboard", f"/netwerken/{n}/cijfers/", "get", READ),
    ]


def _call(client, method, url):
    return getattr(client, method)(url, {})


def test_anonymous_is_sent_to_login(rows, anonymous_client):
    for name, url, method, _kind in rows:
        response = _call(anonymous_client, method, url)
        assert response.status_code == 302 and "/account/login/" in response.url, name


def test_outsider_gets_404(rows, outsider_client):
    for name, url, method, _kind in rows:
        assert _call(outsider_client, method, url).status_code == 404, (name, method)


@pytest.mark.parametrize("persona", ["partner_client", "reviewer_client"])
def test_readers_may_read_not_write(rows, persona, request):
    client = request.getfixturevalue(persona)
    for name, url, method, kind in rows:
        status = _call(client, method, url).status_code
        assert status == (200 if kind == READ else 403), (persona, name, method, status)


def test_coordinator_opens_every_page(rows, coordinator_client):
    for name, url, method, _kind in rows:
        if method == "get":
            assert coordinator_client.get(url).status_code == 200, name


def test_unknown_kinds_are_404(nota_a, coordinator_client):
    a = f"/dossiers/{nota_a.pk}/omgevingsanalyse/"
    assert coordinator_client.get(a + "vragen/onbekend/").status_code == 404
    assert coordinator_client.get(a + "onbekend/toevoegen/").status_code == 404
    assert coordinator_client.get(a + "swot/999999/bewerken/").status_code == 404


def test_wrong_methods_are_refused(rows, coordinator_client):
    for name, url, _method, _kind in rows:
        assert coordinator_client.put(url).status_code == 405, name


@pytest.fixture
def batch(coordinator_a):
    return ImportBatch.objects.create(
        indicator=indicator("kansarmoede-index"),
        uploaded_by=coordinator_a,
        filename="cijfers.csv",
        rows=[[1, ["Gemeente", "Jaar", "Waarde"]], [2, ["Temse", "2023", "1"]]],
        header_line=1,
        gemeente_column=0,
        year_column=1,
        value_column=2,
        status=ImportBatch.Status.MAPPED,
    )


def _import_rows(batch):
    i = f"/cijfers/importeren/{batch.pk}/"
    return [
        ("import_mapping", i + "kolommen/", "get"),
        ("import_preview", i, "get"),
        ("import_undo", i + "ongedaan-maken/", "get"),
        ("import_confirm", i + "bevestigen/", "post"),
        ("import_accept_name", i + "naam/", "post"),
        ("import_cancel", i + "annuleren/", "post"),
    ]


def test_imports_need_a_login(batch, anonymous_client):
    assert anonymous_client.get("/cijfers/importeren/").status_code == 302
    for name, url, method in _import_rows(batch):
        response = _call(anonymous_client, method, url)
        assert response.status_code == 302 and "/account/login/" in response.url, name


def test_who_may_not_import_gets_403(batch, partner_client):
    assert partner_client.get("/cijfers/importeren/").status_code == 403
    for name, url, method in _import_rows(batch):
        assert _call(partner_client, method, url).status_code == 403, name


def test_someone_elses_import_is_404(batch, outsider_client):
    assert outsider_client.get("/cijfers/importeren/").status_code == 200
    for name, url, method in _import_rows(batch):
        assert _call(outsider_client, method, url).status_code == 404, name


@pytest.mark.parametrize("persona", ["coordinator_client", "reviewer_client"])
def test_owner_and_staff_open_the_import(batch, persona, request):
    client = request.getfixturevalue(persona)
    assert client.get("/cijfers/importeren/").status_code == 200
    for name, url, method in _import_rows(batch):
        if method == "get":
            # The mapping page of a previewed import leads on to its preview.
            assert client.get(url).status_code in {200, 302}, (persona, name)


def test_administrator_may_import(batch, admin_user, client_for):
    client = client_for(admin_user)
    assert client.get("/cijfers/importeren/").status_code == 200
    assert client.get(f"/cijfers/importeren/{batch.pk}/").status_code == 200


def test_import_actions_only_take_post(batch, coordinator_client):
    for name, url, method in _import_rows(batch):
        if method == "post":
            assert coordinator_client.get(url).status_code == 405, name
        assert coordinator_client.put(url).status_code == 405, name
    assert coordinator_client.put("/cijfers/importeren/").status_code == 405
