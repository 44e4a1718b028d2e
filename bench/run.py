"""Benchmarks: `make bench` prints one JSON document. bench/README.md says how to read it.

Three runs, so that no measurement disturbs another:
1. times (this process, nothing traced): every dossier page of the small demo dossier and the
   large reference dossier, each request paired with a request for the floor (bench/urls.py) so
   that the ratio page / floor holds on a busy machine; then the PDF of the large dossier and, in
   the same run, the same HTML with a plain stylesheet rendered by WeasyPrint;
2. memory of the pages (a child process: peak RSS, and tracemalloc's peak per page);
3. the PDF export (another child process: its peak RSS, then the time to download the file).

It uses its own fresh database (a SQLite file in the temporary directory unless BENCH_DATABASE_URL
says otherwise), so it never touches real data.
"""

import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DB = Path(tempfile.gettempdir()) / f"afsprakennota-bench-{os.getuid()}.sqlite3"
CHILD = len(sys.argv) > 2 and sys.argv[1] == "--memory"
if not CHILD and DB.exists():
    DB.unlink()
os.environ["DATABASE_URL"] = os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{DB}")
os.environ.setdefault("SECRET_KEY", "benchmark-only")
os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
os.environ["DEBUG"] = "false"  # DEBUG keeps every query in memory
os.environ["TASKS_BACKEND"] = "django.tasks.backends.immediate.ImmediateBackend"
os.environ.setdefault("MEDIA_ROOT", tempfile.mkdtemp(prefix="bench-media-"))
os.environ.setdefault("EXPORT_TIME_LIMIT_SECONDS", "3600")  # measure, however busy the machine

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import clear_url_caches, reverse  # noqa: E402

REPEAT = int(os.environ.get("BENCH_REPEAT", "25"))
LIMIT = 3  # the most a dossier page may cost, in floors (issue 12)

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

# The plain baseline's whole stylesheet: A4 pages, one font, nothing else.
PLAIN_CSS = "@page { size: A4; margin: 2cm } body { font-family: sans-serif; font-size: 10pt }"


def configure():
    """Serve the floor, serve static files without a manifest, and accept the test client's host.
    The test environment (setup_test_environment) is not set up: it instruments every template
    render, which would be part of the times."""
    settings.ROOT_URLCONF = "bench.urls"
    clear_url_caches()
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def logged_in_client():
    from netwerken.models import User

    client = Client()
    client.force_login(User.objects.get(email="admin@example.org"))
    return client


def dossiers():
    from dossiers.demo import reference_dossiers

    small, large = reference_dossiers()
    return {"small": small, "large": large}


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response


def timed(client, url):
    """(wall seconds, CPU seconds of this process) of one request."""
    wall, cpu = time.perf_counter(), time.process_time()
    get(client, url)
    return time.perf_counter() - wall, time.process_time() - cpu


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        get(client, url)
    return len(captured)


def ms(seconds) -> float:
    return round(seconds * 1000, 1)


def measure_page(client, url, floor_url):
    """The page's medians and its ratio to the floor, measured in alternation with it."""
    get(client, url)  # warm-up: the first request after a change fills the caches
    count = queries(client, url)
    page, floor = [], []
    for _ in range(REPEAT):
        floor.append(timed(client, floor_url))
        page.append(timed(client, url))
    wall = statistics.median(t for t, _ in page)
    cpu = statistics.median(c for _, c in page)
    floor_wall = statistics.median(t for t, _ in floor)
    floor_cpu = statistics.median(c for _, c in floor)
    return {
        "queries": count,
        "median_ms": ms(wall),
        "cpu_median_ms": ms(cpu),
        "ratio": round(wall / floor_wall, 2),
        "cpu_ratio": round(cpu / floor_cpu, 2),
    }


def measure_floor(client, floor_url):
    get(client, floor_url)
    count = queries(client, floor_url)
    samples = [timed(client, floor_url) for _ in range(REPEAT * 3)]
    return {
        "queries": count,
        "median_ms": ms(statistics.median(t for t, _ in samples)),
        "cpu_median_ms": ms(statistics.median(c for _, c in samples)),
    }


def time_pages(client, notas):
    floor_url = reverse("bench_floor")
    floor = measure_floor(client, floor_url)
    pages = {
        name: {
            size: measure_page(client, reverse(name, args=[nota.pk]), floor_url)
            for size, nota in notas.items()
        }
        for name in PAGES
    }
    over = sorted(
        f"{name} ({size})"
        for name, sizes in pages.items()
        for size, result in sizes.items()
        if result["ratio"] > LIMIT
    )
    summary = {
        size: {
            "max_ratio": max(pages[name][size]["ratio"] for name in PAGES),
            "median_ratio": statistics.median(pages[name][size]["ratio"] for name in PAGES),
        }
        for size in notas
    }
    return floor, pages, {"limit": LIMIT, **summary, "over_limit": over}


