"""The afsprakennota as a Word document, with the same structure and labels as the PDF, for
networks that want to finish the text in Word. Built from the same dossier document (snapshot.py);
page, language, footer and pictures are set up in docx_layout.py."""

import xml.etree.ElementTree as ET
from io import BytesIO

from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from lxml import html as lxml_html

from netwerken.numbers import format_euro

from . import docx_layout
from .document import prepare
from .models import Visie

BLUE = RGBColor(0x14, 0x3A, 0x5A)
SVG = "{http://www.w3.org/2000/svg}"


def build_docx(document: dict, *, draft: bool = True) -> bytes:
    with translation.override("nl-be"):
        return _build(prepare(document), draft)


def _build(doc: dict, draft: bool) -> bytes:
    word = Document()
    word.core_properties.title = _("Afsprakennota %(netwerk)s %(first)s-%(last)s") % {
        "netwerk": doc["netwerk"]["name"],
        "first": doc["ronde"]["first_year"],
        "last": doc["ronde"]["last_year"],
    }
    word.core_properties.author = doc["netwerk"]["igs_name"]
    word.core_properties.language = docx_layout.LANGUAGE
    style = word.styles["Normal"]
    style.font.name = "Open Sans"
    style.font.size = Pt(10)
    docx_layout.a4(word)
    docx_layout.proofing_language(word)
    docx_layout.page_footer(
        word, _("Afsprakennota vrijetijdsparticipatie"), _("page {page} of {pages}")
    )

    _cover(word, doc, draft)
    word.add_paragraph(_("Part 1: afsprakennota vrijetijdsparticipatie")).runs[0].bold = True
    _analyse(word, doc)
    _visie(word, doc)
    _doelen(word, doc)
    _partners(word, doc)
    _samenwerking(word, doc)
    word.add_page_break()
    word.add_paragraph(_("Part 2: business part")).runs[0].bold = True
    _begroting(word, doc)
    _gemeenten(word, doc)
    output = BytesIO()
    word.save(output)
    return output.getvalue()


def _heading(word, text, level):
    heading = word.add_heading(text, level=level)
    for run in heading.runs:
        run.font.color.rgb = BLUE
    return heading


def _empty(word):
    paragraph = word.add_paragraph(_("not filled in yet"))
    paragraph.runs[0].italic = True


def _table(word, header, rows, numeric_from=None):
    """A table of figures with a header row that Word repeats on every page."""
    table = word.add_table(rows=1, cols=len(header))
    table.style = "Light Grid Accent 1"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    _repeat_header(table.rows[0])
    for cell, text in zip(table.rows[0].cells, header):
        cell.text = str(text)
        cell.paragraphs[0].runs[0].bold = True
    for row in rows:
        cells = table.add_row().cells
        for i, (cell, text) in enumerate(zip(cells, row)):
            cell.text = str(text)
            if numeric_from is not None and i >= numeric_from:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return table


def _repeat_header(row):
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _facts(word, rows):
    """Label and value side by side, as the PDF's fact tables: no header row above them."""
    table = word.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].width, cells[1].width = Mm(45), Mm(123)
        run = cells[0].paragraphs[0].add_run(str(label))
        run.bold = True
        run.font.color.rgb = docx_layout.MUTED
        lines = str(value).split("\n")
        paragraph = cells[1].paragraphs[0]
        for number, line in enumerate(lines):
            if number:
                paragraph.add_run().add_break()
            paragraph.add_run(line)
    word.add_paragraph()
    return table


