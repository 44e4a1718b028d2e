"""The Word file's page and language, the way a Flemish reader expects them: A4, Dutch (Belgium)
proofing on every style, "pagina X van Y" in the footer, and charts as pictures with alt text.

python-docx starts from a US Letter template with English proofing; these helpers change what
its API does not reach (style languages, fields) in the XML itself.
"""

import re
from io import BytesIO

import cairosvg
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

LANGUAGE = "nl-BE"
MUTED = RGBColor(0x4A, 0x55, 0x62)
# The margins of the PDF (static/css/pdf.css).
MARGINS = {"top_margin": Mm(24), "bottom_margin": Mm(22), "left_margin": Mm(22), "right_margin": Mm(20)}


def a4(word) -> None:
    for section in word.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        for name, value in MARGINS.items():
            setattr(section, name, value)


def proofing_language(word, language: str = LANGUAGE) -> None:
    """The spelling and grammar language of the defaults and of every style."""
    styles = word.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    run_defaults = defaults.find(qn("w:rPrDefault"))
    if run_defaults is None:
        run_defaults = OxmlElement("w:rPrDefault")
        defaults.insert(0, run_defaults)
    properties = run_defaults.find(qn("w:rPr"))
    if properties is None:
        properties = OxmlElement("w:rPr")
        run_defaults.append(properties)
    _set_language(properties, language)
    for style in styles.findall(qn("w:style")):
        _set_language(style.get_or_add_rPr(), language)
    theme = word.settings.element.find(qn("w:themeFontLang"))
    if theme is not None:
        theme.set(qn("w:val"), language)


def _set_language(properties, language: str) -> None:
    lang = properties.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        # The schema's order: w:lang comes before these three.
        properties.insert_element_before(lang, "w:eastAsianLayout", "w:specVanish", "w:oMath")
    lang.set(qn("w:val"), language)


def page_footer(word, left: str, page_text: str) -> None:
    """`left` on the left, `page_text` ("pagina {page} van {pages}") on the right, with Word's
    PAGE and NUMPAGES fields; the cover page, like the PDF's, has no footer."""
    section = word.sections[0]
    section.different_first_page_header_footer = True
    paragraph = section.footer.paragraphs[0]
    paragraph.text = ""
    width = section.page_width - section.left_margin - section.right_margin
    paragraph.paragraph_format.tab_stops.add_tab_stop(width, WD_TAB_ALIGNMENT.RIGHT)
    _muted(paragraph.add_run(f"{left}\t"))
    for part in re.split(r"(\{page\}|\{pages\})", page_text):
        if part == "{page}":
            _field(paragraph, "PAGE")
        elif part == "{pages}":
            _field(paragraph, "NUMPAGES")
        elif part:
            _muted(paragraph.add_run(part))


def _muted(run):
    run.font.size = Pt(8)
    run.font.color.rgb = MUTED
    return run


def _field(paragraph, instruction: str) -> None:
    """A field Word fills in when it lays out the page (the "1" shows until it does)."""

    def char(kind):
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        return element

    code = OxmlElement("w:instrText")
    code.set(qn("xml:space"), "preserve")
    code.text = f" {instruction} "
    for part in [char("begin"), code, char("separate"), None, char("end")]:
        run = _muted(paragraph.add_run("1" if part is None else ""))
        if part is not None:
            run._r.append(part)


def picture(word, svg: str, *, title: str, description: str, width=Mm(150)) -> None:
    """A drawing of the analysis as a PNG (Word's SVG support needs a PNG beside it anyway),
    with its title and description as the picture's alt text."""
    png = cairosvg.svg2png(bytestring=svg.encode(), output_width=1000)
    shape = word.add_picture(BytesIO(png), width=width)
    properties = shape._inline.docPr
    properties.set("title", title)
    properties.set("descr", description)
