"""Every URL of the project has its permission rows somewhere.

Each `test_permissions*.py` module lists the URL names it covers in COVERED (and may list others
tested elsewhere in ELSEWHERE). A URL nobody covers fails this test.
"""

import importlib
from pathlib import Path

from django.urls import URLPattern, URLResolver, get_resolver

DJANGO_AUTH = {
    "logout",
    "password_change",
    "password_change_done",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
}


def _names(patterns):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":
                continue
            yield from _names(pattern.url_patterns)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield pattern.name


def _covered():
    covered = set()
    for path in Path(__file__).parent.rglob("test_permissions*.py"):
        module = ".".join(path.relative_to(Path(__file__).parent.parent).with_suffix("").parts)
        mod = importlib.import_module(module)
        covered |= set(getattr(mod, "COVERED", set())) | set(getattr(mod, "ELSEWHERE", {}))
    return covered


def test_every_url_has_permission_rows():
    missing = set(_names(get_resolver().url_patterns)) - _covered() - DJANGO_AUTH
    assert not missing, f"URLs without permission rows: {sorted(missing)}"
