from django.core.management import call_command
from django.test import Client

from netwerken.models import DeelnemendeGemeente, Membership, Netwerk, Partner, User


def test_seed_demo_twice_duplicates_nothing(db):
    call_command("seed_demo")
    counts = [m.objects.count() for m in (Netwerk, Partner, DeelnemendeGemeente, Membership, User)]
    call_command("seed_demo")
    assert [m.objects.count() for m in (Netwerk, Partner, DeelnemendeGemeente, Membership, User)] == counts
    assert counts[0] == 2


def test_demo_logins_work(db):
    call_command("seed_demo")
    for email in ["coordinator@example.org", "partner@example.org", "reviewer@example.org", "admin@example.org"]:
        client = Client()
        response = client.post("/account/login/", {"username": email, "password": "demo-wachtwoord"})
        assert response.status_code == 302, email
    assert User.objects.get(email="reviewer@example.org").is_reviewer
    assert User.objects.get(email="admin@example.org").is_superuser
