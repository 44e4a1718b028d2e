"""The default setup, the web server and the PDF worker side by side on one SQLite file, loses no
save: bench/burst.py makes 500 budget saves over HTTP while a second process asks for PDF exports
and submits the dossier.

Both servers run as real processes on their own temporary SQLite database, whatever database the
other tests use. Select it with `-m slow`, leave it out with `-m "not slow"`.
"""

import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable

SETUP = """
from dossiers.models import Afsprakennota, Indienronde
from tests.factories import DeelnemendeGemeenteFactory, MembershipFactory, NetwerkFactory, UserFactory, ensure_rondes, gemeente
from tests.factories import make_ready

ensure_rondes()
netwerk = NetwerkFactory(name="Netwerk Waasland")
DeelnemendeGemeenteFactory(netwerk=netwerk, gemeente=gemeente("Temse"))
MembershipFactory(user=UserFactory(email="an@example.org"), netwerk=netwerk)
UserFactory(email="rita@example.org", is_reviewer=True)
nota = Afsprakennota.objects.create(netwerk=netwerk, ronde=Indienronde.objects.get(first_year=2027))
make_ready(nota)
print(nota.pk)
"""


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(port, process, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError("the web server stopped")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("the web server did not start")


@pytest.mark.slow
def test_web_server_and_worker_on_one_sqlite_file_lose_no_save(tmp_path):
    database = tmp_path / "db.sqlite3"
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "DEBUG": "true",
        "SECRET_KEY": "test",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "LOG_LEVEL": "WARNING",
    }
    env.pop("SQLITE_TIMEOUT", None)  # the default is what is tested

    def manage(*args):
        return subprocess.run(
            [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True
        )

    manage("migrate", "--noinput", "-v", "0")
    dossier = manage("shell", "-c", SETUP).stdout.strip().splitlines()[-1]
    assert sqlite3.connect(database).execute("PRAGMA journal_mode").fetchone() == ("wal",)

    port = _free_port()
    logs = tmp_path / "logs"
    logs.mkdir()
    web = subprocess.Popen(
        [PYTHON, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT, env=env, stdout=(logs / "web.log").open("w"), stderr=subprocess.STDOUT,
    )
    worker = subprocess.Popen(
        [PYTHON, "manage.py", "db_worker", "--no-reload", "--interval", "0.2"],
        cwd=ROOT, env=env, stdout=(logs / "worker.log").open("w"), stderr=subprocess.STDOUT,
    )
    try:
        _wait_for(port, web)
        burst = subprocess.run(
            [
                PYTHON, "bench/burst.py", "--url", f"http://127.0.0.1:{port}", "--saves", "500",
                "--email", "an@example.org", "--reviewer", "rita@example.org",
                "--password", "geheim-wachtwoord", "--dossier", dossier,
            ],
            cwd=ROOT, env=env, capture_output=True, text=True, timeout=900,
        )
        assert burst.returncode in (0, 1), burst.stderr
        result = json.loads(burst.stdout)
        assert result["errors"] == 0, (result, (logs / "web.log").read_text()[-3000:])
        assert result["ok"] >= 500 - result["refused_while_submitted"]
        assert result["pdf_exports_asked"] == 3
        # The worker wrote meanwhile: it took up the exports (and the submitted version's PDF).
        states = dict(sqlite3.connect(database).execute(
            "SELECT state, COUNT(*) FROM dossiers_pdfexport GROUP BY state"
        ).fetchall())
        assert sum(states.values()) >= 1 and set(states) - {"queued"}, states
        assert "database is locked" not in (logs / "worker.log").read_text()
        assert "database is locked" not in (logs / "web.log").read_text()
    finally:
        for process in (web, worker):
            process.terminate()
        for process in (web, worker):
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
