"""Every sideways-scrolling wrapper can be reached by keyboard and has a name (WCAG 2.1.1, axe
`scrollable-region-focusable`).

Reads the templates, renders nothing: each opening tag whose class list holds `table-responsive`
must carry `tabindex="0"`, `role="region"` and an `aria-label` or `aria-labelledby`. The budget grid
is the one exception: a keyboard reaches it through its own fields, and its `tabindex="-1"` lets
the "Go to the budget table" link move focus to it.
"""

import re
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
WRAPPER = re.compile(r'<[a-z]+\b[^>]*\bclass="[^"]*\btable-responsive\b[^"]*"[^>]*>', re.DOTALL)
REACHED_THROUGH_ITS_FIELDS = {'id="budget-grid"'}


def _faults(tag: str) -> list[str]:
    """What the opening tag of a scrolling wrapper lacks (nothing for the exempt budget grid)."""
    if any(marker in tag for marker in REACHED_THROUGH_ITS_FIELDS):
        return []
    faults = []
    if 'tabindex="0"' not in tag:
        faults.append('tabindex="0"')
    if 'role="region"' not in tag:
        faults.append('role="region"')
    if not re.search(r'\baria-label(ledby)?="[^"]+"', tag):
        faults.append("aria-label or aria-labelledby")
    return faults


def _wrappers() -> list[tuple[str, int, str]]:
    """Each scrolling wrapper's opening tag, with its template and line."""
    found = []
    for path in sorted(TEMPLATES.rglob("*.html")):
        text = path.read_text()
        for match in WRAPPER.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            found.append((str(path.relative_to(TEMPLATES)), line, match.group()))
    return found


def test_it_finds_the_wrappers():
    assert len(_wrappers()) > 30


def test_it_names_what_a_bare_wrapper_lacks():
    assert _faults('<div class="card table-responsive mb-4">') == [
        'tabindex="0"',
        'role="region"',
        "aria-label or aria-labelledby",
    ]
    assert _faults('<div class="table-responsive" tabindex="0" role="region" aria-labelledby="t">') == []


def test_it_makes_every_scrolling_wrapper_a_named_region_a_keyboard_reaches():
    faults = [
        f"{name}:{line} lacks {', '.join(missing)}"
        for name, line, tag in _wrappers()
        if (missing := _faults(tag))
    ]
    assert not faults, "\n".join(faults)
