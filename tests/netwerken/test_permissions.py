"""Every URL, every persona: who sees what (200/302), who may not write (403), who may not know (404).

`test_every_url_is_in_the_table` makes sure a new URL cannot be added without a row here.
"""

import pytest

from netwerken.models import Invitation, Membership, RoleAssignment

READ = "read"  # any member or reviewer may open it
WRITE = "write"  # only coordinators (and administrators)


def _rows(netwerk, partner, membership, invitation, role):
    n = netwerk.pk
    d = netwerk.deelnemende_gemeenten.first().pk
    return [
        # (url name, url, methods, kind)
        ("netwerk_detail", f"/netwerken/{n}/", ["get"], READ),
        ("netwerk_edit", f"/netwerken/{n}/bewerken/", ["get", "post"], WRITE),
        ("gemeente_add", f"/netwerken/{n}/gemeenten/toevoegen/", ["get", "post"], WRITE),
        ("gemeenten_bulk_add", f"/netwerken/{n}/gemeenten/meerdere/", ["post"], WRITE),
        ("gemeente_edit", f"/netwerken/{n}/gemeenten/{d}/bewerken/", ["get", "post"], WRITE),
        ("gemeente_remove", f"/netwerken/{n}/gemeenten/{d}/verwijderen/", ["get", "post"], WRITE),
        ("partner_add", f"/netwerken/{n}/partners/toevoegen/", ["get", "post"], WRITE),
        ("partner_edit", f"/netwerken/{n}/partners/{partner.pk}/bewerken/", ["get", "post"], WRITE),
        (
            "partner_remove",
            f"/netwerken/{n}/partners/{partner.pk}/verwijderen/",
            ["get", "post"],
            WRITE,
        ),
        ("members", f"/netwerken/{n}/leden/", ["get"], READ),
        ("members", f"/netwerken/{n}/leden/", ["post"], WRITE),
        (
            "membership_edit",
            f"/netwerken/{n}/leden/{membership.pk}/bewerken/",
            ["get", "post"],
            WRITE,
        ),
        (
            "membership_remove",
            f"/netwerken/{n}/leden/{membership.pk}/verwijderen/",
            ["get", "post"],
            WRITE,
        ),
        (
            "invitation_revoke",
            f"/netwerken/{n}/uitnodigingen/{invitation.pk}/intrekken/",
            ["post"],
            WRITE,
        ),
        ("roles", f"/netwerken/{n}/rollen/", ["get"], READ),
        ("roles", f"/netwerken/{n}/rollen/", ["post"], WRITE),
        ("role_remove", f"/netwerken/{n}/rollen/{role.pk}/verwijderen/", ["post"], WRITE),
    ]


# The URL names this file covers, for tests/test_url_coverage.py.
COVERED = {
    "netwerk_detail", "netwerk_edit", "gemeente_add", "gemeenten_bulk_add", "gemeente_edit",
    "gemeente_remove", "partner_add", "partner_edit", "partner_remove", "members",
    "membership_edit", "membership_remove", "invitation_revoke", "roles", "role_remove",
}

# URLs outside this table, and where they are tested.
ELSEWHERE = {
    "home": "test_home.py",
    "netwerk_create": "test_home.py",
    "invitation_accept": "test_invitations.py",
    "login": "test_login.py",
}


@pytest.fixture
def objects(netwerk_a, partner_org_a, partner_a, coordinator_a):
    membership = Membership.objects.get(user=partner_a)
    invitation, _token = Invitation.issue(
        netwerk=netwerk_a, email="nieuw@example.org", role="partner", invited_by=coordinator_a
    )
    role = RoleAssignment.objects.create(netwerk=netwerk_a, role="operator", person_name="An")
    return _rows(netwerk_a, partner_org_a, membership, invitation, role)


def _request(client, method, url):
    return getattr(client, method)(url, {})


def test_anonymous_is_sent_to_login(objects, anonymous_client):
    for name, url, methods, _kind in objects:
        for method in methods:
            response = _request(anonymous_client, method, url)
            assert response.status_code == 302, (name, method)
            assert response.url.startswith("/account/login/"), (name, method)


def test_outsider_gets_404_everywhere(objects, outsider_client):
    for name, url, methods, _kind in objects:
        for method in methods:
            assert _request(outsider_client, method, url).status_code == 404, (name, method)


@pytest.mark.parametrize("persona", ["partner_client", "reviewer_client"])
def test_readers_read_but_may_not_write(objects, persona, request):
    client = request.getfixturevalue(persona)
    for name, url, methods, kind in objects:
        for method in methods:
            status = _request(client, method, url).status_code
            expected = 200 if kind == READ else 403
            assert status == expected, (persona, name, method, status)


def test_coordinator_may_do_everything(objects, coordinator_client):
    for name, url, methods, _kind in objects:
        if "get" in methods:
            assert coordinator_client.get(url).status_code == 200, name


def test_administrator_may_do_everything(objects, admin_user, client_for):
    client = client_for(admin_user)
    for name, url, methods, _kind in objects:
        if "get" in methods:
            assert client.get(url).status_code == 200, name


def test_wrong_method_is_refused(objects, coordinator_client):
    readable = {url for _name, url, methods, _kind in objects if "get" in methods}
    for name, url, _methods, _kind in objects:
        if url not in readable:
            assert coordinator_client.get(url).status_code == 405, name
        assert coordinator_client.put(url).status_code == 405, name
