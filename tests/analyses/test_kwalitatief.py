import re

import pytest
from concurrency.forms import get_signer

from dossiers.models import Bevraging, Drempelbeschrijving, Kansengroep, KwalitatieveAnalyse, SwotItem
from tests.factories import gemeente


def url(nota, rest=""):
    return f"/dossiers/{nota.pk}/omgevingsanalyse/{rest}"


def test_coordinator_answers_the_guiding_questions(coordinator_client, nota_a):
    page = coordinator_client.get(url(nota_a, "vragen/intern/"))
    assert "Hoe werken de vrijetijdsdiensten van de gemeenten vandaag voor mensen in armoede?" in page.text
    response = coordinator_client.post(
        url(nota_a, "vragen/intern/"),
        {"werking": "Met een kansentarief in elke gemeente.", "evaluatie": "", "version": ""},
        follow=True,
    )
    assert "De interne analyse is bewaard." in response.text
    analysis = KwalitatieveAnalyse.objects.get(nota=nota_a, kind="intern")
    assert analysis.answer("werking") == "Met een kansentarief in elke gemeente."
    assert len(analysis.unanswered) == 7


def test_readers_see_the_answers(partner_client, nota_a):
    KwalitatieveAnalyse.objects.create(nota=nota_a, kind="netwerk", answers={"spelers": "De bib en het OCMW."})
    page = partner_client.get(url(nota_a, "vragen/netwerk/"))
    assert "De bib en het OCMW." in page.text
    assert "<textarea" not in page.text


def test_a_conflict_on_the_answers_keeps_what_was_typed(coordinator_client, nota_a):
    analysis = KwalitatieveAnalyse.objects.create(nota=nota_a, kind="extern", answers={"cijfers": "Oud."})
    stale = get_signer().sign(analysis.version)
    analysis.answers = {"cijfers": "Van een collega."}
    analysis.save()
    response = coordinator_client.post(url(nota_a, "vragen/extern/"), {"cijfers": "Van mij.", "version": stale})
    assert response.status_code == 409
    assert "Van mij." in response.text and "Van een collega." in response.text
    analysis.refresh_from_db()
    assert analysis.answer("cijfers") == "Van een collega."


def test_swot_items_are_added_edited_and_removed_with_confirmation(coordinator_client, nota_a):
    response = coordinator_client.post(
        url(nota_a, "swot/toevoegen/"),
        {"kind": "zwakte", "text": "Dezelfde partners dragen alles.", "source": "partneroverleg", "version": ""},
        follow=True,
    )
    assert "Het SWOT-punt is bewaard." in response.text
    item = SwotItem.objects.get(nota=nota_a)
    assert "Dezelfde partners dragen alles." in response.text and "Bron: partneroverleg" in response.text

    coordinator_client.post(
        url(nota_a, f"swot/{item.pk}/bewerken/"),
        {"kind": "zwakte", "text": "Te weinig partners.", "source": "", "version": get_signer().sign(item.version)},
    )
    item.refresh_from_db()
    assert item.text == "Te weinig partners." and item.source == ""

    confirm = coordinator_client.get(url(nota_a, f"swot/{item.pk}/verwijderen/"))
    assert "‘Te weinig partners.’ verwijderen?" in confirm.text
    assert SwotItem.objects.filter(pk=item.pk).exists()
    response = coordinator_client.post(url(nota_a, f"swot/{item.pk}/verwijderen/"), follow=True)
    assert "Het SWOT-punt is verwijderd." in response.text
    assert not SwotItem.objects.exists()


def test_bad_input_keeps_what_was_typed(coordinator_client, nota_a):
    response = coordinator_client.post(url(nota_a, "swot/toevoegen/"), {"kind": "", "text": "Halve zin"})
    assert "Niet bewaard" in response.text and "Dit veld is verplicht." in response.text
    assert "Halve zin" in response.text
    assert not SwotItem.objects.exists()


def test_a_threshold_per_b_with_groups_and_municipalities(coordinator_client, nota_a, netwerk_b):
    temse = gemeente("Temse")
    response = coordinator_client.post(
        url(nota_a, "drempels/toevoegen/"),
        {
            "drempel": "betaalbaar",
            "description": "Materiaal en vervoer blijven te duur.",
            "doelgroepen": ["armoede", "gezinnen"],
            "gemeenten": [temse.pk],
        },
        follow=True,
    )
    assert "De drempel is bewaard." in response.text
    drempel = Drempelbeschrijving.objects.get(nota=nota_a)
    assert drempel.doelgroepen == ["armoede", "gezinnen"] and list(drempel.gemeenten.all()) == [temse]
    assert "mensen in armoede, gezinnen met kinderen" in response.text

    # The same B twice is not offered, and a municipality outside the network is refused.
    form = coordinator_client.get(url(nota_a, "drempels/toevoegen/")).text
    assert 'value="betaalbaar"' not in form
    response = coordinator_client.post(
        url(nota_a, "drempels/toevoegen/"),
        {"drempel": "betaalbaar", "description": "Nog eens.", "gemeenten": [gemeente("Riemst").pk]},
    )
    # Both errors, each in the summary at the top and at its field.
    assert response.text.count("Selecteer een geldige keuze") == 4
    assert Drempelbeschrijving.objects.count() == 1