def _cover(word, doc, draft):
    word.add_paragraph(_("Decree on supra-local cultural work").upper()).runs[0].font.color.rgb = docx_layout.MUTED
    title = word.add_heading(_("Afsprakennota"), level=0)
    for run in title.runs:
        run.font.color.rgb = BLUE
    word.add_paragraph(_("bovenlokaal netwerk vrijetijdsparticipatie"))
    word.add_paragraph(doc["netwerk"]["name"]).runs[0].bold = True
    _facts(
        word,
        [
            (_("IGS"), doc["netwerk"]["igs_name"]),
            (_("Reference region"), doc["netwerk"]["referentieregio"]),
            (_("Submission round"), doc["ronde"]["name"]),
            (_("Subsidy period"), f"{doc['ronde']['first_year']}-{doc['ronde']['last_year']}"),
            (_("Participating municipalities"), ", ".join(g["name"] for g in doc["gemeenten"]) or "–"),
            (_("Version"), _("draft, not submitted") if draft else _("submitted version")),
            (_("Date"), (doc.get("made_at") or "")[:10] or "–"),
        ],
    )
    word.add_page_break()


def _richtext(word, html, heading_level=2):
    """Headings, paragraphs, lists, bold, italic and links, as Word paragraphs. The text's own
    headings come one level below the heading it is placed under."""
    if not html:
        return
    root = lxml_html.fragment_fromstring(html, create_parent="div")
    for block in root:
        tag = block.tag
        if tag in {"h3", "h4"}:
            _heading(word, block.text_content(), heading_level)
        elif tag in {"ul", "ol"}:
            style = "List Bullet" if tag == "ul" else "List Number"
            for item in block.iter("li"):
                _runs(word.add_paragraph(style=style), item)
        else:
            _runs(word.add_paragraph(), block)


def _runs(paragraph, element, bold=False, italic=False):
    bold = bold or element.tag in {"strong", "b"}
    italic = italic or element.tag in {"em", "i"}
    if element.text:
        run = paragraph.add_run(element.text)
        run.bold, run.italic = bold, italic
    for child in element:
        if child.tag == "br":
            paragraph.add_run().add_break()
        elif child.tag in {"ul", "ol"}:
            continue
        else:
            _runs(paragraph, child, bold, italic)
            if child.tag == "a" and child.get("href") and child.get("href") != child.text_content():
                paragraph.add_run(f" ({child.get('href')})")
        if child.tail:
            run = paragraph.add_run(child.tail)
            run.bold, run.italic = bold, italic


def _analyse(word, doc):
    _heading(word, "1. " + _("Environment analysis"), 1)
    analyse = doc.get("omgevingsanalyse")
    if not analyse:
        _empty(word)
        _zelfevaluatie(word, doc)
        return
    _heading(word, _("Quantitative analysis"), 2)
    if not analyse["indicators"]:
        _empty(word)
    for ind in analyse["indicators"]:
        _heading(word, ind["name"] + (f" ({ind['unit']})" if ind["unit"] else ""), 3)
        need = (
            _("A higher value signals a greater need.")
            if ind["higher_is_worse"]
            else _("A lower value signals a greater need.")
        )
        word.add_paragraph(f"{_('Source:')} {ind['publisher']}. {need}").runs[0].font.size = Pt(9)
        for key in ("bar_svg", "line_svg"):
            _chart(word, ind.get(key))
        if ind["years"]:
            word.add_paragraph(
                _("%(name)s: every figure per municipality and year") % {"name": ind["name"]}
            ).runs[0].font.size = Pt(9)
            rows = [*ind["table"]["rows"], ind["table"]["reference"]]
            _table(word, [_("Municipality"), *ind["years"]], rows, numeric_from=1)
        paragraph = word.add_paragraph()
        paragraph.add_run(_("What the figures mean for the network") + ": ").bold = True
        paragraph.add_run(ind["interpretation"] or _("not filled in yet"))
    _heading(word, _("Qualitative analysis"), 2)
    for part in analyse["kwalitatief"]:
        _heading(word, part["label"], 3)
        if not part["answered"]:
            _empty(word)
        for question, answer in part["rows"]:
            if answer:
                word.add_paragraph(question).runs[0].bold = True
                word.add_paragraph(answer)
    _heading(word, _("SWOT"), 2)
    if analyse["swot"]:
        rows = [
            (capfirst(group["label"]), s["text"], s["source_label"] or "–")
            for group in analyse["swot_groups"]
            for s in group["items"]
        ]
        _table(word, [_("Kind"), _("Description"), _("Where it comes from")], rows)
    else:
        _empty(word)
    _heading(word, _("Thresholds"), 2)
    if not analyse["drempels"]:
        _empty(word)
    for d in analyse["drempels"]:
        _labelled(word, capfirst(d["label"]), d["description"])
        _notes(word, [(_("Groups"), d["doelgroep_labels"]), (_("Municipalities"), d["gemeente_names"])])
    _heading(word, _("Kansengroepen in the region"), 2)
    if not analyse["kansengroepen"]:
        _empty(word)
    for k in analyse["kansengroepen"]:
        _labelled(word, capfirst(k["label"]) + (f": {k['name']}" if k["name"] else ""), k["description"])
        _notes(word, [(_("Municipalities"), k["gemeente_names"])])
    _heading(word, _("How people in poverty were heard"), 2)
    if not analyse["bevragingen"]:
        _empty(word)
    for b in analyse["bevragingen"]:
        people = ngettext("%(n)s person", "%(n)s people", b["participants"]) % {"n": b["participants"]}
        _labelled(word, f"{capfirst(b['method_label'])} ({b['period']}, {people})", b["description"])
    _heading(word, _("The network as a picture"), 2)
    if not _chart(word, analyse.get("netwerkbeeld_svg")):
        _empty(word)
    _zelfevaluatie(word, doc)


