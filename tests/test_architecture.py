"""The apps depend one way: dossiers -> analyses -> netwerken.

netwerken imports neither of the others; analyses imports netwerken only; dossiers may import
both. Every import counts, also one inside a function, so a cycle cannot be hidden there.

Inside a function (or method), no module of our own apps (netwerken, analyses, dossiers, config)
is imported at all: a local import of our own code is how a cycle gets dodged. Migrations are
exempt (Django loads them on its own). Function-local imports of third-party or standard modules
are allowed, e.g. to keep a heavy library out of start-up until it is needed.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
OWN = {"netwerken", "analyses", "dossiers", "config"}
FORBIDDEN = {
    "netwerken": {"analyses", "dossiers"},
    "analyses": {"dossiers"},
    "dossiers": set(),
}


def _python_files(app: str) -> list[Path]:
    return sorted((ROOT / app).rglob("*.py"))


def _package(path: Path) -> list[str]:
    """The package a file is in (for a package's __init__.py: that package)."""
    return list(path.relative_to(ROOT).parts[:-1])


def _imported(node, path: Path) -> list[str]:
    """The full module names an import statement names, relative imports resolved."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if node.level:
        package = _package(path)
        base = package[: len(package) - node.level + 1]
        return [".".join([*base, *([node.module] if node.module else [])])]
    return [node.module or ""]


def _imports(path: Path, source: str | None = None):
    """(module name, line, inside a function) for every import in the file."""
    tree = ast.parse(path.read_text() if source is None else source, filename=str(path))
    local = set()
    for function in ast.walk(tree):
        if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            local.update(id(n) for n in ast.walk(function) if isinstance(n, (ast.Import, ast.ImportFrom)))
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            for name in _imported(node, path):
                yield name, node.lineno, id(node) in local


def _top(name: str) -> str:
    return name.split(".")[0]


@pytest.mark.parametrize("app", sorted(FORBIDDEN))
def test_an_app_imports_only_the_apps_below_it(app):
    wrong = [
        f"{path.relative_to(ROOT)}:{line} imports {name}"
        for path in _python_files(app)
        for name, line, _local in _imports(path)
        if _top(name) in FORBIDDEN[app]
    ]
    assert wrong == []


@pytest.mark.parametrize("app", sorted(OWN))
def test_no_function_imports_our_own_code(app):
    wrong = [
        f"{path.relative_to(ROOT)}:{line} imports {name} inside a function"
        for path in _python_files(app)
        if "migrations" not in path.relative_to(ROOT).parts
        for name, line, local in _imports(path)
        if local and _top(name) in OWN
    ]
    assert wrong == []


def test_the_check_sees_imports_inside_functions_and_relative_ones():
    """The checker itself: relative imports are resolved, and those in functions are marked."""
    source = (
        "from netwerken import bounds\n"
        "def f():\n    from ..models import X\n"
        "class C:\n    def m(self):\n        import dossiers.vocab\n"
    )
    found = sorted(_imports(ROOT / "analyses" / "reading" / "example.py", source))
    assert found == [("analyses.models", 3, True), ("dossiers.vocab", 6, True), ("netwerken", 1, False)]