def plain_html(html: str) -> str:
    """The same document with our stylesheet swapped for PLAIN_CSS."""
    html = re.sub(r"<link[^>]*rel=\"stylesheet\"[^>]*>", "", html)
    html = re.sub(r"<style.*?</style>", "", html, flags=re.S)
    return html.replace("</head>", f"<style>{PLAIN_CSS}</style></head>", 1)


def render_plain(html: str):
    """(pages, seconds, CPU seconds) of WeasyPrint on `html`, written as the real PDF is (PDF/UA)."""
    from io import BytesIO

    from weasyprint import HTML

    from dossiers.pdf import BASE_URL, StaticOnlyFetcher

    start, cpu = time.perf_counter(), time.process_time()
    rendered = HTML(string=html, base_url=BASE_URL, url_fetcher=StaticOnlyFetcher()).render()
    rendered.write_pdf(BytesIO(), pdf_variant="pdf/ua-1")
    return len(rendered.pages), time.perf_counter() - start, time.process_time() - cpu


def time_pdf(nota):
    from dossiers.pdf import render_html, render_pdf
    from dossiers.snapshot import build_snapshot

    start = time.perf_counter()
    document = build_snapshot(nota)
    snapshot_seconds = time.perf_counter() - start

    start, cpu = time.perf_counter(), time.process_time()
    pdf, pages, html_seconds, layout_seconds, _fetcher = render_pdf(document, draft=True)
    total, total_cpu = time.perf_counter() - start, time.process_time() - cpu

    plain_pages, plain_seconds, plain_cpu = render_plain(
        plain_html(render_html(document, draft=True))
    )
    per_page, plain_per_page = total_cpu / max(pages, 1), plain_cpu / max(plain_pages, 1)

    return {
        "pages": pages,
        "bytes": len(pdf),
        "seconds_snapshot": round(snapshot_seconds, 3),
        "seconds_html": round(html_seconds, 3),
        "seconds_weasyprint": round(layout_seconds, 2),
        "seconds_total": round(total, 2),
        "cpu_seconds_total": round(total_cpu, 2),
        "seconds_per_page": round(layout_seconds / max(pages, 1), 3),
        "plain_baseline": {
            "pages": plain_pages,
            "seconds": round(plain_seconds, 2),
            "seconds_per_page": round(plain_seconds / max(plain_pages, 1), 3),
            "cpu_seconds": round(plain_cpu, 2),
            "cpu_seconds_per_page": round(plain_per_page, 3),
        },
        "cpu_seconds_per_page": round(per_page, 3),
        "cpu_ratio_per_page_to_plain": round(per_page / plain_per_page, 2),
        "ratio_per_page_to_plain": round(
            (layout_seconds / max(pages, 1)) / (plain_seconds / max(plain_pages, 1)), 2
        ),
    }


def time_jaarrapport_pdf(nota):
    """The yearly report of the large dossier's first working year (dossiers/demo_opvolging.py),
    rendered as the export renders it: a draft, PDF/UA."""
    from dossiers.jaarrapport import build_document
    from dossiers.models import Werkjaar
    from dossiers.pdf import render_pdf
    from dossiers.services_jaarrapport import jaarrapport_of

    werkjaren = Werkjaar.objects.select_related("nota__netwerk", "nota__ronde")
    report = jaarrapport_of(werkjaren.get(nota=nota, year=2027))
    start = time.perf_counter()
    document = build_document(report)
    document_seconds = time.perf_counter() - start
    start, cpu = time.perf_counter(), time.process_time()
    pdf, pages, html_seconds, layout_seconds, _fetcher = render_pdf(document, draft=True)
    total, total_cpu = time.perf_counter() - start, time.process_time() - cpu
    return {
        "year": report.werkjaar.year,
        "actions": len(document["acties"]),
        "pages": pages,
        "bytes": len(pdf),
        "seconds_document": round(document_seconds, 3),
        "seconds_html": round(html_seconds, 3),
        "seconds_weasyprint": round(layout_seconds, 2),
        "seconds_total": round(total, 2),
        "cpu_seconds_total": round(total_cpu, 2),
        "seconds_per_page": round(layout_seconds / max(pages, 1), 3),
    }


