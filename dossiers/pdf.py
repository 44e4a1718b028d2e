"""The afsprakennota as a PDF, made with WeasyPrint from templates/dossiers/pdf/.

Rendering takes about a quarter of a second per page, so it runs in a background task
(dossiers/exports.py). WeasyPrint may only read our own static files: `StaticOnlyFetcher` refuses
every other address, so nothing a user writes can make the renderer fetch from elsewhere.
"""

import hashlib
import logging
import mimetypes
import time
from io import BytesIO

from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import pgettext
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

from .document import prepare
from .pdf_tags import finish_tags
from .snapshot import canonical_json

# Bump when the PDF templates or styles change, so that cached PDFs are made again.
RENDER_VERSION = 3
BASE_URL = "https://afsprakennota.invalid/"
STATIC_PREFIX = BASE_URL + "static/"
# The draft watermark is the pages' background image: WeasyPrint draws backgrounds as artifacts,
# so a screen reader does not read "CONCEPT" on every page. Made here to carry the translation.
WATERMARK_URL = BASE_URL + "generated/watermark.svg"


def watermark_svg() -> bytes:
    text = escape(pgettext("watermark", "DRAFT"))
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="210mm" height="297mm" viewBox="0 0 210 297">'
        '<text x="105" y="160" text-anchor="middle" transform="rotate(-35 105 150)" '
        'font-family="Open Sans" font-size="34" font-weight="700" letter-spacing="3" '
        f'fill="#b42318" fill-opacity="0.13">{text}</text></svg>'
    ).encode()


class StaticOnlyFetcher(URLFetcher):
    """Serves our static files to WeasyPrint and refuses everything else."""

    def __init__(self, generated=None):
        super().__init__(allowed_protocols=set())
        self.refused: list[str] = []
        self.generated = generated or {}  # {url: (body, mime type)} made by us for this render

    def fetch(self, url, headers=None):
        if url in self.generated:
            body, mime = self.generated[url]
            return URLFetcherResponse(url, body, {"Content-Type": mime})
        if url.startswith(STATIC_PREFIX):
            path = url[len(STATIC_PREFIX):].split("?")[0].split("#")[0]
            if ".." not in path.split("/"):
                found = finders.find(path) or _collected(path)
                if found:
                    with open(found, "rb") as file:
                        body = file.read()
                    mime = mimetypes.guess_type(found)[0] or "application/octet-stream"
                    return URLFetcherResponse(url, body, {"Content-Type": mime})
        self.refused.append(url)
        raise ValueError(f"Refused to fetch {url}: only our own static files are allowed")


def _collected(path):
    try:
        return staticfiles_storage.path(path) if staticfiles_storage.exists(path) else None
    except NotImplementedError:
        return None


def content_hash(document: dict, *, draft: bool) -> str:
    """What the PDF depends on: the content (not when it was read), draft or not, the renderer."""
    content = {k: v for k, v in document.items() if k != "made_at"}
    key = f"{RENDER_VERSION}|{int(draft)}|{canonical_json(content)}"
    return hashlib.sha256(key.encode()).hexdigest()


# The template of each kind of document (its `format`): the afsprakennota or a yearly report.
TEMPLATES = {
    "afsprakennota": "dossiers/pdf/document.html",
    "jaarrapport": "dossiers/pdf/jaarrapport.html",
}


def render_html(document: dict, *, draft: bool, version_number=None) -> str:
    jaarrapport = document.get("format") == "jaarrapport"
    with translation.override("nl-be"):
        return render_to_string(
            TEMPLATES["jaarrapport" if jaarrapport else "afsprakennota"],
            {
                "doc": document if jaarrapport else prepare(document),
                "draft": draft,
                "version_number": version_number,
                "static_base": STATIC_PREFIX,
                "watermark_url": WATERMARK_URL,
            },
        )


class _Progress(logging.Handler):
    def __init__(self, report):
        super().__init__()
        self.report = report

    def emit(self, record):
        self.report(record.getMessage())


def render_pdf(document: dict, *, draft: bool, version_number=None, report=None):
    """(pdf bytes, number of pages, seconds building the HTML, seconds in WeasyPrint, fetcher)."""
    start = time.perf_counter()
    html = render_html(document, draft=draft, version_number=version_number)
    html_seconds = time.perf_counter() - start
    with translation.override("nl-be"):
        fetcher = StaticOnlyFetcher({WATERMARK_URL: (watermark_svg(), "image/svg+xml")} if draft else {})
    logger = logging.getLogger("weasyprint.progress")
    handler = _Progress(report) if report else None
    old_level = logger.level
    if handler:
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
    try:
        start = time.perf_counter()
        rendered = HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher).render()
        output = BytesIO()
        rendered.write_pdf(output, pdf_variant="pdf/ua-1", finisher=finish_tags)
        layout_seconds = time.perf_counter() - start
    finally:
        if handler:
            logger.removeHandler(handler)
            logger.setLevel(old_level)
    return output.getvalue(), len(rendered.pages), html_seconds, layout_seconds, fetcher
