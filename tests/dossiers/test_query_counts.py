"""No dossier page runs more queries for a large dossier than for a small one.

Every GET page under /dossiers/<pk>/ that needs only the dossier's id is measured on the demo
dossier and on the large reference dossier (25 municipalities, 80 partners, ...).
"""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from dossiers.demo import reference_dossiers
from netwerken.models import User

# Pages that take more than the dossier id, or that are not plain pages, are measured elsewhere.
SKIP = {"dossier_start", "dossier_copy", "word_download", "json_download", "pdf_request", "dossier_begroting_cel",
        # only an approved dossier has a follow-up; its query counts: tests/dossiers/test_opvolging.py
        "opvolging",
        # the same; tests/dossiers/test_voortgang.py
        "opvolging_voortgang"}


def dossier_pages():
    def walk(patterns, prefix=""):
        for p in patterns:
            if isinstance(p, URLResolver):
                if p.namespace != "admin":
                    yield from walk(p.url_patterns, prefix + str(p.pattern))
            elif isinstance(p, URLPattern) and p.name and p.name not in SKIP:
                route = prefix + str(p.pattern)
                if route.startswith("dossiers/<int:pk>/") and route.count("<") == 1:
                    yield p.name

    return sorted(set(walk(get_resolver().url_patterns)))


@pytest.fixture
def dossiers(db):
    from tests.factories import ensure_gemeenten, ensure_rondes

    ensure_gemeenten()
    ensure_rondes()
    call_command("seed_demo", large=True, stdout=open("/dev/null", "w"))
    return reference_dossiers()


def test_the_pages_are_found():
    pages = dossier_pages()
    assert {"dossier_overview", "dossier_visie", "dossier_partners", "dossier_history"} <= set(pages)


def test_query_counts_do_not_grow_with_the_dossier(dossiers, client):
    small, large = dossiers
    client.force_login(User.objects.get(email="admin@example.org"))
    for name in dossier_pages():
        counts = []
        for nota in (small, large):
            with CaptureQueriesContext(connection) as queries:
                response = client.get(reverse(name, args=[nota.pk]))
            assert response.status_code == 200, name
            counts.append(len(queries))
        assert counts[1] <= counts[0], f"{name}: {counts[0]} queries small, {counts[1]} large"
