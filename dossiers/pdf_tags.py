"""What WeasyPrint's PDF/UA-1 tagging leaves to us, done on its objects before they are written.

WeasyPrint 70 tags the document but
- writes the running headers and footers (the page margin boxes) as marked content that belongs
  to no element of the structure tree: neither content nor artifact, so checkers refuse it and
  some screen readers read "pagina 4 van 17" inside the text;
- gives header cells (TH) an ID but no Scope;
- takes a drawing's alternative text from its <title> only, leaving out the <desc> that says
  what the data shows.

`finish_tags` is passed to `write_pdf(finisher=...)`: it runs on pydyf's objects just before
the file is written, so nothing is parsed again. It leans on how WeasyPrint 70 and pydyf 0.13
build those objects (both pinned in pyproject.toml); tests/dossiers/test_pdf_ua.py reads the
result back with pikepdf and runs the `pdfua` checks, so an upgrade that changes them fails there.
"""

import re

import pydyf
from weasyprint.formatting_structure import boxes

SVG = "{http://www.w3.org/2000/svg}"
_REFERENCE = re.compile(rb"^(\d+) 0 R$")
_SCOPES = {"col": "/Column", "colgroup": "/Column", "row": "/Row", "rowgroup": "/Row"}


def finish_tags(document, pdf) -> None:
    if "StructTreeRoot" not in pdf.catalog:
        return
    objects = pdf.objects
    tree_root = _resolve(objects, pdf.catalog["StructTreeRoot"])
    reachable = _reachable(objects, tree_root)
    _pagination_as_artifacts(objects, pdf, tree_root, reachable)
    alternatives = {}
    for page in document.pages:
        _walk(page._page_box, alternatives)
    _describe_figures(objects, reachable, alternatives)


def _resolve(objects, reference):
    if isinstance(reference, pydyf.Object):
        return reference
    match = _REFERENCE.match(reference if isinstance(reference, bytes) else str(reference).encode())
    return objects[int(match[1])] if match else None


def _reachable(objects, tree_root) -> set[int]:
    """Numbers of the structure elements a reader reaches from the root."""
    seen: set[int] = set()
    stack = list(tree_root["K"])
    while stack:
        element = _resolve(objects, stack.pop())
        if not isinstance(element, pydyf.Dictionary) or element.number in seen:
            continue
        seen.add(element.number)
        kids = element.get("K", [])
        stack.extend(kid for kid in kids if not isinstance(kid, int))
    return seen


def _pagination_as_artifacts(objects, pdf, tree_root, reachable) -> None:
    """Marked content of elements outside the tree (the margin boxes) becomes /Artifact."""
    nums = _resolve(objects, tree_root["ParentTree"])["Nums"]
    page_refs = pdf.page_references
    for index in range(0, len(nums), 2):
        page_number, mapping = nums[index], nums[index + 1]
        if not isinstance(mapping, pydyf.Array) or page_number >= len(page_refs):
            continue  # annotations map to one element, not to a page's content
        orphans = set()
        for mcid, reference in enumerate(mapping):
            element = _resolve(objects, reference)
            if element is not None and element.number not in reachable:
                orphans.add(mcid)
                mapping[mcid] = b"null"
        if orphans:
            page = _resolve(objects, page_refs[page_number])
            _unmark(_resolve(objects, page["Contents"]), orphans)


def _unmark(stream, mcids) -> None:
    """`/Span <</MCID 3>> BDC` -> `/Artifact <</Type /Pagination>> BDC` for the given MCIDs."""
    items = stream.stream
    for position, item in enumerate(items):
        if (
            isinstance(item, pydyf.Dictionary)
            and item.get("MCID") in mcids
            and position > 0
            and position + 1 < len(items)
            and items[position + 1] == b"BDC"
        ):
            items[position - 1] = "/Artifact"
            items[position] = pydyf.Dictionary({"Type": "/Pagination"})


def _walk(box, alternatives, in_head=False) -> None:
    """Scope on every header cell; the text alternative of every drawing, by its title."""
    tag = getattr(box, "element_tag", None) if getattr(box, "element", None) is not None else None
    if tag in {"thead", "tbody", "tfoot"}:
        in_head = tag == "thead"
    if tag == "th" and isinstance(box, boxes.TableCellBox) and getattr(box, "mark", None) is not None:
        scope = _SCOPES.get(box.element.get("scope", ""))
        if scope is None:  # no scope written: a header in the table head is a column's
            scope = "/Column" if in_head else "/Row"
        box.mark["A"]["Scope"] = scope
    if tag == f"{SVG}svg":
        title = box.element.find(f"{SVG}title")
        desc = box.element.find(f"{SVG}desc")
        if title is not None and title.text:
            text = title.text.strip()
            if desc is not None and desc.text and desc.text.strip():
                text = f"{text.rstrip('.')}. {desc.text.strip()}"
            alternatives[title.text] = text
    for child in getattr(box, "children", ()):
        _walk(child, alternatives, in_head)


def _describe_figures(objects, reachable, alternatives) -> None:
    for number in reachable:
        element = objects[number]
        if element.get("S") != "/Figure" or "Alt" not in element:
            continue
        title = _text(element["Alt"])
        if title in alternatives:
            element["Alt"] = pydyf.String(alternatives[title])


def _text(string) -> str:
    return string.string if isinstance(string, pydyf.String) else str(string)
