"""The Word file as a Flemish reader opens it: A4, Dutch (Belgium) proofing, page numbers,
headings in order, the PDF's labels, charts as pictures with alt text."""

from io import BytesIO

import pytest
from docx import Document
from docx.oxml.ns import qn

from dossiers.docx_export import build_docx
from dossiers.snapshot import build_snapshot


@pytest.fixture
def word(full_nota):
    return Document(BytesIO(build_docx(build_snapshot(full_nota))))


def test_a4_dutch_proofing_and_page_numbers(word):
    for section in word.sections:
        assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    styles = word.styles.element
    default = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:lang"))
    assert default.get(qn("w:val")) == "nl-BE"
    every = styles.findall(qn("w:style"))
    assert len(every) > 20
    for style in every:
        assert style.find(qn("w:rPr")).find(qn("w:lang")).get(qn("w:val")) == "nl-BE", style.get(qn("w:styleId"))
    section = word.sections[0]
    assert section.different_first_page_header_footer  # the cover has no page number
    footer = section.footer._element
    fields = [code.text.strip() for code in footer.iter(qn("w:instrText"))]
    assert fields == ["PAGE", "NUMPAGES"]
    text = "".join(t.text for t in footer.iter(qn("w:t")))
    assert text == "Afsprakennota vrijetijdsparticipatiepagina 1 van 1"


def test_headings_never_skip_a_level(word):
    levels = [int(p.style.name.split()[-1]) for p in word.paragraphs if p.style.name.startswith("Heading ")]
    assert levels[0] == 1 and 4 in levels
    for before, after in zip(levels, levels[1:]):
        assert after <= before + 1, (before, after)


def test_fact_tables_have_no_header_row_and_the_pdfs_labels(word):
    cells = [c.text for t in word.tables for row in t.rows for c in row.cells]
    assert "Veld" not in cells
    firsts = [t.rows[0].cells[0].text for t in word.tables]
    assert "IGS" in firsts and "Werkjaren" in firsts and "Vandaag betrokken" in firsts
    partner = next(t for t in word.tables if t.rows[0].cells[0].text == "Vandaag betrokken")
    assert [row.cells[0].text for row in partner.rows] == [
        "Vandaag betrokken",
        "Zal betrokken worden",
        "Trekt",
        "Werkt mee aan",
        "Bevestiging",
    ]
    text = "\n".join(p.text for p in word.paragraphs)
    assert "Acties per doelstelling" in text and "Acties per werkjaar" in text


def test_charts_are_pictures_with_alt_text(word):
    pictures = list(word.element.body.iter(qn("wp:docPr")))
    assert len(pictures) >= 3  # the indicators' charts and the network picture
    alts = [p.get("descr") for p in pictures]
    assert all(alt and p.get("title") for alt, p in zip(alts, pictures))
    assert any(alt.startswith("Kansarmoede-index in ") and "Grootste nood: " in alt for alt in alts)
    assert any("Lijndiagram van " in alt for alt in alts)
    assert any(alt.startswith("De partners van het netwerk") for alt in alts)
