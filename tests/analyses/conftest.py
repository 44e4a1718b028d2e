"""Helpers for the analysis tests: files made by the tests themselves, the way publishers
offer them (CSV with semicolons and decimal commas, Excel with a title line)."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from analyses.models import ImportBatch
from tests.factories import indicator

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def csv_file(text: str, name="cijfers.csv", encoding="utf-8") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(encoding), content_type="text/csv")


def xlsx_file(rows, name="cijfers.xlsx") -> SimpleUploadedFile:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=XLSX)


@pytest.fixture
def kansarmoede(db):
    return indicator("kansarmoede-index")


@pytest.fixture
def upload(client_for):
    """Upload a file as `user` and choose its columns; returns (batch, preview response)."""

    def do(user, ind, file, **mapping):
        client = client_for(user)
        response = client.post("/cijfers/importeren/", {"indicator": ind.pk, "file": file})
        assert response.status_code == 302, response.content.decode()[:2000]
        batch = ImportBatch.objects.latest("pk")
        guessed = {
            "header_line": batch.header_line,
            "layout": batch.layout,
            "gemeente_column": batch.gemeente_column,
            "match_by": batch.match_by,
            "year_column": "" if batch.year_column is None else batch.year_column,
            "fixed_year": "" if batch.fixed_year is None else batch.fixed_year,
            "value_column": "" if batch.value_column is None else batch.value_column,
        }
        response = client.post(f"/cijfers/importeren/{batch.pk}/kolommen/", {**guessed, **mapping})
        assert response.status_code == 302, response.content.decode()[:3000]
        batch.refresh_from_db()
        return batch, client.get(f"/cijfers/importeren/{batch.pk}/")

    return do
