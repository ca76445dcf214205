"""Imports go one way through the stages (STYLE.md §1): a later stage never feeds an earlier one.

ingest → segment → nlp → analyzers → rules → report → pipeline → lint/batch → cli. A module may
import from its own layer and any layer below it, never from a layer above.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "blogtext"

#: Lowest first. Module prefixes; the longest matching prefix decides a module's layer.
LAYERS: list[tuple[str, ...]] = [
    ("blogtext.model", "blogtext.errors", "blogtext.data", "blogtext.glossary"),
    ("blogtext.config",),
    ("blogtext.ingest",),
    ("blogtext.segment",),
    ("blogtext.nlp.model",),
    ("blogtext.analyzers",),
    ("blogtext.nlp.components", "blogtext.nlp"),  # components wrap the analyzers
    ("blogtext.rules",),
    ("blogtext.report",),
    ("blogtext.pipeline",),
    ("blogtext.batch", "blogtext.lint", "blogtext.distributed"),
    ("blogtext.cli", "blogtext.__init__", "blogtext.__main__"),
]


def layer_of(module: str) -> int:
    best, best_len = -1, -1
    for index, prefixes in enumerate(LAYERS):
        for prefix in prefixes:
            if (module == prefix or module.startswith(prefix + ".")) and len(prefix) > best_len:
                best, best_len = index, len(prefix)
    return best


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return (
        ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        if parts[-1] != "__init__" or len(parts) > 1
        else parts[0]
    )


def imported_modules(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
    return [
        (line, name) for line, name in found if name == "blogtext" or name.startswith("blogtext.")
    ]


SOURCES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_architecture_imports_go_one_way(path):
    name = module_name(path)
    if path.name == "__init__.py" and path.parent == PACKAGE:
        name = "blogtext.__init__"
    own = layer_of(name)
    assert own >= 0, f"{name} is in no layer; add it to LAYERS"
    for line, imported in imported_modules(path):
        if imported == "blogtext":
            continue  # the version string
        target = layer_of(imported)
        assert target <= own, f"{name}:{line} imports {imported} from a later stage"