def _zelfevaluatie(word, doc):
    if doc.get("zelfevaluatie"):
        _heading(word, _("Self-evaluation"), 2)
        _richtext(word, doc["zelfevaluatie"]["text"], heading_level=3)


def _chart(word, svg) -> bool:
    """The drawing as a picture, its SVG title and description as the alt text."""
    if not svg:
        return False
    root = ET.fromstring(svg)
    title = root.findtext(f"{SVG}title") or ""
    desc = root.findtext(f"{SVG}desc") or ""
    docx_layout.picture(word, svg, title=title, description=f"{title.rstrip('.')}. {desc}".strip(". "))
    return True


def _labelled(word, label, text):
    paragraph = word.add_paragraph()
    paragraph.add_run(label + ". ").bold = True
    paragraph.add_run(text or "")


def _notes(word, notes):
    for label, values in notes:
        if values:
            word.add_paragraph(f"{label}: {', '.join(values)}").runs[0].font.size = Pt(9)


def _visie(word, doc):
    _heading(word, "2. " + _("Vision"), 1)
    visie = doc.get("visie")
    if not visie or not visie["text_plain"]:
        _empty(word)
    else:
        _richtext(word, visie["text"])
    _heading(word, _("Taking part or having a share"), 2)
    if visie and visie["vorm"]:
        word.add_paragraph(capfirst(visie["vorm_label"])).runs[0].bold = True
        if visie["vorm_motivation"]:
            word.add_paragraph(visie["vorm_motivation"])
    else:
        _empty(word)
    _heading(word, _("Guiding questions for a shared vision"), 2)
    for label, answer in (visie or {}).get("question_rows", [(str(l), "") for _n, l in Visie.QUESTIONS]):
        word.add_paragraph(label).runs[0].bold = True
        word.add_paragraph(answer or _("not filled in yet"))
    _heading(word, _("The voice of people in poverty"), 2)
    word.add_paragraph(capfirst((visie or {}).get("inspraak_label") or "–"))


