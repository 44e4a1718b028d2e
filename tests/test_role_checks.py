"""Roles are asked only through the permission table.

Views, services and templates ask `Access` (`access.can_edit`, `overall.can_review`), never the
user's flags or membership role themselves: otherwise a change in who may do what would have to
be made in several places. The places below define the roles and may name them.
"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCANNED = [
    ("netwerken", "*.py"), ("dossiers", "*.py"), ("analyses", "*.py"), ("templates", "*.html"),
]

ROLE_CHECK = re.compile(
    r"\b(is_reviewer|is_superuser|is_staff)\b"  # the flags on the account
    r"|\bMembership\.Role\b"  # the roles in a network
    r"|\brole\s*[!=]="  # comparing someone's role
)

ALLOWED = {
    "netwerken/permissions.py": "the permission table itself",
    "netwerken/models.py": "defines the flags and the membership roles",
    "netwerken/admin.py": "the administration site sets the flags",
    "netwerken/forms.py": "the member form chooses a role",
    "netwerken/demo.py": "seeds the demo users with their roles",
    "dossiers/models/nota.py": "a dossier's reviewer is chosen among publiq staff",
}


def _scanned_files():
    for folder, pattern in SCANNED:
        for path in sorted((ROOT / folder).rglob(pattern)):
            relative = path.relative_to(ROOT).as_posix()
            if "/migrations/" not in relative:
                yield relative, path


def test_roles_are_checked_only_through_the_permission_table():
    offenders = [
        f"{relative}:{number}: {line.strip()}"
        for relative, path in _scanned_files()
        if relative not in ALLOWED
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if ROLE_CHECK.search(line)
    ]
    assert offenders == [], "Ask netwerken.permissions instead:\n" + "\n".join(offenders)


def test_the_allow_list_holds_only_files_that_need_it():
    needless = [
        relative
        for relative in ALLOWED
        if not ROLE_CHECK.search((ROOT / relative).read_text())
    ]
    assert needless == []


def test_the_scan_finds_a_role_check():
    assert ROLE_CHECK.search("if request.user.is_reviewer or user.is_superuser:")
    assert ROLE_CHECK.search("{% if user.is_staff %}")
    assert ROLE_CHECK.search("access.roles == {Membership.Role.PARTNER}")
    assert ROLE_CHECK.search("if membership.role == 'partner':")
    assert not ROLE_CHECK.search("{% if access.can_edit %}")
