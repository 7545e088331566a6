"""No two modules import each other, however far round: a circle is a hidden coupling.

grimp reads every import statement in `tidewise/` (those inside functions and under
TYPE_CHECKING too), and the test looks for strongly connected groups in that graph.
The floors themselves are kept by import-linter (`[tool.importlinter]` in pyproject.toml,
run by `make lint`); this test catches circles inside one floor, which layers cannot see.
"""

from __future__ import annotations

from collections.abc import Mapping, Set

import grimp

# Circles known today, each with a comment saying what removes it. None are left (issue
# 15 removed the last two); a new circle fails the test.
KNOWN: set[frozenset[str]] = set()


def circles(imports: Mapping[str, Set[str]]) -> list[frozenset[str]]:
    """Every group of two or more modules that reach each other (Tarjan, without recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[frozenset[str]] = []
    for root in sorted(imports):
        if root in index:
            continue
        work = [(root, iter(sorted(imports.get(root, ()))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            module, targets = work[-1]
            target = next(targets, None)
            if target is not None:
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(sorted(imports.get(target, ())))))
                elif target in on_stack:
                    low[module] = min(low[module], index[target])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[module])
            if low[module] == index[module]:
                group = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.add(member)
                    if member == module:
                        break
                if len(group) > 1:
                    found.append(frozenset(group))
    return found


def test_no_module_imports_itself_round_a_circle() -> None:
    graph = grimp.build_graph("tidewise", cache_dir=None)
    imports = {m: graph.find_modules_directly_imported_by(m) for m in graph.modules}
    new = [sorted(group) for group in circles(imports) if group not in KNOWN]
    assert new == [], f"import circles: {new}"


def test_the_finder_sees_a_circle_however_long() -> None:
    imports = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set(), "e": {"e"}}
    assert circles(imports) == [frozenset({"a", "b", "c"})]


def test_the_finder_sees_no_circle_in_a_chain() -> None:
    assert circles({"a": {"b"}, "b": {"c"}, "c": set()}) == []