def _doelen(word, doc):
    _heading(word, "3. " + _("Strategic and operational objectives"), 1)
    if not doc["doelstellingen"]:
        _empty(word)
    for sd in doc["doelstellingen"]:
        _heading(word, f"{sd['code']} {sd['title']}", 2)
        if sd["description"]:
            word.add_paragraph(sd["description"])
        for od in sd["ods"]:
            _heading(word, f"{od['code']} {od['title']}", 3)
            if od["description"]:
                word.add_paragraph(od["description"])
            if od["acties"]:
                codes = ", ".join(a["code"] for a in od["acties"])
                word.add_paragraph(f"{_('Actions')}: {codes}").runs[0].font.size = Pt(9)
    _heading(word, "4. " + _("Actions"), 1)
    _heading(word, _("Actions per objective"), 2)
    if not doc["doelstellingen"]:
        _empty(word)
    for sd in doc["doelstellingen"]:
        for od in sd["ods"]:
            _heading(word, f"{od['code']} {od['title']}", 3)
            if not od["acties"]:
                _empty(word)
            for actie in od["acties"]:
                _actie(word, actie)
    _heading(word, _("Actions per working year"), 2)
    for year in doc["plan"]:
        _heading(word, _("Working year %(year)s") % {"year": year["year"]}, 3)
        if year["acties"]:
            _table(
                word,
                [_("Action"), _("Lead partner"), _("Estimated cost")],
                [
                    (
                        f"{a['code']} {a['title']}",
                        a["lead_name"] or "–",
                        format_euro(a["costs"][str(year["year"])]) if str(year["year"]) in a["costs"] else "",
                    )
                    for a in year["acties"]
                ],
                numeric_from=2,
            )
        else:
            word.add_paragraph(_("No actions planned in this year."))


def _actie(word, actie):
    _heading(word, f"{actie['code']} {actie['title']}", 4)
    if actie["description"]:
        word.add_paragraph(actie["description"])
    _facts(
        word,
        [
            (_("Working years"), ", ".join(map(str, actie["years"])) or "–"),
            (_("Lead partner"), actie["lead_name"] or "–"),
            (_("Other partners"), ", ".join(actie["partner_names"]) or "–"),
            (_("Target groups"), ", ".join(actie["doelgroep_labels"]) or "–"),
            (_("Thresholds tackled"), ", ".join(actie["drempel_labels"]) or "–"),
            (_("Indicators"), "\n".join(f"{i['name']}: {i['target']}" for i in actie["indicators"]) or "–"),
            (_("Estimated cost"), "\n".join(f"{y}: {format_euro(a)}" for y, a in actie["costs"].items()) or "–"),
            (_("People in poverty"), actie["inspraak_label"] or "–"),
        ],
    )


def _partners(word, doc):
    _heading(word, "5. " + _("Partners and involvement"), 1)
    if not doc["partner_list"]:
        _empty(word)
    for partner in doc["partner_list"]:
        _heading(word, partner["name"], 2)
        where = partner["gemeente_name"] or _("regional")
        meta = word.add_paragraph(f"{capfirst(partner['kind_label'])} · {where} · {partner['level_label']}")
        meta.runs[0].font.color.rgb = docx_layout.MUTED
        _facts(
            word,
            [
                (_("Involved today"), partner["involvement"] or "–"),
                (_("Will be involved"), partner["future_involvement"] or "–"),
                (_("Leads"), "\n".join(f"{a['code']} {a['title']}" for a in partner["leads"]) or "–"),
                (_("Takes part in"), "\n".join(f"{a['code']} {a['title']}" for a in partner["joins"]) or "–"),
                (_("Confirmation"), _confirmation(partner.get("confirmation"))),
            ],
        )


