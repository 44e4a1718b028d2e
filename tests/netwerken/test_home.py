import pytest
from django.urls import reverse

from netwerken.models import Netwerk
from tests.factories import MembershipFactory, NetwerkFactory


def test_home_lists_only_my_networks(coordinator_client, netwerk_a, netwerk_b):
    response = coordinator_client.get("/")
    assert response.status_code == 200
    assert "Netwerk Waasland" in response.text
    assert "Netwerk Haspengouw" not in response.text


def test_reviewer_sees_every_network(reviewer_client, netwerk_a, netwerk_b):
    response = reviewer_client.get("/")
    assert "Netwerk Waasland" in response.text
    assert "Netwerk Haspengouw" in response.text


def test_home_is_in_dutch_and_shows_an_empty_state(client_for, db):
    from tests.factories import UserFactory

    response = client_for(UserFactory()).get("/")
    assert "Mijn netwerken" in response.text
    assert "nog in geen enkel netwerk" in response.text


def test_home_is_paginated(client_for, reviewer, db):
    NetwerkFactory.create_batch(30)
    response = client_for(reviewer).get("/")
    assert response.context["page"].paginator.num_pages == 2
    assert "Pagina 1 van 2" in response.text


def test_home_needs_login(anonymous_client, db):
    assert anonymous_client.get("/").url == "/account/login/?next=/"


def test_home_query_count_does_not_grow_with_networks(
    client_for, reviewer, django_assert_max_num_queries
):
    client = client_for(reviewer)
    NetwerkFactory.create_batch(3)
    with django_assert_max_num_queries(8) as small:
        assert client.get("/").status_code == 200
    NetwerkFactory.create_batch(20)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get("/").status_code == 200


class TestCreateNetwork:
    def test_administrator_creates_a_network(self, admin_user, client_for):
        response = client_for(admin_user).post(
            "/netwerken/nieuw/",
            {"name": "Netwerk Meetjesland", "igs_name": "IGS Meetjesland", "referentieregio": "Meetjesland"},
        )
        netwerk = Netwerk.objects.get(name="Netwerk Meetjesland")
        assert response.url == f"/netwerken/{netwerk.pk}/leden/"

    def test_others_may_not(self, coordinator_client, reviewer_client):
        for client in (coordinator_client, reviewer_client):
            assert client.get("/netwerken/nieuw/").status_code == 403
            client.post("/netwerken/nieuw/", {"name": "X", "igs_name": "Y", "referentieregio": "Z"})
        assert not Netwerk.objects.filter(name="X").exists()

    def test_missing_fields_are_named(self, admin_user, client_for):
        response = client_for(admin_user).post("/netwerken/nieuw/", {"name": ""})
        assert response.status_code == 200
        assert "Dit veld is verplicht." in response.text
        assert Netwerk.objects.count() == 0


@pytest.mark.parametrize("method", ["put", "delete"])
def test_home_refuses_other_methods(coordinator_client, method):
    assert getattr(coordinator_client, method)("/").status_code == 405


def test_memberships_of_other_networks_do_not_leak(client_for, netwerk_a, netwerk_b):
    membership = MembershipFactory(netwerk=netwerk_b, role="partner")
    response = client_for(membership.user).get(f"/netwerken/{netwerk_a.pk}/")
    assert response.status_code == 404


@pytest.mark.parametrize(
    "persona, review, administration, new_network",
    [
        ("coordinator_a", False, False, False),
        ("reviewer", True, False, False),
        ("admin_user", True, True, True),
    ],
)
def test_menu_follows_the_overall_abilities(
    persona, review, administration, new_network, request, client_for, db
):
    html = client_for(request.getfixturevalue(persona)).get(reverse("home")).text
    assert (reverse("review_list") in html) is review
    assert (reverse("admin:index") in html) is administration
    assert (reverse("netwerk_create") in html) is new_network
