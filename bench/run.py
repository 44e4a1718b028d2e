"""Benchmarks: `make bench` prints one JSON document.

- per dossier page: the number of database queries and the median response time, for the small
  demo dossier and the large reference dossier (25 municipalities, 80 partners, 150 actions);
- the PDF of the large dossier: pages, seconds to render, seconds building the HTML, seconds to
  serve the already rendered file, and peak memory.

It uses its own fresh database (a SQLite file in the temporary directory unless BENCH_DATABASE_URL
says otherwise), so it never touches real data.
"""

import json
import os
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DB = Path(tempfile.gettempdir()) / "afsprakennota-bench.sqlite3"
if DB.exists():
    DB.unlink()
os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{DB}")
os.environ.setdefault("SECRET_KEY", "benchmark-only")
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
os.environ["TASKS_BACKEND"] = "django.tasks.backends.immediate.ImmediateBackend"
os.environ.setdefault("MEDIA_ROOT", tempfile.mkdtemp(prefix="bench-media-"))

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402

REPEAT = int(os.environ.get("BENCH_REPEAT", "5"))

# Every page of a dossier, by URL name; the pages under a section come with their apps.
PAGES = [
    "dossier_overview",
    "dossier_omgevingsanalyse",
    "analyse_cijfers",
    "analyse_netwerkbeeld",
    "dossier_visie",
    "dossier_doelstellingen",
    "doelen_plan",
    "doelen_load",
    "dossier_partners",
    "dossier_begroting",
    "dossier_gemeenten",
    "dossier_history",
    "dossier_comments",
    "dossier_versions",
]


def measure(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    count = len(queries)  # read now: the next request clears the connection's query log
    assert response.status_code == 200, (url, response.status_code)
    times = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        client.get(url)
        times.append(time.perf_counter() - start)
    return {"queries": count, "median_ms": round(statistics.median(times) * 1000, 1)}


def main():
    setup_test_environment()
    settings.STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
    call_command("migrate", verbosity=0)
    call_command("seed_demo", large=True, verbosity=0, stdout=open(os.devnull, "w"))
    from dossiers.demo import reference_dossiers

    small, large = reference_dossiers()
    from netwerken.models import User

    client = Client()
    client.force_login(User.objects.get(email="admin@example.org"))
    pages = {}
    for name in PAGES:
        pages[name] = {
            size: measure(client, reverse(name, args=[nota.pk]))
            for size, nota in (("small", small), ("large", large))
        }

    from dossiers.exports import pdf_export_request
    from dossiers.pdf import render_pdf
    from dossiers.snapshot import build_snapshot

    document = build_snapshot(large)
    tracemalloc.start()
    start = time.perf_counter()
    pdf, pages_count, html_seconds, layout_seconds, _fetcher = render_pdf(document, draft=True)
    total = time.perf_counter() - start
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    export = pdf_export_request(nota=large)
    if export.state != "done":  # the immediate backend runs on commit; outside a request, run it
        from dossiers.exports import pdf_export_render

        export = pdf_export_render(export_id=export.pk)
    url = reverse("pdf_download", args=[large.pk, export.pk])
    serve = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        response = client.get(url)
        b"".join(response.streaming_content)
        serve.append(time.perf_counter() - start)

    print(
        json.dumps(
            {
                "database": connection.vendor,
                "repeat": REPEAT,
                "reference": {
                    "small": _size(small),
                    "large": _size(large),
                },
                "pages": pages,
                "pdf_large": {
                    "pages": pages_count,
                    "bytes": len(pdf),
                    "seconds_total": round(total, 2),
                    "seconds_html": round(html_seconds, 3),
                    "seconds_weasyprint": round(layout_seconds, 2),
                    "seconds_per_page": round(layout_seconds / max(pages_count, 1), 3),
                    "serve_rendered_ms_median": round(statistics.median(serve) * 1000, 1),
                    "peak_python_memory_mb": round(peak / 1e6, 1),
                    "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
                },
            },
            indent=2,
        )
    )


def _size(nota):
    from dossiers.models import Actie

    return {
        "municipalities": nota.netwerk.deelnemende_gemeenten.count(),
        "partners": nota.netwerk.partners.count(),
        "actions": Actie.objects.filter(nota=nota).count(),
    }


if __name__ == "__main__":
    main()