def _samenwerking(word, doc):
    """The same order and labels as templates/dossiers/pdf/_samenwerking.html."""
    _heading(word, "5b. " + _("Cooperation agreements"), 1)
    part = doc.get("samenwerking")
    if not part:
        _empty(word)
        return
    _heading(word, _("Consultation bodies"), 2)
    if part["bodies"]:
        _table(
            word,
            [_("Name"), _("Purpose"), _("Members"), _("Meetings a year")],
            [
                (b["name"], b["purpose"] or "–",
                 "; ".join(x for x in [", ".join(b["members"]), b["people"]] if x), b["per_year"])
                for b in part["bodies"]
            ],
        )
        word.add_paragraph()
    else:
        _empty(word)
    _heading(word, _("Network roles"), 2)
    _facts(word, [(capfirst(r["label"]), ", ".join(r["people"]) or "–") for r in part["roles"]])
    for label, html in part["text_rows"]:
        _heading(word, label, 2)
        if html:
            _richtext(word, html, heading_level=3)
        else:
            _empty(word)
    _heading(word, _("Monitoring plan"), 2)
    if part["monitoring"]:
        what = lambda m: "\n".join(  # noqa: E731
            x for x in [f"{m['actie']} · {m['indicator']}" if m["actie"] else "", m["measure"]] if x
        )
        _table(
            word,
            [_("What is measured"), _("When"), _("By whom")],
            [(what(m), m["moment"], m["by_whom"]) for m in part["monitoring"]],
        )
        word.add_paragraph()
    else:
        _empty(word)
    _heading(word, _("Reflection moments"), 2)
    for m in part["reflectiemomenten"]:
        when = m["year"] or _("Every year")
        extra = f" ({m['participants']})" if m["participants"] else ""
        word.add_paragraph(f"{when}: {m['moment']}{extra}", style="List Bullet")
    if not part["reflectiemomenten"]:
        _empty(word)


def _confirmation(confirmation) -> str:
    """The same sentence as the PDF's (templates/dossiers/pdf/_partners.html)."""
    if not confirmation:
        return _("not yet")
    answer = _("confirmed") if confirmation["answer"] == "confirmed" else _("declined")
    text = f"{answer} ({confirmation['by']}, {confirmation['at'][:10]})"
    if not confirmation["current"]:
        text += ", " + _("lapsed: the description changed since")
    if confirmation.get("remark"):
        text += f": “{confirmation['remark']}”"
    return text


def _begroting(word, doc):
    _heading(word, "6. " + _("Multi-year budget"), 1)
    budget = doc["budget"]
    if not (budget["expenses"] or budget["income"]):
        _empty(word)
        return
    years = budget["years"]
    rows = [(_("Expenses"), *[""] * (len(years) + 1))]
    rows += [(r["label"], *[format_euro(v, False) for v in r["values"]], format_euro(r["total"], False)) for r in budget["expenses"]]
    rows.append((_("Total expenses"), *[format_euro(v, False) for v in budget["expense_totals"]], format_euro(budget["expense_total"], False)))
    rows.append((_("Income"), *[""] * (len(years) + 1)))
    rows += [(r["label"], *[format_euro(v, False) for v in r["values"]], format_euro(r["total"], False)) for r in budget["income"]]
    rows.append((_("Total income"), *[format_euro(v, False) for v in budget["income_totals"]], format_euro(budget["income_total"], False)))
    rows.append((_("Balance (income minus expenses)"), *[format_euro(v, False) for v in budget["balance"]], format_euro(budget["balance_total"], False)))
    rows.append((_("Estimated costs of the actions"), *[format_euro(v, False) for v in budget["action_costs"]], ""))
    _table(word, [_("Budget line"), *years, _("Total")], rows, numeric_from=1)


def _gemeenten(word, doc):
    _heading(word, "7. " + _("Participating municipalities"), 1)
    if not doc["gemeenten"]:
        _empty(word)
        return
    _table(
        word,
        [_("Municipality"), _("Contact"), _("Email and phone"), _("Postal address")],
        [
            (
                f"{g['name']} ({g['nis_code']})",
                " – ".join(x for x in [g["contact"]["name"], g["contact"]["function"]] if x) or "–",
                " / ".join(x for x in [g["contact"]["email"], g["contact"]["phone"]] if x) or "–",
                g["contact"]["address"] or "–",
            )
            for g in doc["gemeenten"]
        ],
    )
