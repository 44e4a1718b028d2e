from dossiers.models import Afsprakennota, Visie


def test_coordinator_starts_a_dossier_once(coordinator_client, netwerk_a, ronde):
    response = coordinator_client.post(f"/netwerken/{netwerk_a.pk}/dossiers/nieuw/", {"ronde": ronde.pk})
    nota = Afsprakennota.objects.get(netwerk=netwerk_a, ronde=ronde)
    assert response.url == f"/dossiers/{nota.pk}/"
    again = coordinator_client.post(f"/netwerken/{netwerk_a.pk}/dossiers/nieuw/", {"ronde": ronde.pk})
    assert again.url == f"/dossiers/{nota.pk}/"
    assert Afsprakennota.objects.filter(netwerk=netwerk_a).count() == 1


def test_unknown_round_is_404(coordinator_client, netwerk_a, db):
    response = coordinator_client.post(f"/netwerken/{netwerk_a.pk}/dossiers/nieuw/", {"ronde": 999})
    assert response.status_code == 404


def test_overview_lists_sections_in_the_decrees_order(coordinator_client, nota_a):
    page = coordinator_client.get(f"/dossiers/{nota_a.pk}/")
    text = page.text
    order = [
        "1. Omgevingsanalyse",
        "2. Visie",
        "3-4. Doelstellingen en acties",
        "5. Partners en betrokkenheid",
        "6. Meerjarenbegroting",
        "7. Deelnemende gemeenten",
    ]
    positions = [text.index(label) for label in order]
    assert positions == sorted(positions)
    assert "verplichte onderdelen ontbreken nog" in text


def test_section_status_follows_the_checks(coordinator_client, nota_a):
    visie_status = lambda: next(  # noqa: E731
        s for s in coordinator_client.get(f"/dossiers/{nota_a.pk}/").context["sections"] if s.section == "visie"
    )
    assert not visie_status().complete
    Visie.objects.create(nota=nota_a, text="<p>Visie</p>", vorm="deelnemen", vorm_motivation="Omdat.")
    assert visie_status().complete


def test_network_page_offers_to_start_or_open(coordinator_client, partner_client, netwerk_a, ronde, nota_a):
    page = coordinator_client.get(f"/netwerken/{netwerk_a.pk}/")
    assert "Afsprakennota openen" in page.text
    assert "Afsprakennota starten" in page.text  # the 2029 round
    assert "Afsprakennota starten" not in partner_client.get(f"/netwerken/{netwerk_a.pk}/").text
