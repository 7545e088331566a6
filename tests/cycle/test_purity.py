"""cycle/ is pure: stdlib, numpy and its own package only."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import tidewise.cycle

ALLOWED_THIRD_PARTY = {"numpy"}


def imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def test_cycle_imports_only_stdlib_numpy_and_itself() -> None:
    package = Path(tidewise.cycle.__file__).parent
    for path in sorted(package.glob("*.py")):
        for name in imported_roots(path):
            root = name.split(".")[0]
            if name.startswith("tidewise."):
                assert name.startswith("tidewise.cycle"), (path.name, name)
            else:
                assert root in sys.stdlib_module_names or root in ALLOWED_THIRD_PARTY, (
                    path.name,
                    name,
                )
