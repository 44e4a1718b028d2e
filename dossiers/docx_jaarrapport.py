"""The yearly report as a Word document, with the structure and labels of its PDF
(templates/dossiers/pdf/jaarrapport.html), built from the same document (jaarrapport.py) with the
Word helpers of the afsprakennota (docx_export.py, docx_layout.py)."""

from io import BytesIO

from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from docx import Document
from docx.shared import Pt

from netwerken.numbers import format_euro

from . import docx_layout
from .docx_export import BLUE, _chart, _empty, _facts, _heading, _table
from .templatetags.dossier_tags import iso_date as _iso_date


def build_jaarrapport_docx(document: dict, *, draft: bool = True) -> bytes:
    with translation.override("nl-be"):
        return _build(document, draft)


def _build(doc: dict, draft: bool) -> bytes:
    word = Document()
    title = _("Yearly report %(year)s") % {"year": doc["year"]}
    word.core_properties.title = f"{title} {doc['netwerk']['name']}"
    word.core_properties.author = doc["netwerk"]["igs_name"]
    word.core_properties.language = docx_layout.LANGUAGE
    style = word.styles["Normal"]
    style.font.name = "Open Sans"
    style.font.size = Pt(10)
    docx_layout.a4(word)
    docx_layout.proofing_language(word)
    docx_layout.page_footer(word, title, _("page {page} of {pages}"))
    _cover(word, doc, draft, title)
    _contents(word)
    _acties(word, doc)
    _metingen(word, doc)
    _financien(word, doc)
    _reflectie(word, doc)
    _zelfscan(word, doc)
    output = BytesIO()
    word.save(output)
    return output.getvalue()


def _money(value) -> str:
    return "–" if value is None else format_euro(value)


def _cover(word, doc, draft, title):
    word.add_paragraph(_("Decree on supra-local cultural work").upper()).runs[
        0
    ].font.color.rgb = docx_layout.MUTED
    heading = word.add_heading(title, level=0)
    for run in heading.runs:
        run.font.color.rgb = BLUE
    word.add_paragraph(_("bovenlokaal netwerk vrijetijdsparticipatie"))
    word.add_paragraph(doc["netwerk"]["name"]).runs[0].bold = True
    ronde = doc["ronde"]
    _facts(
        word,
        [
            (_("IGS"), doc["netwerk"]["igs_name"]),
            (_("Reference region"), doc["netwerk"]["referentieregio"]),
            (_("Afsprakennota"), ronde["name"]),
            (_("Working year"), str(doc["year"])),
            (_("Version"), _("draft, not submitted") if draft else _("submitted version")),
            (_("Date"), (doc.get("made_at") or "")[:10] or "–"),
        ],
    )
    word.add_page_break()


def _titles():
    return [
        "1. " + _("Actions carried out"),
        "2. " + _("Indicators against their targets"),
        "3. " + _("Budget: planned and realised"),
        "4. " + _("Reflection and proposed changes"),
        "5. " + _("Self-scan of the network"),
    ]


def _contents(word):
    _heading(word, _("Contents"), 1)
    for line in _titles():
        word.add_paragraph(line)
    word.add_page_break()


def _acties(word, doc):
    _heading(word, _titles()[0], 1)
    if not doc["acties"]:
        _empty(word)
    for a in doc["acties"]:
        _heading(word, f"{a['code']} {a['title']}", 2)
        reach = "–" if a["participants"] is None else str(a["participants"])
        if a["participants_kansengroepen"] is not None:
            reach += (
                " ("
                + _("of whom %(n)s from the kansengroepen") % {"n": a["participants_kansengroepen"]}
                + ")"
            )
        _facts(
            word,
            [
                (_("Status"), a["status_label"]),
                (_("What was done"), a["done"] or "–"),
                (_("Participants"), reach),
                (_("Lead partner"), a["lead_partner"]["name"] if a["lead_partner"] else "–"),
                (_("Partners that took part"), ", ".join(a["took_part"]) or "–"),
                (
                    _("Cost"),
                    f"{_('estimated')} {_money(a['estimated'])}; "
                    f"{_('realised')} {_money(a['cost'])}",
                ),
            ],
        )


def _metingen(word, doc):
    _heading(word, _titles()[1], 1)
    if not doc["metingen"]:
        _empty(word)
        return
    _table(
        word,
        [_("Action"), _("Indicator"), _("Target value"), _("Measured value"), _("Remark")],
        [
            [m["actie_code"], m["indicator"], m["target"], m["value"] or "–", m["remark"]]
            for m in doc["metingen"]
        ],
    )


def _financien(word, doc):
    _heading(word, _titles()[2], 1)
    begroting = doc["begroting"]
    if not begroting["lines"]:
        _empty(word)
        return
    word.add_paragraph(
        _(
            "Amounts in euro for %(year)s. A realised amount that differs more than 10 percent from the plan is explained."
        )
        % {"year": doc["year"]}
    )
    rows = [
        [
            f"{line['label']} ({line['kind_label']})",
            _money(line["planned"]),
            _money(line["realised"]),
            _money(line["difference"]),
            line["explanation"],
        ]
        for line in begroting["lines"]
    ]
    rows += [
        [t["label"], _money(t["planned"]), _money(t["realised"]), _money(t["difference"]), ""]
        for t in begroting["totals"]
    ]
    _table(
        word,
        [
            _("Budget line"),
            _("Planned"),
            _("Realised"),
            _("Difference"),
            _("Explanation of the deviation"),
        ],
        rows,
    )


def _reflectie(word, doc):
    _heading(word, _titles()[3], 1)
    _heading(word, _("Reflection moments"), 2)
    if not doc["reflectiemomenten"]:
        _empty(word)
    for r in doc["reflectiemomenten"]:
        _heading(word, date_format(_iso_date(r["held_on"]), "DATE_FORMAT"), 3)
        who = r["participants"] + (
            f" ({_('people in poverty took part')})" if r["people_in_poverty"] else ""
        )
        _facts(
            word,
            [
                (_("Who took part"), who),
                (_("Lessons"), r["lessons"] or "–"),
                (_("Decisions"), r["decisions"] or "–"),
            ],
        )
    _heading(word, _("Proposed changes (bijsturing)"), 2)
    if not doc["bijsturingen"]:
        _empty(word)
        return
    _table(
        word,
        [_("Proposed change"), _("From year"), _("About"), _("Status")],
        [
            [
                b["description"],
                str(b["from_year"]),
                b["actie"] or b["post"] or "–",
                b["status_label"],
            ]
            for b in doc["bijsturingen"]
        ],
    )


def _zelfscan(word, doc):
    _heading(word, _titles()[4], 1)
    scan = doc.get("zelfscan")
    if not scan:
        _empty(word)
        return
    word.add_paragraph(
        _("The latest self-scan, “%(title)s”, answered by %(n)s members.")
        % {"title": scan["title"], "n": scan["respondents"]}
    )
    _chart(word, scan["chart_svg"])
