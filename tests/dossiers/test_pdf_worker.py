"""The real background worker, with the database queue, makes the PDF."""

import os
import signal
import subprocess
import sys
import time
from io import BytesIO
from pathlib import Path
from urllib.parse import quote

import pytest
from django.core.management import call_command
from django.db import connection
from pypdf import PdfReader

from dossiers.exports import pdf_export_request
from dossiers.models import PdfExport, Visie


@pytest.mark.django_db(transaction=True)
def test_the_database_worker_makes_the_pdf(settings, netwerk_a, ronde):
    from dossiers.models import Afsprakennota

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    nota = Afsprakennota.objects.create(netwerk=netwerk_a, ronde=ronde)
    export = pdf_export_request(nota=nota)
    assert PdfExport.objects.get(pk=export.pk).state == "queued"
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)
    export.refresh_from_db()
    assert export.state == "done", export.error
    assert export.file.read(4) == b"%PDF"


ROOT = Path(__file__).resolve().parents[2]


def _database_url(db: dict) -> str:
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    user = quote(db["USER"] or "")
    password = f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else ""
    host, port = db["HOST"] or "127.0.0.1", db["PORT"] or 5432
    return f"postgres://{user}{password}@{host}:{port}/{db['NAME']}"


def _start_worker(env, log):
    # A session of its own, so that killing it also kills the child process it renders in, as a
    # service manager does when it stops a service.
    return subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--no-startup-delay", "--no-reload"]
        + ["--interval", "0.1"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def _kill(worker):
    if worker.poll() is None:
        os.killpg(worker.pid, signal.SIGKILL)
    worker.wait(10)


def _wait_for(export, condition, *, seconds, worker, log):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        export.refresh_from_db()
        if condition(export):
            return
        assert worker.poll() is None, log.read_text()
        time.sleep(0.05)
    said = log.read_text()
    pytest.fail(f"export {export.state} {export.progress!r} after {seconds} s; worker said:\n{said}")


@pytest.mark.django_db(transaction=True)
def test_a_pdf_whose_worker_is_killed_is_finished_by_the_next_worker(settings, nota_a, tmp_path):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    settings.EXPORT_STALE_AFTER_SECONDS = 1.5
    text = "Iedereen doet mee aan het aanbod in de regio. " * 1500
    Visie.objects.create(nota=nota_a, text=f"<p>{text}</p>")
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(connection.settings_dict),
        "SECRET_KEY": "worker-test",
        "DEBUG": "false",
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "MEDIA_ROOT": settings.STORAGES["default"]["OPTIONS"]["location"],
        "EXPORT_STALE_AFTER_SECONDS": "1.5",  # a heartbeat every 0.4 s
    }
    export = pdf_export_request(nota=nota_a)
    log = tmp_path / "worker.log"
    with log.open("w") as out:
        first = _start_worker(env, out)
        try:
            # Killed while it lays out the pages: it has reported from inside the render.
            _wait_for(
                export,
                lambda e: e.state == "running" and e.heartbeat_at > e.started_at,
                seconds=60,
                worker=first,
                log=log,
            )
        finally:
            _kill(first)
        export.refresh_from_db()
        assert export.state == "running" and not export.file  # left behind, as a dead worker does

        second = _start_worker(env, out)
        try:
            finished = {"done", "failed"}
            _wait_for(export, lambda e: e.state in finished, seconds=90, worker=second, log=log)
        finally:
            _kill(second)
    assert export.state == "done", export.error
    assert export.attempts == 2
    text = " ".join(PdfReader(BytesIO(export.file.read())).pages[0].extract_text().split())
    assert "Netwerk Waasland" in text
