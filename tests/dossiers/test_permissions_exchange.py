import pytest

COVERED = {"word_download", "json_download", "dossier_copy"}


@pytest.fixture
def rows(nota_a, ronde):
    from dossiers.models import Indienronde

    later = Indienronde.objects.get(first_year=2030)
    return [
        ("word_download", f"/dossiers/{nota_a.pk}/word/", "get", None, 200),
        ("json_download", f"/dossiers/{nota_a.pk}/json/", "get", None, 200),
        (
            "dossier_copy",
            f"/netwerken/{nota_a.netwerk.pk}/dossiers/kopie/",
            "post",
            {"bron": nota_a.pk, "ronde": later.pk},
            302,
        ),
    ]


def test_outsider_and_anonymous(rows, outsider_client, anonymous_client):
    for name, url, method, data, _ok in rows:
        assert getattr(outsider_client, method)(url, data or {}).status_code == 404, name
        assert getattr(anonymous_client, method)(url, data or {}).status_code == 302, name


@pytest.mark.parametrize("persona", ["partner_client", "reviewer_client"])
def test_readers_download_but_do_not_copy(rows, persona, request):
    client = request.getfixturevalue(persona)
    for name, url, method, data, ok in rows:
        expected = 403 if method == "post" else ok
        assert getattr(client, method)(url, data or {}).status_code == expected, name


def test_coordinator(rows, coordinator_client):
    for name, url, method, data, ok in rows:
        assert getattr(coordinator_client, method)(url, data or {}).status_code == ok, name
        assert coordinator_client.put(url).status_code == 405, name
