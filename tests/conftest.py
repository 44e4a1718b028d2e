"""Personas and shared fixtures.

The personas: the coordinator and a partner of network A, the coordinator of network B (an
outsider to A), a publiq reviewer, an administrator, and an anonymous visitor.
"""

import os

import pytest
from django.test import Client

from .factories import (
    DeelnemendeGemeenteFactory,
    MembershipFactory,
    NetwerkFactory,
    PartnerFactory,
    UserFactory,
    ensure_gemeenten,
    gemeente,
)

# Live-server tests run the ORM from Playwright's event loop thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """On SQLite the test database is a file, not memory, so that a worker process started by a
    test (tests/dossiers/test_pdf_worker.py) sees the same data."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database.setdefault("TEST", {})["NAME"] = str(tmp_path_factory.mktemp("db") / "test.sqlite3")


@pytest.fixture(scope="session", autouse=True)
def _plain_static_files():
    """Static files without the manifest for the whole run, not per test: the live server's
    thread outlives a test, and a late request of a page (a favicon) must not find the
    production storage put back between two tests."""
    from django.conf import settings
    from django.test.utils import override_settings

    plain = override_settings(
        STORAGES={
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
    )
    plain.enable()
    yield
    plain.disable()


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path_factory, _plain_static_files):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path_factory.mktemp("media"))},
        },
    }
    # Tasks run at once in tests; tests/dossiers/test_pdf_worker.py runs the real worker.
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def netwerk_a(db):
    ensure_gemeenten()
    netwerk = NetwerkFactory(name="Netwerk Waasland", igs_name="IGS Cultuur Waasland")
    DeelnemendeGemeenteFactory(netwerk=netwerk, gemeente=gemeente("Sint-Niklaas"))
    DeelnemendeGemeenteFactory(netwerk=netwerk, gemeente=gemeente("Temse"))
    return netwerk


@pytest.fixture
def partner_org_a(netwerk_a):
    return PartnerFactory(
        netwerk=netwerk_a, name="OCMW Temse", kind="ocmw", gemeente=gemeente("Temse")
    )


@pytest.fixture
def netwerk_b(db):
    ensure_gemeenten()
    netwerk = NetwerkFactory(name="Netwerk Haspengouw", referentieregio="Haspengouw")
    DeelnemendeGemeenteFactory(netwerk=netwerk, gemeente=gemeente("Riemst"))
    return netwerk


@pytest.fixture
def ronde(db):
    """The first submission round (2027-2032), seeded by a data migration."""
    from dossiers.models import Indienronde

    from .factories import ensure_rondes

    ensure_rondes()
    return Indienronde.objects.get(first_year=2027)


@pytest.fixture
def nota_a(netwerk_a, ronde):
    """The afsprakennota of network A for the 2027-2032 round."""
    from dossiers.models import Afsprakennota

    return Afsprakennota.objects.create(netwerk=netwerk_a, ronde=ronde)


@pytest.fixture
def coordinator_a(netwerk_a):
    user = UserFactory(email="coordinator.a@example.org", first_name="An", last_name="Coördinator")
    MembershipFactory(user=user, netwerk=netwerk_a, role="coordinator")
    return user


@pytest.fixture
def partner_a(netwerk_a, partner_org_a):
    user = UserFactory(email="partner.a@example.org", first_name="Paul", last_name="Partner")
    MembershipFactory(user=user, netwerk=netwerk_a, role="partner", partner=partner_org_a)
    return user


@pytest.fixture
def coordinator_b(netwerk_b):
    user = UserFactory(email="coordinator.b@example.org", first_name="Bert", last_name="Buiten")
    MembershipFactory(user=user, netwerk=netwerk_b, role="coordinator")
    return user


@pytest.fixture
def reviewer(db):
    return UserFactory(email="reviewer@example.org", first_name="Rita", is_reviewer=True)


@pytest.fixture
def admin_user(db):
    return UserFactory(email="admin@example.org", is_staff=True, is_superuser=True)


def _client(user=None):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def client_for():
    return _client


@pytest.fixture
def coordinator_client(coordinator_a):
    return _client(coordinator_a)


@pytest.fixture
def partner_client(partner_a):
    return _client(partner_a)


@pytest.fixture
def outsider_client(coordinator_b):
    return _client(coordinator_b)


@pytest.fixture
def reviewer_client(reviewer):
    return _client(reviewer)


@pytest.fixture
def anonymous_client():
    return _client()