def test_a_kansengroep_other_needs_a_name(coordinator_client, nota_a):
    response = coordinator_client.post(
        url(nota_a, "kansengroepen/toevoegen/"), {"doelgroep": "andere", "description": "Waarom."}
    )
    assert "Zeg welke groep u bedoelt." in response.text
    coordinator_client.post(
        url(nota_a, "kansengroepen/toevoegen/"),
        {"doelgroep": "andere", "name": "seizoensarbeiders", "description": "Werken in de oogst."},
    )
    assert str(Kansengroep.objects.get()) == "andere groep: seizoensarbeiders"


def test_hearings_of_people_in_poverty(coordinator_client, partner_client, nota_a):
    response = coordinator_client.post(
        url(nota_a, "bevragingen/toevoegen/"),
        {"method": "groepsgesprek", "period": "maart 2025", "participants": "0"},
    )
    assert "Zorg ervoor dat deze waarde minstens 1 is." in response.text
    coordinator_client.post(
        url(nota_a, "bevragingen/toevoegen/"),
        {"method": "groepsgesprek", "period": "maart 2025", "participants": "14", "description": "Twee avonden."},
    )
    Bevraging.objects.create(nota=nota_a, method="bevraging", period="april 2025", participants=30)
    page = partner_client.get(url(nota_a, "stem/"))
    assert "In totaal 44 mensen in armoede gehoord" in page.text
    assert "Twee avonden." in page.text
    assert "Bevraging toevoegen" not in page.text


def test_items_of_another_dossier_are_404(coordinator_client, nota_a, netwerk_b, ronde):
    from dossiers.models import Afsprakennota

    other = Afsprakennota.objects.create(netwerk=netwerk_b, ronde=ronde)
    item = SwotItem.objects.create(nota=other, kind="kans", text="Elders")
    for path in (f"swot/{item.pk}/bewerken/", f"swot/{item.pk}/verwijderen/"):
        assert coordinator_client.get(url(nota_a, path)).status_code == 404
    assert coordinator_client.post(url(nota_a, f"swot/{item.pk}/verwijderen/")).status_code == 404
    assert SwotItem.objects.filter(pk=item.pk).exists()


def test_editing_an_item_someone_changed_shows_the_conflict(coordinator_client, nota_a):
    item = SwotItem.objects.create(nota=nota_a, kind="kans", text="Eerste versie")
    stale = get_signer().sign(item.version)
    item.text = "Versie van een collega"
    item.save()
    response = coordinator_client.post(
        url(nota_a, f"swot/{item.pk}/bewerken/"), {"kind": "kans", "text": "Mijn versie", "version": stale}
    )
    assert response.status_code == 409
    assert "Mijn versie" in response.text and "Versie van een collega" in response.text


@pytest.mark.parametrize("path", ["swot/", "drempels/", "stem/", "vragen/intern/"])
def test_query_counts_do_not_grow(coordinator_client, nota_a, path, django_assert_max_num_queries):
    def add(n):
        for i in range(n):
            SwotItem.objects.create(nota=nota_a, kind="sterkte", text=f"Punt {i}")
            group = Kansengroep.objects.create(nota=nota_a, doelgroep="senioren", description=f"{i}")
            group.gemeenten.set([gemeente("Temse")])
            Bevraging.objects.create(nota=nota_a, method="bevraging", period="2025", participants=3)

    add(1)
    with django_assert_max_num_queries(40) as small:
        assert coordinator_client.get(url(nota_a, path)).status_code == 200
    add(20)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert coordinator_client.get(url(nota_a, path)).status_code == 200


def test_changes_to_the_analysis_show_in_the_dossier_history(coordinator_client, nota_a):
    coordinator_client.post(url(nota_a, "swot/toevoegen/"), {"kind": "kans", "text": "Nieuwe fusiegemeente"})
    coordinator_client.post(url(nota_a, "vragen/netwerk/"), {"spelers": "De bib.", "version": ""})
    html = coordinator_client.get(f"/dossiers/{nota_a.pk}/geschiedenis/").text
    words = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert "SWOT-punt: kans: Nieuwe fusiegemeente aangemaakt" in words
    assert "Kwalitatieve analyse: Netwerkanalyse aangemaakt" in words
