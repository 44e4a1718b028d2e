"""Small pure helpers for publishers' files: a municipality's name or NIS code as matched, a
column's letter, and the problem that stops a whole file. Numbers and years are read by
`analyses/reading/cells.py`; whole files by `analyses/reading/`.
"""

import re
import unicodedata


class FileProblem(Exception):
    """The file as a whole cannot be read; the message says why, in Dutch."""


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def normalise_name(text) -> str:
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return " ".join(re.sub(r"[-‐_]", " ", text).casefold().split())


def nis_text(cell) -> str:
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    text = str(cell).strip()
    if re.fullmatch(r"\d{4}", text):
        text = text.zfill(5)
    return text
