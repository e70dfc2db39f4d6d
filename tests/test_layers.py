"""The house stays livable: src/strikex has no import circles, no import runs back up the layers, and no
module grows past ~300 lines. Every relative import counts, at module level, inside functions and under
TYPE_CHECKING."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parents[1] / "src" / "strikex"
MAX_LINES = 310

# Lower layers never import higher ones. Within a layer, modules may import each other (no circles).
LAYERS = {
    0: {"errors", "records", "extensions", "resources", "numbers", "budget", "markup", "record_schema", "items", "types",
        "outfile", "memory", "blas"},
    1: {"datenorm", "io", "recordio", "law", "timeline", "export", "html", "warc", "db"},
    2: {"components", "attributes"},
    3: {"triage", "pipeline", "renewal", "pretrained"},
    4: {"assemble"},
    5: {"batch"},
    6: {"parallel"},
    7: {"api", "gold", "evaluate", "render", "timeline_html"},
    8: {"output", "apply", "collect", "dataset"},
    9: {"cli", "cli_app", "cli_db", "cli_export", "launch", "__main__", "__init__"},
}
LAYER = {name: level for level, names in LAYERS.items() for name in names}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> dict[str, set[str]]:
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for name, path in modules.items():
        package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.ImportFrom) and node.level):
                continue
            base = package[:len(package) - (node.level - 1)]
            stem = base + (node.module.split(".") if node.module else [])
            # "from . import api" names the submodule, not the package
            targets = ([".".join(stem)] if node.module else []) + [".".join(stem + [a.name]) for a in node.names]
            graph[name] |= {t for t in targets if t in modules and t != name}
    return graph


def layer_of(module: str) -> int:
    parts = module.split(".")
    top = parts[1] if len(parts) > 1 else "__init__"
    assert top in LAYER, f"{module}: add it to a layer in tests/test_layers.py"
    return LAYER[top]


def test_no_import_circles():
    graph = import_graph()
    seen: dict[str, int] = {}   # 1: on the current path, 2: done

    def visit(node: str, path: list[str]) -> None:
        seen[node] = 1
        for nxt in sorted(graph[node]):
            if nxt.startswith(node + "."):
                continue  # a package's __init__ importing its own submodules is not a circle
            if seen.get(nxt) == 1:
                raise AssertionError("import circle: " + " -> ".join(path[path.index(nxt):] + [nxt]))
            if nxt not in seen:
                visit(nxt, path + [nxt])
        seen[node] = 2

    for start in sorted(graph):
        if start not in seen:
            visit(start, [start])


def test_no_upward_imports():
    upward = [(a, b) for a, targets in import_graph().items() for b in targets
              if layer_of(b) > layer_of(a) and not b.startswith(a + ".")]
    assert upward == []


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_over_about_300_lines(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= MAX_LINES
