"""Hostile workbooks are refused before they are parsed: fast, and without the memory they ask."""

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from analyses.models import ImportBatch
from tests.analyses import bombs
from tests.factories import indicator

ROOT = Path(__file__).resolve().parents[2]

# Measured in a fresh process: the high-water mark of its memory before and after the reading.
MEASURE = """
import json, os, resource, sys, time
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
import django
django.setup()
from django.utils import translation
translation.activate("nl")
from analyses.parsing import FileProblem
from analyses.reading import read_table
data = open(sys.argv[1], "rb").read()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.monotonic()
try:
    read_table(data, "bom.xlsx")
    message = None
except FileProblem as problem:
    message = str(problem)
seconds = time.monotonic() - start
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"message": message, "seconds": seconds, "grew_kb": after - before}))
"""


@pytest.mark.parametrize(
    "build, size",
    [(bombs.million_rows_xlsx, 2_500), (bombs.shared_strings_bomb, 320_000)],
    ids=["a million rows declared", "shared strings bomb"],
)
def test_a_workbook_bomb_is_refused_fast_and_small(tmp_path, build, size):
    data = build()
    assert len(data) < size
    path = tmp_path / "bom.xlsx"
    path.write_bytes(data)
    result = subprocess.run(
        [sys.executable, "-c", MEASURE, str(path)], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["message"] and (
        "Dit Excelbestand meldt meer dan" in outcome["message"]
        or "Uitgepakt zou dit bestand groter zijn dan" in outcome["message"]
    ), outcome
    assert outcome["seconds"] < 1
    assert outcome["grew_kb"] < 50 * 1024


@pytest.mark.parametrize("build", [bombs.million_rows_xlsx, bombs.shared_strings_bomb])
def test_the_upload_page_refuses_a_bomb_at_once(client_for, reviewer, build):
    ind = indicator("kansarmoede-index")
    file = SimpleUploadedFile("bom.xlsx", build())
    client = client_for(reviewer)
    client.get("/cijfers/importeren/")  # the first request of a test process loads templates
    start = time.monotonic()
    response = client.post("/cijfers/importeren/", {"indicator": ind.pk, "file": file})
    assert time.monotonic() - start < 1
    assert response.status_code == 200
    assert "Dit Excelbestand meldt meer dan" in response.text or "Uitgepakt zou dit bestand" in response.text
    assert not ImportBatch.objects.exists()


def test_a_sheet_that_hides_its_size_stops_at_the_cell_cap(monkeypatch):
    """Without a <dimension>, the cells are counted while they stream by."""
    from analyses.parsing import FileProblem
    from analyses.reading import read_table, workbook
    from tests.analyses.conftest import xlsx_file

    monkeypatch.setattr(workbook, "MAX_CELLS", 50)
    data = xlsx_file([["Gemeente", "Jaar", "Waarde"]] + [["Temse", 2023, n] for n in range(40)]).read()
    with pytest.raises(FileProblem, match="Dit werkblad bevat meer dan 50 cellen"):
        read_table(data, "groot.xlsx")
