"""The packages of govcap and the imports between them, as a Mermaid diagram for
docs/architecture.md (`make docs` writes it there through cog; tests/test_docs_cli.py
checks it is current). Read from the code with grimp, the graph import-linter checks.

    python scripts/import_graph.py           # the Mermaid diagram
    python scripts/import_graph.py --cycles  # package-level import cycles (none expected)

Packages are drawn in the layers of pyproject.toml's layers contract, top to bottom; the
pure core folders (planning/core, analysis/core) are drawn apart from their app.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[1]
CORE_FOLDERS = ("govcap.planning.core", "govcap.analysis.core")


def layers() -> list[list[str]]:
    """The layers contract's layers, each a list of package names (``govcap.`` dropped)."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    contract = next(c for c in config["tool"]["importlinter"]["contracts"]
                    if c["type"] == "layers")
    return [[name.strip().removeprefix("govcap.") for name in layer.split("|")]
            for layer in contract["layers"]]


def package_of(module: str) -> str:
    """``govcap.planning.core.needs`` → ``planning.core``; ``govcap.web.views.x`` → ``web``."""
    for core in CORE_FOLDERS:
        if module == core or module.startswith(core + "."):
            return core.removeprefix("govcap.")
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def package_edges() -> dict[str, set[str]]:
    """Package → the packages it imports directly (type-checking imports included)."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    graph = grimp.build_graph("govcap", cache_dir=None)
    edges: dict[str, set[str]] = {}
    for module in graph.modules - {"govcap"}:
        source = package_of(module)
        edges.setdefault(source, set())
        for imported in graph.find_modules_directly_imported_by(module):
            target = package_of(imported)
            if target not in (source, "govcap"):
                edges[source].add(target)
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one package (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def node_id(name: str) -> str:
    return name.replace(".", "_")


def mermaid() -> str:
    edges = package_edges()
    lines = ["```mermaid", "flowchart TD"]
    placed: set[str] = set()
    for number, layer in enumerate(layers(), start=1):
        members = list(layer)
        for package in layer:  # a core folder sits in its app's layer
            members += [c.removeprefix("govcap.") for c in CORE_FOLDERS
                        if c.removeprefix("govcap.").startswith(package + ".")]
        lines.append(f'  subgraph layer{number}["layer {number}"]')
        lines += [f'    {node_id(m)}["{m}"]' for m in members]
        lines.append("  end")
        placed.update(members)
    others = sorted(set(edges) - placed)
    if others:
        lines.append('  subgraph outside["outside the layers"]')
        lines += [f'    {node_id(m)}["{m}"]' for m in others]
        lines.append("  end")
    for source in sorted(edges):
        lines += [f"  {node_id(source)} --> {node_id(target)}"
                  for target in sorted(edges[source])]
    lines.append("```")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    if argv[1:] == ["--cycles"]:
        found = cycles(package_edges())
        for group in found:
            print(" ↔ ".join(group))
        print(f"{len(found)} package-level cycle(s)")
        return 1 if found else 0
    sys.stdout.write(mermaid())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
