"""The layout holds: no import circle in src/, and the core never imports Textual.

import-linter checks the same and more (`make check`); this keeps the two
promises inside the test suite, with nothing but the standard library.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"
CORE = (
    "byline.model",
    "byline.storage",
    "byline.corpus",
    "byline.search",
    "byline.userdata",
    "byline.load",
    "byline.feeds",
    "byline.people",
    "byline.extract",
)


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> dict[str, set[str]]:
    """Each module of `byline` and the modules it imports, at any depth in its code."""
    modules = {module_name(path): path for path in SRC.rglob("*.py")}
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    base = ".".join(
                        package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else [])
                    )
                # `from package import module` imports the module; `from module import name`, the module.
                targets = [
                    f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base for alias in node.names
                ]
            else:
                continue
            graph[name].update(target for target in targets if target in modules or target.split(".")[0] != "byline")
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for target in sorted(graph.get(node, ())):
            if target not in graph:
                continue
            if state.get(target) == 1:
                return path[path.index(target) :] + [target]
            if target not in state and (cycle := visit(target)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_no_import_circle_in_src() -> None:
    cycle = find_cycle(import_graph())
    assert cycle is None, "import circle: " + " -> ".join(cycle or [])


def test_the_cycle_finder_finds_one() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


def test_the_core_never_imports_textual_or_the_tui() -> None:
    graph = import_graph()
    for name, targets in graph.items():
        if name.startswith(CORE):
            bad = {t for t in targets if t.split(".")[0] == "textual" or t.startswith(("byline.tui", "byline.cli"))}
            assert not bad, f"{name} imports {bad}"


MODULE_MAX_LINES = 400
APP_MAX_LINES = 250


def test_modules_stay_small_enough_to_read() -> None:
    """Small modules with one concern each: none past 400 lines, and the App a thin shell."""
    long = {
        str(path.relative_to(SRC)): lines
        for path in SRC.rglob("*.py")
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MODULE_MAX_LINES
    }
    assert not long, long
    app = SRC / "byline" / "tui" / "app.py"
    assert len(app.read_text(encoding="utf-8").splitlines()) < APP_MAX_LINES