def serve_rendered(client, nota, export) -> float | None:
    """Median time to download an already rendered PDF export."""
    if export is None or export.state != "done":
        return None
    url = reverse("pdf_download", args=[nota.pk, export.pk])
    serve = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        response = client.get(url)
        b"".join(response.streaming_content)
        serve.append(time.perf_counter() - start)
    return ms(statistics.median(serve))


def max_rss_mb() -> float:
    """This process's peak resident memory. Linux's VmHWM starts afresh in a new program;
    getrusage's maxrss would carry over the parent's peak into the child."""
    try:
        status = Path("/proc/self/status").read_text()
        return round(int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024, 1)
    except (OSError, AttributeError):
        return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def memory_pages():
    """Child process: peak RSS over one request of every large dossier page, and the peak of
    Python allocations (tracemalloc) during each."""
    import tracemalloc

    client = logged_in_client()
    large = dossiers()["large"]
    get(client, reverse("bench_floor"))
    start_rss = max_rss_mb()
    peaks = {}
    for name in PAGES:
        url = reverse(name, args=[large.pk])
        get(client, url)  # warm caches first: the peak of a request, not of the first one
        tracemalloc.start()
        get(client, url)
        peaks[name] = round(tracemalloc.get_traced_memory()[1] / 1e6, 1)
        tracemalloc.stop()
    return {"rss_after_setup_mb": start_rss, "max_rss_mb": max_rss_mb(), "python_peak_mb": peaks}


def memory_pdf():
    """Child process: the PDF export of the large dossier, made as the worker makes it (in a
    process of its own, under the export's limits): that process's peak RSS; then, the export
    being there, the time to download it (this process never starts tracemalloc)."""
    from dossiers.exports import pdf_export_render, pdf_export_request

    large = dossiers()["large"]
    client = logged_in_client()
    rss_before = max_rss_mb()
    export = pdf_export_request(nota=large)
    if export.state != "done":  # the immediate backend runs on commit; outside a request, run it
        export = pdf_export_render(export_id=export.pk)
    # The render ran in a forked child: its peak counts what it shares with this process too.
    render_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "export_state": export.state if export else None,
        "rss_before_export_mb": rss_before,
        "render_process_max_rss_mb": round(render_rss, 1),
        "serve_rendered_ms_median": serve_rendered(client, large, export),
    }


def child(kind: str) -> dict:
    """Run `kind` in a fresh process on the same database and return what it printed."""
    done = subprocess.run(
        [sys.executable, __file__, "--memory", kind],
        check=True,
        capture_output=True,
        text=True,
        env=os.environ,
    )
    return json.loads(done.stdout)


def size(nota):
    from dossiers.models import Actie

    return {
        "municipalities": nota.netwerk.deelnemende_gemeenten.count(),
        "partners": nota.netwerk.partners.count(),
        "actions": Actie.objects.filter(nota=nota).count(),
    }


def main():
    from django.core.management import call_command

    configure()
    call_command("migrate", verbosity=0)
    call_command("seed_demo", large=True, verbosity=0, stdout=open(os.devnull, "w"))
    notas = dossiers()
    client = logged_in_client()
    floor, pages, summary = time_pages(client, notas)
    pdf = time_pdf(notas["large"])
    jaarrapport_pdf = time_jaarrapport_pdf(notas["large"])
    memory_pdf_run = child("pdf")
    pdf["serve_rendered_ms_median"] = memory_pdf_run.pop("serve_rendered_ms_median")
    result = {
        "database": connection.vendor,
        "repeat": REPEAT,
        "reference": {name: size(nota) for name, nota in notas.items()},
        "floor": floor,
        "pages": pages,
        "pages_summary": summary,
        "pdf_large": pdf,
        "jaarrapport_pdf_large": jaarrapport_pdf,
        "memory": {"pages_large": child("pages"), "pdf_large": memory_pdf_run},
    }
    print(json.dumps(result, indent=2))


def jaarrapport_only():
    """`bench/run.py --jaarrapport`: only the yearly report's PDF, for a quick look."""
    from django.core.management import call_command

    configure()
    call_command("migrate", verbosity=0)
    call_command("seed_demo", large=True, verbosity=0, stdout=open(os.devnull, "w"))
    print(json.dumps({"jaarrapport_pdf_large": time_jaarrapport_pdf(dossiers()["large"])}, indent=2))


if __name__ == "__main__":
    if sys.argv[1:] == ["--jaarrapport"]:
        jaarrapport_only()
    elif CHILD:
        configure()
        print(json.dumps({"pages": memory_pages, "pdf": memory_pdf}[sys.argv[2]]()))
    else:
        main()
