"""The environment analysis in the Word export (filled in by the analysis' own document part)."""


def docx_analyse(word, analyse, *, heading) -> bool:
    """Write the analysis into the Word document; False when there is nothing to write."""
    return False
