"""The PDF read as a screen reader reads it: through its structure tree, artifacts left out.

pikepdf reads the tree; `pdfua` (a test dependency) runs its machine-checkable subset of
PDF/UA-1 on the file. Its empty-heading rule cannot read WeasyPrint's trees (pdfua 0.1.3 stops on
a /K array), so `test_headings_are_not_empty` checks that here.
"""

from io import BytesIO

import pikepdf
import pytest
from pdfua import Validator
from pypdf import PdfReader

from dossiers.models.voortzetting import Zelfevaluatie
from dossiers.pdf import render_pdf
from dossiers.snapshot import build_snapshot
from tests.pdftext import squash


@pytest.fixture
def draft_pdf(full_nota):
    # Rich text's own headings (h3, h4) sit right under the chapter's h1.
    full_nota.visie.text = "<h3>Kern</h3><p>Iedereen doet mee.</p><h4>Waarom</h4><p>Omdat het kan.</p>"
    full_nota.visie.save()
    # ... and under the self-evaluation's h2 in the environment analysis.
    Zelfevaluatie.objects.create(
        nota=full_nota, text="<h3>Wat ging goed</h3><ul><li>Het kamp.</li></ul><h4>Lessen</h4><p>Vroeger vragen.</p>"
    )
    pdf, pages, *_ = render_pdf(build_snapshot(full_nota), draft=True)
    return pdf, pages


def _tree(pdf):
    """Every structure element a reader reaches, in reading order, with its page index."""
    page_index = {page.objgen: i for i, page in enumerate(pdf.pages)}
    found = []

    def walk(element):
        if not isinstance(element, pikepdf.Dictionary) or "/S" not in element:
            return  # a marked-content or annotation reference
        page = element.get("/Pg")
        found.append((element, page_index.get(page.objgen) if page is not None else None))
        kids = element.get("/K")
        for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
            walk(kid)

    root = pdf.Root.StructTreeRoot.K
    for element in root if isinstance(root, pikepdf.Array) else [root]:
        walk(element)
    return found


def _marked_ids(element):
    kids = element.get("/K")
    return {int(k) for k in (kids if isinstance(kids, pikepdf.Array) else [kids]) if isinstance(k, int)}


def _without_artifacts(data: bytes) -> bytes:
    """The same PDF with every artifact sequence taken out of the pages: what is left is what
    the structure tree hands to a reader."""
    pdf = pikepdf.open(BytesIO(data))
    for page in pdf.pages:
        kept, depth = [], 0
        for operands, operator in pikepdf.parse_content_stream(page):
            name = str(operator)
            if depth:
                depth += {"BMC": 1, "BDC": 1, "EMC": -1}.get(name, 0)
                continue
            if name in {"BMC", "BDC"} and operands and operands[0] == pikepdf.Name.Artifact:
                depth = 1
                continue
            kept.append((operands, operator))
        page.Contents = pdf.make_stream(pikepdf.unparse_content_stream(kept))
    output = BytesIO()
    pdf.save(output)
    return output.getvalue()


def _text(data: bytes) -> str:
    return squash(" ".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages))


def test_watermark_headers_and_footers_are_artifacts(draft_pdf):
    data, pages = draft_pdf
    everything = _text(data)
    assert "CONCEPT" in everything and f"pagina 2 van {pages}" in everything
    read = _text(_without_artifacts(data))
    assert "CONCEPT" not in read
    assert "pagina 2 van" not in read and "Afsprakennota vrijetijdsparticipatie pagina" not in read
    assert "1. Omgevingsanalyse" in read and "Vakantiekamp voor gezinnen" in read

    pdf = pikepdf.open(BytesIO(data))
    # Every piece of marked content belongs to an element of the tree: none is left dangling.
    in_tree = {}
    for element, page in _tree(pdf):
        in_tree.setdefault(page, set()).update(_marked_ids(element))
    for index, page in enumerate(pdf.pages):
        marked, pagination = set(), 0
        for operands, operator in pikepdf.parse_content_stream(page):
            if str(operator) == "BDC" and "/MCID" in operands[1]:
                marked.add(int(operands[1].MCID))
            if str(operator) == "BDC" and operands[0] == pikepdf.Name.Artifact:
                pagination += operands[1].get("/Type") == "/Pagination"
        assert marked == in_tree.get(index, set()), f"page {index + 1}"
        if index:  # the cover has no running header or footer
            assert pagination >= 3, f"page {index + 1}"


def test_header_cells_have_a_scope_and_figures_their_alt_text(draft_pdf):
    pdf = pikepdf.open(BytesIO(draft_pdf[0]))
    assert pdf.Root.Lang == "nl-BE"
    elements = [element for element, _page in _tree(pdf)]
    headers = [e for e in elements if e.S == "/TH"]
    assert len(headers) > 50
    assert all(e.A.get("/Scope") in ("/Column", "/Row") for e in headers)
    assert {str(e.A.Scope) for e in headers} == {"/Column", "/Row"}
    figures = [str(e.Alt) for e in elements if e.S == "/Figure"]
    assert all(alt.strip() for alt in figures)
    # A chart's alternative says what its data shows, not only what it is about.
    assert any(alt.startswith("Kansarmoede-index in ") and "Grootste nood: " in alt for alt in figures)
    assert any("Vlaams Gewest" in alt and "Lijndiagram" in alt for alt in figures)
    assert any(alt.startswith("De partners van het netwerk") for alt in figures)
    # One family for text, tables and charts, every face embedded.
    fonts = [
        obj
        for obj in pdf.objects
        if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/FontDescriptor"
    ]
    assert fonts and all("Open-Sans" in str(font.FontName) for font in fonts)
    assert all("/FontFile2" in font or "/FontFile3" in font or "/FontFile" in font for font in fonts)


def test_headings_are_not_empty_and_follow_the_text(draft_pdf):
    pdf = pikepdf.open(BytesIO(draft_pdf[0]))
    found = _tree(pdf)
    headings = [element for element, _page in found if str(element.S) in {"/H1", "/H2", "/H3", "/H4"}]
    assert headings and all(element.get("/K") for element in headings)
    levels = [int(str(element.S)[2]) for element in headings]
    for before, after in zip(levels, levels[1:]):
        assert after <= before + 1, (before, after)  # no level skipped
    # The tree follows the pages: an element never comes after one on a later page.
    pages = [page for _element, page in found if page is not None]
    assert pages == sorted(pages)


def test_the_pdfua_checks_find_nothing(draft_pdf, tmp_path):
    path = tmp_path / "dossier.pdf"
    path.write_bytes(draft_pdf[0])
    report = Validator().validate(str(path))
    assert [(f.rule_id, f.message) for f in report.findings] == []
