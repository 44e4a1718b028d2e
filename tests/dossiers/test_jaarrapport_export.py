"""The yearly report as PDF and Word: the afsprakennota's quality (cover, contents, tables with
their header scope, the self-scan chart, the budget planned against realised), read back as text,
made through the same background export machinery."""

from datetime import date
from io import BytesIO

import pikepdf
import pytest
from docx import Document
from docx.oxml.ns import qn
from pdfua import Validator
from pypdf import PdfReader

from dossiers.docx_jaarrapport import build_jaarrapport_docx
from dossiers.exports import jaarrapport_pdf_request, pdf_export_render
from dossiers.jaarrapport import build_document
from dossiers.models import PdfExport
from dossiers.pdf import render_pdf
from dossiers.services_jaarrapport import jaarrapport_of, jaarrapport_transition
from tests.pdftext import pdf_text, squash

from .jaarrapport_data import fill_in, scan, started_year
from .test_pdf_ua import _tree


@pytest.fixture
def report(nota_a, coordinator_a, partner_org_a):
    werkjaar = fill_in(started_year(nota_a, coordinator_a, partner_org_a, actions=2))
    scan(nota_a.netwerk, coordinator_a)
    return jaarrapport_of(werkjaar)


@pytest.fixture
def document(report):
    return build_document(report)


def test_the_pdf_reads_as_the_yearly_report(document):
    pdf, pages, *_ = render_pdf(document, draft=True)
    text = squash(pdf_text(pdf))
    assert "Jaarrapport 2027" in text and "Netwerk Waasland" in text
    chapters = [
        "1. Uitgevoerde acties",
        "2. Indicatoren tegenover hun streefwaarden",
        "3. Begroting: gepland en gerealiseerd",
        "4. Reflectie en bijsturing",
        "5. Zelfscan van het netwerk",
    ]
    positions = [text.rindex(c) for c in chapters]
    assert positions == sorted(positions)
    assert text.index(chapters[0]) < text.index("Inhoud") + 200  # listed in the contents first
    assert "Infomarkt 1" in text and "Infomarkt 2" in text and "Afgerond" in text
    # Budget: expenses 1.000,00 planned, 1.250,00 realised, +250,00, with the explanation.
    assert "1.000,00" in text and "1.250,00" in text and "250,00" in text
    assert "Extra vervoer naar de infomarkt" in text
    assert "Voorjaar 2027" in text and "Context" in text  # the self-scan and its chart's labels
    assert f"pagina 2 van {pages}" in text and "CONCEPT" in text
    made = date.fromisoformat(document["made_at"][:10])
    months = "jan. feb. mrt. apr. mei jun. jul. aug. sep. okt. nov. dec.".split()
    assert squash(f"Datum {made.day} {months[made.month - 1]} {made.year}") in text


def test_the_pdf_is_pdf_ua_with_header_scope_and_chart_alt_text(document, tmp_path):
    pdf, *_ = render_pdf(document, draft=False, version_number=1)
    assert "CONCEPT" not in pdf_text(pdf) and "ingediende versie 1" in squash(pdf_text(pdf))
    reader = PdfReader(BytesIO(pdf))
    assert reader.trailer["/Root"]["/Lang"] == "nl-BE"
    assert reader.metadata.title == "Jaarrapport 2027 Netwerk Waasland"
    tree = pikepdf.open(BytesIO(pdf))
    elements = [element for element, _page in _tree(tree)]
    headers = [e for e in elements if e.S == "/TH"]
    assert headers and {str(e.A.Scope) for e in headers} == {"/Column", "/Row"}
    figures = [str(e.Alt) for e in elements if e.S == "/Figure"]
    assert len(figures) == 1 and "Scores van 1 tot 5 per domein" in figures[0]
    levels = [int(str(e.S)[2]) for e in elements if str(e.S) in {"/H1", "/H2", "/H3", "/H4"}]
    assert all(after <= before + 1 for before, after in zip(levels, levels[1:]))
    fonts = [
        o
        for o in tree.objects
        if isinstance(o, pikepdf.Dictionary) and o.get("/Type") == "/FontDescriptor"
    ]
    assert fonts and all("Open-Sans" in str(font.FontName) for font in fonts)
    path = tmp_path / "jaarrapport.pdf"
    path.write_bytes(pdf)
    assert [(f.rule_id, f.message) for f in Validator().validate(str(path)).findings] == []


