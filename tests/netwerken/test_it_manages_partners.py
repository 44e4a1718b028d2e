from netwerken.models import Partner
from tests.factories import gemeente

PARTNER = {
    "name": "Vereniging De Klink",
    "kind": "vereniging_armen",
    "gemeente": "",
    "level": "kernpartner",
    "contact_name": "Marc",
    "contact_email": "marc@example.org",
    "contact_phone": "0470 12 34 56",
    "involvement": "Brengt de stem van mensen in armoede in.",
    "future_involvement": "Trekt de klankbordgroep.",
}


def test_coordinator_adds_a_regional_partner(coordinator_client, netwerk_a):
    response = coordinator_client.post(f"/netwerken/{netwerk_a.pk}/partners/toevoegen/", PARTNER)
    assert response.status_code == 302
    partner = netwerk_a.partners.get(name="Vereniging De Klink")
    assert partner.is_regional
    assert partner.contact_phone.as_e164 == "+32470123456"


def test_partner_can_work_for_a_participating_municipality(coordinator_client, netwerk_a):
    temse = gemeente("Temse")
    coordinator_client.post(
        f"/netwerken/{netwerk_a.pk}/partners/toevoegen/", {**PARTNER, "gemeente": temse.pk}
    )
    assert netwerk_a.partners.get().gemeente == temse


def test_a_municipality_outside_the_network_is_refused(coordinator_client, netwerk_a):
    riemst = gemeente("Riemst")
    response = coordinator_client.post(
        f"/netwerken/{netwerk_a.pk}/partners/toevoegen/", {**PARTNER, "gemeente": riemst.pk}
    )
    assert "Selecteer een geldige keuze" in response.text
    assert not netwerk_a.partners.exists()


def test_bad_contact_details_are_refused(coordinator_client, netwerk_a):
    response = coordinator_client.post(
        f"/netwerken/{netwerk_a.pk}/partners/toevoegen/",
        {**PARTNER, "contact_email": "geen-adres", "contact_phone": "+33 1 23"},
    )
    assert "Voer een geldig e-mailadres in." in response.text
    assert "Vul een geldig telefoonnummer in" in response.text
    assert "Brengt de stem van mensen in armoede in." in response.text
    assert not netwerk_a.partners.exists()


def test_the_same_partner_twice_is_refused(coordinator_client, netwerk_a):
    coordinator_client.post(f"/netwerken/{netwerk_a.pk}/partners/toevoegen/", PARTNER)
    response = coordinator_client.post(
        f"/netwerken/{netwerk_a.pk}/partners/toevoegen/", {**PARTNER, "name": "vereniging de klink"}
    )
    assert "Dit netwerk heeft hier al een partner met deze naam." in response.text
    assert netwerk_a.partners.count() == 1


def test_editing_and_removing_with_confirmation(coordinator_client, netwerk_a, partner_org_a):
    base = f"/netwerken/{netwerk_a.pk}/partners/{partner_org_a.pk}/"
    data = {**PARTNER, "name": "OCMW Temse", "kind": "ocmw", "level": "klankbord"}
    assert coordinator_client.post(base + "bewerken/", data).status_code == 302
    partner_org_a.refresh_from_db()
    assert partner_org_a.level == "klankbord"

    confirm = coordinator_client.get(base + "verwijderen/")
    assert "OCMW Temse uit het netwerk verwijderen?" in confirm.text
    assert Partner.objects.filter(pk=partner_org_a.pk).exists()
    coordinator_client.post(base + "verwijderen/")
    assert not Partner.objects.filter(pk=partner_org_a.pk).exists()


def test_network_page_warns_without_a_poverty_organisation(coordinator_client, netwerk_a):
    page = coordinator_client.get(f"/netwerken/{netwerk_a.pk}/")
    assert "vereniging waar armen het woord nemen" in page.text.lower()
    coordinator_client.post(f"/netwerken/{netwerk_a.pk}/partners/toevoegen/", PARTNER)
    page = coordinator_client.get(f"/netwerken/{netwerk_a.pk}/")
    assert "Aandachtspunten" not in page.text


def test_network_page_query_count_does_not_grow(
    coordinator_client, netwerk_a, django_assert_max_num_queries
):
    from tests.factories import PartnerFactory

    PartnerFactory.create_batch(2, netwerk=netwerk_a)
    with django_assert_max_num_queries(20) as small:
        assert coordinator_client.get(f"/netwerken/{netwerk_a.pk}/").status_code == 200
    PartnerFactory.create_batch(30, netwerk=netwerk_a)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert coordinator_client.get(f"/netwerken/{netwerk_a.pk}/").status_code == 200
