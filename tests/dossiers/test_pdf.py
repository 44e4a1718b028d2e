import re
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from io import BytesIO

import pytest
from pypdf import PdfReader

from dossiers.exports import pdf_export_render, pdf_export_request, pdf_export_retry
from dossiers.models import PdfExport, Visie
from dossiers.pdf import render_pdf
from dossiers.services_begroting import BudgetGrid
from dossiers.snapshot import build_snapshot
from tests.pdftext import pdf_text, squash


def test_the_pdf_follows_the_decree(full_nota):
    pdf, pages, *_ = render_pdf(build_snapshot(full_nota), draft=True)
    text = squash(pdf_text(pdf))
    headings = [
        "1. Omgevingsanalyse",
        "2. Visie",
        "3. Strategische en operationele doelstellingen",
        "4. Acties",
        "5. Partners en betrokkenheid",
        "6. Meerjarenbegroting",
        "7. Deelnemende gemeenten",
    ]
    # Each heading appears in the table of contents and again as a chapter, in that order.
    chapters = [text.rindex(h) for h in headings]
    assert chapters == sorted(chapters)
    for title in ["Vakantiekamp voor gezinnen", "UiTPAS-infomarkt", "Iedereen bereikt het aanbod"]:
        assert title in text
    # Totals: 6 years of 45.000,00 expenses and 40.000,00 income, balance -5.000,00 a year.
    assert "270.000,00" in text and "240.000,00" in text and "-30.000,00" in text
    assert f"pagina 1 van {pages}" not in text  # the cover has no page number
    assert f"pagina 2 van {pages}" in text and f"pagina {pages} van {pages}" in text
    assert text.count("CONCEPT") >= pages - 1


def test_a_submitted_version_has_no_watermark(full_nota):
    pdf, pages, *_ = render_pdf(build_snapshot(full_nota), draft=False, version_number=1)
    text = pdf_text(pdf)
    assert "CONCEPT" not in text
    assert "ingediende versie 1" in squash(text)


def test_metadata_language_and_fonts(full_nota):
    pdf, *_ = render_pdf(build_snapshot(full_nota), draft=True)
    reader = PdfReader(BytesIO(pdf))
    assert reader.metadata.title == "Afsprakennota Netwerk Waasland 2027-2032"
    assert reader.metadata.author
    assert reader.trailer["/Root"]["/Lang"] == "nl-BE"
    assert "/StructTreeRoot" in reader.trailer["/Root"]  # tagged for screen readers
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            if "/DescendantFonts" in font:  # composite (Type0) fonts keep it one level down
                font = font["/DescendantFonts"][0].get_object()
            descriptor = font["/FontDescriptor"].get_object()
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), "not embedded"
            fonts.add(str(font["/BaseFont"]))
    assert any("Open-Sans" in f for f in fonts), fonts


def test_an_empty_dossier_still_exports(nota_a):
    pdf, *_ = render_pdf(build_snapshot(nota_a), draft=True)
    text = squash(pdf_text(pdf))
    assert text.count("nog niet ingevuld") >= 5


class _Counter(BaseHTTPRequestHandler):
    hits = []

    def do_GET(self):  # noqa: N802
        self.hits.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_user_text_cannot_make_the_renderer_fetch_anything(nota_a):
    server = HTTPServer(("127.0.0.1", 0), _Counter)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    address = f"http://127.0.0.1:{server.server_port}"
    # Bypass the sanitiser on purpose, as if something slipped through.
    Visie.objects.create(nota=nota_a)
    Visie.objects.filter(nota=nota_a).update(
        text=f'<p>Zie <img src="{address}/spy.png"> en <a href="{address}/link">link</a>'
        f'<link rel="stylesheet" href="{address}/evil.css"></p>'
    )
    try:
        pdf, _pages, _h, _l, fetcher = render_pdf(build_snapshot(nota_a), draft=True)
    finally:
        server.shutdown()
    assert _Counter.hits == []
    assert f"{address}/spy.png" in fetcher.refused
    assert pdf.startswith(b"%PDF")


