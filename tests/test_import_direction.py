"""Data flows one way: `cycle/` and `analysis/` import nothing from the outer layers.

Walks every module of both packages with `ast` (imports inside functions included) and
fails on storage, SQL, the CLI, the web layer, formats, reports or their libraries.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "tidewise"
PURE = ("cycle", "analysis")
FORBIDDEN = (
    "tidewise.storage",
    "tidewise.cli",
    "tidewise.web",
    "tidewise.formats",
    "tidewise.reports",
    "tidewise.journal",
    "sqlite3",
    "typer",
    "click",
    "fastapi",
    "starlette",
    "uvicorn",
    "jinja2",
    "matplotlib",
    "plotly",
    "sqlalchemy",
    "sqlcipher3",
)


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{parent}.{base}" if base else parent
            names += [base] + [f"{base}.{alias.name}" for alias in node.names]
    return names


def _modules() -> list[Path]:
    return sorted(p for area in PURE for p in (PACKAGE / area).rglob("*.py"))


def _is_forbidden(name: str) -> bool:
    return any(name == f or name.startswith(f + ".") for f in FORBIDDEN)


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_pure_packages_import_nothing_from_outer_layers(path: Path) -> None:
    bad = sorted({name for name in _imports(path) if _is_forbidden(name)})
    assert bad == [], f"{path.relative_to(PACKAGE)} imports {bad}"


def test_the_checker_catches_a_forbidden_import() -> None:
    module = PACKAGE / "analysis" / "segment.py"
    assert _imports(module)  # it reads real modules
    assert _is_forbidden("tidewise.storage.store")
    assert _is_forbidden("sqlalchemy.orm")
    assert not _is_forbidden("tidewise.cycle.labels")
    assert not _is_forbidden("typerish")
