"""Reading a made PDF back as text, for tests that check what it says."""

from io import BytesIO

from pypdf import PdfReader


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(data)).pages)


def squash(text: str) -> str:
    return " ".join(text.split())
