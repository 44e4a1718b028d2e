"""The dossier's analysis moved from the analyses app to dossiers (analyses 0007, dossiers 0016).

Going back to before the move and forward again keeps every row of every moved table, history
included, and leaves the content types (and so permissions and the admin log) on dossiers.
"""

from io import StringIO

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection

from tests.factories import ensure_gemeenten, ensure_indicators, ensure_rondes

BEFORE = [("dossiers", "0015_samenwerkingsafspraken"), ("analyses", "0006_bounds_on_text")]
MODELS = [
    "bevraging",
    "drempelbeschrijving",
    "gekozenindicator",
    "kansengroep",
    "kwalitatieveanalyse",
    "swotitem",
]
HISTORY = [f"historical{m}" for m in MODELS]
M2M = ["drempelbeschrijving_gemeenten", "kansengroep_gemeenten"]
M2M_HISTORY = ["historicaldrempelbeschrijving_gemeenten", "historicalkansengroep_gemeenten"]


def _tables(after_move: bool) -> list[str]:
    tables = [f"analyses_{name}" for name in [*MODELS, *HISTORY, *M2M]]
    prefix = "dossiers_" if after_move else "analyses_"
    return tables + [prefix + name for name in M2M_HISTORY]


def _rows(after_move: bool) -> dict:
    """Every moved table's row count (tables named as before or after the move), a few values."""
    with connection.cursor() as cursor:
        counts = {}
        for table in _tables(after_move):
            cursor.execute(f"SELECT count(*) FROM {table}")  # noqa: S608 (our own table names)
            counts[table.split("_", 1)[1]] = cursor.fetchone()[0]
        cursor.execute("SELECT id, nota_id, kind, text, version FROM analyses_swotitem ORDER BY id")
        swot = cursor.fetchall()
        cursor.execute("SELECT id, indicator_id, interpretation FROM analyses_gekozenindicator ORDER BY id")
        keuzes = cursor.fetchall()
        cursor.execute("SELECT id, answers::text FROM analyses_kwalitatieveanalyse ORDER BY id")
        answers = cursor.fetchall()
    return {"counts": counts, "swot": swot, "keuzes": keuzes, "answers": answers}


def _content_types() -> dict:
    ContentType.objects.clear_cache()
    names = [*MODELS, *HISTORY, *M2M_HISTORY]
    return dict(ContentType.objects.filter(model__in=names).values_list("model", "app_label"))


@pytest.mark.django_db(transaction=True)
def test_moving_the_analysis_back_and_forth_keeps_every_row():
    ensure_gemeenten()
    ensure_rondes()
    ensure_indicators()
    call_command("seed_demo", "--large", stdout=StringIO())
    before = _rows(after_move=True)
    assert all(before["counts"][name] > 0 for name in ["swotitem", "historicalswotitem", "gekozenindicator"])
    assert before["counts"]["historicaldrempelbeschrijving_gemeenten"] > 0
    type_ids = dict(ContentType.objects.filter(app_label="dossiers", model__in=MODELS).values_list("model", "pk"))
    assert set(type_ids) == set(MODELS)

    for app, name in BEFORE:
        call_command("migrate", app, name, verbosity=0)
    assert _rows(after_move=False) == before
    assert set(_content_types().values()) == {"analyses"}

    call_command("migrate", verbosity=0)
    assert _rows(after_move=True) == before
    assert set(_content_types().values()) == {"dossiers"}
    again = dict(ContentType.objects.filter(app_label="dossiers", model__in=MODELS).values_list("model", "pk"))
    assert again == type_ids  # the same rows, renamed: what pointed at them still does
    assert Permission.objects.get(codename="change_swotitem").content_type.app_label == "dossiers"
