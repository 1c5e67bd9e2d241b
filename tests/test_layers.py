"""The import graph follows the layers of docs/architecture.md, and has no cycle.

The layers table of docs/architecture.md is the source of truth: its rows, in order, are the layers; its
`package` column names the packages (`figures/`) and top-level modules (`build.py`) of each layer. Every
module under src/jaarcijfers must be in exactly one layer and may import (at module level, inside a
function or for type checking alike) only from its own layer and the layers above it.
"""

from __future__ import annotations

import ast
import functools
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
PACKAGE = "jaarcijfers"
DOC = ROOT / "docs" / "architecture.md"


def layer_table() -> list[tuple[str, list[str]]]:
    """(layer, [`pkg/` or `module.py`, ...]) per row of the table headed `| layer | package | holds |`."""
    lines = DOC.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if re.match(r"^\|\s*layer\s*\|\s*package\s*\|", line))
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        cells = [c.strip() for c in line.strip("|").split("|")]
        rows.append((cells[0], re.findall(r"`([^`]+)`", cells[1])))
    return rows


def modules() -> dict[str, Path]:
    out = {}
    for path in sorted((SRC / PACKAGE).rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


def entry_of(module: str, path: Path) -> str:
    """The table entry a module belongs to: `pkg/` for a subpackage's module, `name.py` at the top."""
    parts = module.split(".")[1:]
    if not parts:
        return "__init__.py"
    if len(parts) > 1 or path.name == "__init__.py":
        return f"{parts[0]}/"
    return f"{parts[0]}.py"


def imports(module: str, path: Path, known: dict[str, Path]) -> list[tuple[int, str]]:
    """(line, imported module of the package) for every import statement anywhere in the module."""

    def resolve(name: str) -> str:
        while name and name not in known:
            name = name.rpartition(".")[0]
        return name

    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [(node.lineno, resolve(a.name)) for a in node.names if a.name.split(".")[0] == PACKAGE]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(up + ([base] if base else []))
            if base.split(".")[0] != PACKAGE:
                continue
            for a in node.names:
                full = f"{base}.{a.name}"
                out.append((node.lineno, full if full in known else resolve(base)))
    return [(line, target) for line, target in out if target and target != module]


@functools.cache
def graph() -> tuple[dict[str, Path], dict[str, list[tuple[int, str]]]]:
    """Parsed once per test process (three tests read it)."""
    known = modules()
    return known, {m: imports(m, p, known) for m, p in known.items()}


def test_the_table_covers_every_module_once():
    table = layer_table()
    entries = [e for _, es in table for e in es]
    assert len(entries) == len(set(entries)), "an entry is in two layers"
    known = modules()
    missing = sorted({entry_of(m, p) for m, p in known.items()} - set(entries))
    assert not missing, f"docs/architecture.md puts no layer on {missing}"
    stale = sorted(set(entries) - {entry_of(m, p) for m, p in known.items()})
    assert not stale, f"docs/architecture.md names what does not exist: {stale}"


def test_the_parser_sees_function_level_imports():
    _, edges = graph()
    assert f"{PACKAGE}.warehouse.load" in {t for _, t in edges[f"{PACKAGE}.build"]}  # inside compute_edition
    assert f"{PACKAGE}.facts.values" in {
        t for _, t in edges[f"{PACKAGE}.facts.compute"]
    }  # `from pkg import mod`


def test_no_import_runs_back_up_the_layers():
    rank = {entry: n for n, (_, entries) in enumerate(layer_table()) for entry in entries}
    names = {n: layer for n, (layer, _) in enumerate(layer_table())}
    known, edges = graph()
    wrong = []
    for module, targets in edges.items():
        here = rank[entry_of(module, known[module])]
        for line, target in targets:
            there = rank[entry_of(target, known[target])]
            if there > here:
                wrong.append(
                    f"{known[module].relative_to(ROOT)}:{line}: {module} ({names[here]}) imports {target} "
                    f"({names[there]})"
                )
    assert not wrong, "imports against the layers of docs/architecture.md:\n" + "\n".join(wrong)


def test_no_import_cycle():
    _, edges = graph()
    succ = {m: sorted({t for _, t in ts}) for m, ts in edges.items()}
    state: dict[str, int] = {}  # 1 = on the current path, 2 = done
    cycles = []

    def visit(m: str, path: list[str]) -> None:
        state[m] = 1
        for t in succ[m]:
            if state.get(t) == 1:
                cycles.append(" -> ".join(path[path.index(t) :] + [t]))
            elif t not in state:
                visit(t, path + [t])
        state[m] = 2

    for m in sorted(succ):
        if m not in state:
            visit(m, [m])
    assert not cycles, "import cycles:\n" + "\n".join(cycles)
