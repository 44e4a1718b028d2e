from netwerken.models import Membership


def test_members_page_lists_members(partner_client, netwerk_a, coordinator_a, partner_a):
    page = partner_client.get(f"/netwerken/{netwerk_a.pk}/leden/")
    assert "An Coördinator" in page.text
    assert "Paul Partner" in page.text
    # A partner sees no invitation form.
    assert "Iemand uitnodigen" not in page.text


def test_coordinator_changes_a_role(coordinator_client, netwerk_a, partner_a):
    membership = Membership.objects.get(user=partner_a)
    response = coordinator_client.post(
        f"/netwerken/{netwerk_a.pk}/leden/{membership.pk}/bewerken/", {"role": "coordinator", "partner": ""}
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.role == "coordinator"


def test_the_last_coordinator_stays(coordinator_client, netwerk_a, coordinator_a):
    membership = Membership.objects.get(user=coordinator_a)
    base = f"/netwerken/{netwerk_a.pk}/leden/{membership.pk}/"
    response = coordinator_client.post(base + "bewerken/", {"role": "partner", "partner": ""})
    assert "Een netwerk heeft minstens één coördinator nodig." in response.text
    response = coordinator_client.post(base + "verwijderen/")
    assert response.status_code == 409
    membership.refresh_from_db()
    assert membership.role == "coordinator"


def test_removing_a_member_asks_first(coordinator_client, netwerk_a, partner_a):
    membership = Membership.objects.get(user=partner_a)
    url = f"/netwerken/{netwerk_a.pk}/leden/{membership.pk}/verwijderen/"
    assert "Paul Partner uit het netwerk verwijderen?" in coordinator_client.get(url).text
    coordinator_client.post(url)
    assert not Membership.objects.filter(pk=membership.pk).exists()
