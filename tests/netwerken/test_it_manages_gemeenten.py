from netwerken.models import DeelnemendeGemeente
from tests.factories import PartnerFactory, gemeente


def url(netwerk, rest=""):
    return f"/netwerken/{netwerk.pk}/gemeenten/{rest}"


CONTACT = {
    "contact_name": "Griet Verstraete",
    "contact_function": "diensthoofd vrije tijd",
    "contact_email": "griet@example.org",
    "contact_phone": "03 778 30 00",
    "contact_address": "Grote Markt 1, 9100 Sint-Niklaas",
}


def test_coordinator_adds_a_municipality_by_nis_code(coordinator_client, netwerk_a):
    response = coordinator_client.post(url(netwerk_a, "toevoegen/"), {"gemeente": "46029", **CONTACT})
    assert response.status_code == 302
    deelnemer = netwerk_a.deelnemende_gemeenten.get(gemeente__name="Lokeren")
    assert deelnemer.contact_phone.as_e164 == "+3237783000"
    assert deelnemer.contact_complete


def test_adding_by_name_or_suggestion_works_too(coordinator_client, netwerk_a):
    coordinator_client.post(url(netwerk_a, "toevoegen/"), {"gemeente": "stekene"})
    coordinator_client.post(url(netwerk_a, "toevoegen/"), {"gemeente": "Deurne (district) (11002-05)"})
    names = set(netwerk_a.deelnemende_gemeenten.values_list("gemeente__name", flat=True))
    assert {"Stekene", "Deurne"} <= names


def test_unknown_nis_code_is_refused_in_dutch(coordinator_client, netwerk_a):
    response = coordinator_client.post(url(netwerk_a, "toevoegen/"), {"gemeente": "99999", **CONTACT})
    assert response.status_code == 200
    assert "“99999” is geen gekende Vlaamse gemeente, district of NIS-code." in response.text
    assert netwerk_a.deelnemende_gemeenten.count() == 2


def test_a_former_municipality_is_refused(coordinator_client, netwerk_a):
    response = coordinator_client.post(url(netwerk_a, "toevoegen/"), {"gemeente": "Moerbeke"})
    assert "“Moerbeke” is geen gekende" in response.text


def test_the_same_municipality_twice_is_refused(coordinator_client, netwerk_a):
    response = coordinator_client.post(url(netwerk_a, "toevoegen/"), {"gemeente": "Temse", **CONTACT})
    assert "Temse neemt al deel aan dit netwerk." in response.text
    assert netwerk_a.deelnemende_gemeenten.filter(gemeente__name="Temse").count() == 1


def test_invalid_email_and_phone_get_clear_messages(coordinator_client, netwerk_a):
    data = {**CONTACT, "gemeente": "Stekene", "contact_email": "griet@", "contact_phone": "12345"}
    response = coordinator_client.post(url(netwerk_a, "toevoegen/"), data)
    assert "Voer een geldig e-mailadres in." in response.text
    assert "Vul een geldig telefoonnummer in" in response.text
    assert not netwerk_a.deelnemende_gemeenten.filter(gemeente__name="Stekene").exists()
    # What the user typed is still there.
    assert 'value="Griet Verstraete"' in response.text


def test_bulk_add_is_all_or_nothing(coordinator_client, netwerk_a):
    response = coordinator_client.post(
        url(netwerk_a, "meerdere/"), {"gemeenten": "Stekene, 99999\nTemse\nLokeren"}
    )
    assert response.status_code == 200
    assert "“99999” is geen gekende" in response.text
    assert "Temse neemt al deel aan dit netwerk." in response.text
    assert netwerk_a.deelnemende_gemeenten.count() == 2

    response = coordinator_client.post(url(netwerk_a, "meerdere/"), {"gemeenten": "Stekene; 46029"})
    assert response.status_code == 302
    assert netwerk_a.deelnemende_gemeenten.count() == 4


def test_coordinator_edits_a_contact(coordinator_client, netwerk_a):
    deelnemer = netwerk_a.deelnemende_gemeenten.get(gemeente__name="Temse")
    response = coordinator_client.post(
        url(netwerk_a, f"{deelnemer.pk}/bewerken/"),
        {**CONTACT, "gemeente": "Temse (46025)", "contact_name": "Lies"},
    )
    assert response.status_code == 302
    deelnemer.refresh_from_db()
    assert deelnemer.contact_name == "Lies"


def test_removing_asks_for_confirmation(coordinator_client, netwerk_a):
    deelnemer = netwerk_a.deelnemende_gemeenten.get(gemeente__name="Temse")
    page = coordinator_client.get(url(netwerk_a, f"{deelnemer.pk}/verwijderen/"))
    assert "Temse uit het netwerk verwijderen?" in page.text
    assert DeelnemendeGemeente.objects.filter(pk=deelnemer.pk).exists()
    coordinator_client.post(url(netwerk_a, f"{deelnemer.pk}/verwijderen/"))
    assert not DeelnemendeGemeente.objects.filter(pk=deelnemer.pk).exists()


def test_removing_is_blocked_while_partners_work_for_it(coordinator_client, netwerk_a):
    PartnerFactory(netwerk=netwerk_a, name="OCMW Temse", gemeente=gemeente("Temse"))
    deelnemer = netwerk_a.deelnemende_gemeenten.get(gemeente__name="Temse")
    response = coordinator_client.post(url(netwerk_a, f"{deelnemer.pk}/verwijderen/"))
    assert response.status_code == 409
    assert "OCMW Temse" in response.text
    assert DeelnemendeGemeente.objects.filter(pk=deelnemer.pk).exists()


def test_another_networks_municipality_is_404(coordinator_client, netwerk_a, netwerk_b):
    other = netwerk_b.deelnemende_gemeenten.first()
    assert coordinator_client.get(url(netwerk_a, f"{other.pk}/bewerken/")).status_code == 404