def test_the_word_file_follows_the_pdf(document):
    word = Document(BytesIO(build_jaarrapport_docx(document)))
    text = "\n".join(p.text for p in word.paragraphs)
    headings = [p.text for p in word.paragraphs if p.style.name == "Heading 1"]
    assert headings == [
        "Inhoud",
        "1. Uitgevoerde acties",
        "2. Indicatoren tegenover hun streefwaarden",
        "3. Begroting: gepland en gerealiseerd",
        "4. Reflectie en bijsturing",
        "5. Zelfscan van het netwerk",
    ]
    levels = [
        int(p.style.name.split()[-1])
        for p in word.paragraphs
        if p.style.name.startswith("Heading ")
    ]
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:]))  # never skips a level
    cells = [c.text for t in word.tables for row in t.rows for c in row.cells]
    assert any(c.endswith("1.250,00") for c in cells) and "Extra vervoer naar de infomarkt" in cells
    assert "Jaarrapport 2027" in text
    pictures = list(word.element.body.iter(qn("wp:docPr")))
    assert len(pictures) == 1 and "Scores van 1 tot 5" in pictures[0].get("descr")
    footer = "".join(t.text for t in word.sections[0].footer._element.iter(qn("w:t")))
    assert footer.startswith("Jaarrapport 2027")


def test_the_pdf_goes_through_the_background_export(report, nota_a, coordinator_client):
    url = f"/dossiers/{nota_a.pk}/opvolging/2027/jaarrapport/"
    response = coordinator_client.post(url + "pdf/")
    export = PdfExport.objects.get(jaarrapport=report)
    assert response.url == f"{url}pdf/{export.pk}/"
    assert jaarrapport_pdf_request(jaarrapport=report) == export  # the same content is made once
    pdf_export_render(export_id=export.pk)
    export.refresh_from_db()
    assert (
        export.state == "done"
        and export.filename == "jaarrapport-netwerk-waasland-2027-concept.pdf"
    )
    download = coordinator_client.get(f"{url}pdf/{export.pk}/download/")
    assert download.status_code == 200
    assert "Uitgevoerde acties" in pdf_text(b"".join(download.streaming_content))
    assert "Uw PDF is klaar" in coordinator_client.get(f"{url}pdf/{export.pk}/").content.decode()


def test_the_word_download(report, nota_a, coordinator_client):
    response = coordinator_client.get(f"/dossiers/{nota_a.pk}/opvolging/2027/jaarrapport/word/")
    assert response.status_code == 200
    assert 'filename="jaarrapport-netwerk-waasland-2027.docx"' in response["Content-Disposition"]
    assert "Uitgevoerde acties" in "\n".join(
        p.text for p in Document(BytesIO(response.content)).paragraphs
    )


def _word_text(content: bytes) -> str:
    word = Document(BytesIO(content))
    cells = [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in word.paragraphs] + cells)


def test_a_submitted_version_as_word_keeps_what_was_submitted(report, nota_a, coordinator_a, coordinator_client):
    """The version's Word file is made from its frozen content, like its PDF: a later change to
    the follow-up shows in the report's own Word file, not in the version's."""
    jaarrapport_transition(jaarrapport=report, name="submit", user=coordinator_a)
    row = report.werkjaar.realisaties.get(post__kind="uitgave")
    row.explanation = "Een latere uitleg"
    row.save()
    url = f"/dossiers/{nota_a.pk}/opvolging/2027/jaarrapport/"

    response = coordinator_client.get(f"{url}versies/1/word/")
    assert response.status_code == 200
    assert 'filename="jaarrapport-netwerk-waasland-2027-versie-1.docx"' in response["Content-Disposition"]
    text = _word_text(response.content)
    assert "Extra vervoer naar de infomarkt" in text and "Een latere uitleg" not in text
    assert "ingediende versie" in text and "concept" not in text.lower()

    current = _word_text(coordinator_client.get(f"{url}word/").content)
    assert "Een latere uitleg" in current
    assert coordinator_client.get(f"{url}versies/2/word/").status_code == 404
