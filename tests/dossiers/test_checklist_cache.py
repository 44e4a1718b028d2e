"""The checklist is computed once per revision of the dossier and kept in the database cache:
an edit anywhere the rules read shows on the very next page, and without edits the rules do
not run again."""

from concurrency.forms import get_signer
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dossiers.models import Visie
from netwerken.models import DeelnemendeGemeente


def overview(client, nota):
    response = client.get(f"/dossiers/{nota.pk}/")
    assert response.status_code == 200
    return response


def check(response, name):
    return next(c for c in response.context["checklist"].checks if c.rule.name == name)


def test_editing_the_vision_shows_on_the_next_page(coordinator_client, nota_a):
    assert not check(overview(coordinator_client, nota_a), "visie_written").passed
    page = coordinator_client.get(f"/dossiers/{nota_a.pk}/visie/")
    assert "De visie heeft nog geen tekst." in page.text

    saved = coordinator_client.post(
        f"/dossiers/{nota_a.pk}/visie/", {"text": "<p>Samen vrije tijd.</p>", "version": ""}
    )
    assert saved.status_code == 302

    assert check(overview(coordinator_client, nota_a), "visie_written").passed
    page = coordinator_client.get(f"/dossiers/{nota_a.pk}/visie/")
    assert "De visie heeft nog geen tekst." not in page.text


def test_a_second_edit_of_the_same_text_shows_too(coordinator_client, nota_a):
    Visie.objects.create(nota=nota_a, text="<p>Eerste visie.</p>")
    assert check(overview(coordinator_client, nota_a), "visie_written").passed
    visie = Visie.objects.get(nota=nota_a)
    saved = coordinator_client.post(
        f"/dossiers/{nota_a.pk}/visie/",
        {"text": "<p> </p>", "version": get_signer().sign(visie.version)},
    )
    assert saved.status_code == 302
    assert not check(overview(coordinator_client, nota_a), "visie_written").passed


def test_municipalities_added_to_the_network_show(coordinator_client, netwerk_a, nota_a):
    """Adding several municipalities at once writes no history: the count tells the change."""
    before = check(overview(coordinator_client, nota_a), "gemeente_contacts_complete")
    assert not any(p.startswith("Stekene") for p in before.problems)

    added = coordinator_client.post(
        f"/netwerken/{netwerk_a.pk}/gemeenten/meerdere/", {"gemeenten": "Stekene"}
    )
    assert added.status_code == 302
    assert DeelnemendeGemeente.objects.filter(netwerk=netwerk_a, gemeente__name="Stekene").exists()

    after = check(overview(coordinator_client, nota_a), "gemeente_contacts_complete")
    assert any(p.startswith("Stekene: ontbreekt") for p in after.problems)


def test_without_edits_the_rules_do_not_run_again(coordinator_client, nota_a):
    with CaptureQueriesContext(connection) as first:
        overview(coordinator_client, nota_a)
    with CaptureQueriesContext(connection) as second:
        again = overview(coordinator_client, nota_a)
    assert len(second) < len(first) - 5
    assert not check(again, "visie_written").passed
    assert "De visie heeft nog geen tekst." in check(again, "visie_written").problems
