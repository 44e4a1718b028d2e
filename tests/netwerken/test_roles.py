from netwerken.models import RoleAssignment


def test_coordinator_assigns_roles(coordinator_client, netwerk_a, partner_org_a):
    response = coordinator_client.post(
        f"/netwerken/{netwerk_a.pk}/rollen/",
        {"role": "visiebewaker", "person_name": "Marc", "partner": partner_org_a.pk},
    )
    assert response.status_code == 302
    assert RoleAssignment.objects.get().partner == partner_org_a
    page = coordinator_client.get(f"/netwerken/{netwerk_a.pk}/")
    assert "Visiebewaker" in page.text and "Marc" in page.text


def test_same_person_same_role_is_refused(coordinator_client, netwerk_a):
    RoleAssignment.objects.create(netwerk=netwerk_a, role="operator", person_name="An")
    response = coordinator_client.post(
        f"/netwerken/{netwerk_a.pk}/rollen/", {"role": "operator", "person_name": "an ", "partner": ""}
    )
    assert "Deze persoon heeft deze rol al." in response.text
    assert RoleAssignment.objects.count() == 1


def test_all_roles_on_one_person_is_flagged(coordinator_client, netwerk_a):
    for role in ["operator", "promotor", "visiebewaker"]:
        RoleAssignment.objects.create(netwerk=netwerk_a, role=role, person_name="An")
    page = coordinator_client.get(f"/netwerken/{netwerk_a.pk}/rollen/")
    assert "Alle rollen liggen bij één persoon." in page.text


def test_removing_a_role(coordinator_client, netwerk_a):
    role = RoleAssignment.objects.create(netwerk=netwerk_a, role="operator", person_name="An")
    coordinator_client.post(f"/netwerken/{netwerk_a.pk}/rollen/{role.pk}/verwijderen/")
    assert not RoleAssignment.objects.exists()