def test_the_same_content_is_rendered_once(full_nota, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = pdf_export_request(nota=full_nota)
    first.refresh_from_db()
    assert first.state == "done" and first.pages > 3
    again = pdf_export_request(nota=full_nota)
    assert again.pk == first.pk
    full_nota.visie.text = "<p>Anders.</p>"
    full_nota.visie.save()
    assert pdf_export_request(nota=full_nota).pk != first.pk


def test_a_failed_render_says_so_and_can_be_retried(nota_a, django_capture_on_commit_callbacks):
    export = PdfExport.objects.create(nota=nota_a, content_hash="x", document={"broken": True})
    pdf_export_render(export_id=export.pk)
    export.refresh_from_db()
    assert export.state == "failed" and "KeyError" in export.error
    export.document = build_snapshot(nota_a)
    export.save()
    with django_capture_on_commit_callbacks(execute=True):
        pdf_export_retry(export=export)
    export.refresh_from_db()
    assert export.state == "done"


def test_pages_and_views(coordinator_client, outsider_client, full_nota, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(f"/dossiers/{full_nota.pk}/pdf/")
    status_url = response.url
    assert re.fullmatch(rf"/dossiers/{full_nota.pk}/pdf/\d+/", status_url)
    page = coordinator_client.get(status_url)
    assert "Uw PDF is klaar" in page.text
    export = PdfExport.objects.get()
    download = coordinator_client.get(f"/dossiers/{full_nota.pk}/pdf/{export.pk}/download/")
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    assert outsider_client.get(status_url).status_code == 404
    assert outsider_client.get(f"/dossiers/{full_nota.pk}/pdf/{export.pk}/download/").status_code == 404


def test_while_rendering_the_page_polls(coordinator_client, nota_a):
    export = PdfExport.objects.create(nota=nota_a, content_hash="y", document={}, progress="Pagina 3 opmaken")
    page = coordinator_client.get(f"/dossiers/{nota_a.pk}/pdf/{export.pk}/", headers={"HX-Request": "true"})
    assert 'hx-trigger="every 2s"' in page.text and "Pagina 3 opmaken" in page.text
    assert "<html" not in page.text  # only the fragment


def test_submitting_makes_the_version_pdf(coordinator_client, full_nota, django_capture_on_commit_callbacks):
    # full_nota's budget is € 5.000 short every year; submitting needs it in balance
    data = {f"c-eigen_inbreng-{y}": "5000" for y in full_nota.ronde.years}
    data |= {c.version_name: c.version for c in BudgetGrid(full_nota).lines["eigen_inbreng"].cells}
    coordinator_client.post(f"/dossiers/{full_nota.pk}/begroting/", data)
    with django_capture_on_commit_callbacks(execute=True):
        coordinator_client.post(f"/dossiers/{full_nota.pk}/stap/submit/")
    export = PdfExport.objects.get(version__number=1)
    assert export.state == "done" and not export.draft
    response = coordinator_client.get(f"/dossiers/{full_nota.pk}/versies/1/pdf/")
    assert response.url == f"/dossiers/{full_nota.pk}/pdf/{export.pk}/download/"


def test_export_pdf_command_writes_a_draft_and_a_submitted_version(full_nota, coordinator_a, tmp_path):  # noqa: F811
    from io import StringIO

    from django.core.management import CommandError, call_command

    from dossiers.services import dossier_freeze

    dossier_freeze(nota=full_nota, user=coordinator_a)
    draft, frozen = tmp_path / "concept.pdf", tmp_path / "v1.pdf"
    out = StringIO()
    call_command("export_pdf", str(full_nota.pk), output=str(draft), stdout=out)
    call_command("export_pdf", str(full_nota.pk), "--versie", "1", "-o", str(frozen), stdout=out)
    assert "CONCEPT" in pdf_text(draft.read_bytes())
    assert "ingediende versie 1" in squash(pdf_text(frozen.read_bytes()))
    assert "pagina's" in out.getvalue()
    with pytest.raises(CommandError, match="Versie 7"):
        call_command("export_pdf", str(full_nota.pk), "--versie", "7", stdout=out)


def test_the_pdf_holds_the_cooperation_agreements(full_nota, tmp_path):
    pdf, pages, *_ = render_pdf(build_snapshot(full_nota), draft=True)
    (tmp_path / "samenwerking.pdf").write_bytes(pdf)
    text = squash(pdf_text(pdf))
    heading = "5b. Samenwerkingsafspraken"
    agreements = text.index(heading, text.index(heading) + 1)  # the chapter, after the contents
    assert text.rindex("5. Partners en betrokkenheid") < agreements < text.rindex("6. Meerjarenbegroting")
    chapter = text[agreements:text.rindex("6. Meerjarenbegroting")]
    for expected in [
        "Overlegorganen", "Stuurgroep Samen Uit", "cultuurdienst Temse (Temse)", "Twee ervaringsdeskundigen",
        "Netwerkrollen", "Els Peeters", "Besluitvorming en mandaten", "mandaat tot 2.500 euro",
        "Structurele participatie van mensen in armoede", "Na de subsidieperiode", "Monitoringplan",
        "A1.1.1 · Deelnemers met kansentarief", "Elk jaar in december", "Reflectiemomenten", "Elk jaar: Eind juni",
    ]:
        assert expected in chapter, expected


def test_an_old_version_without_agreements_still_renders(full_nota):
    document = build_snapshot(full_nota)
    document["format_version"] = 1
    del document["samenwerking"]
    pdf, *_ = render_pdf(document, draft=False, version_number=1)
    text = squash(pdf_text(pdf))
    assert "5b. Samenwerkingsafspraken" in text and "nog niet ingevuld" in text
