"""The one rule of CONTRIBUTING.md, read from the source: data flows down the stages, consumers
never reach back, and no two modules need each other to load (an import cycle)."""

from __future__ import annotations

import ast
from pathlib import Path

import chorus

PACKAGE = Path(chorus.__file__).parent
# What CONTRIBUTING.md calls the stages (above the line) and the consumers (below it).
STAGES = {"ingest", "segment", "represent", "select", "compose", "references", "timeline", "render", "align"}
SHARED_LEAVES = {"types", "text", "errors", "lexicon", "disjoint", "sparse"}
CONSUMERS = {"pipeline", "analysis", "batch", "batch_output", "parallel", "progress", "distributed"}
CONSUMERS |= {"evaluation", "digest", "web", "cli"}
READ_BY_RENDER = {"analysis", "digest"}  # render/ lays out their result types


def module_name(path: Path) -> str:
    parts = ["chorus", *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}


def _type_checking_only(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def imports_of(path: Path, at_load: bool) -> set[str]:
    """The chorus modules ``path`` imports: at load time only (module level, outside functions and
    ``if TYPE_CHECKING``), or anywhere (deferred imports inside functions too)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    pending: list[ast.AST] = [ast.parse(path.read_text(encoding="utf-8"))]
    while pending:
        node = pending.pop()
        if at_load and (
            isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda) or _type_checking_only(node)
        ):
            continue
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            found.add(base)
            found.update(f"{base}.{a.name}" for a in node.names)
        pending.extend(ast.iter_child_nodes(node))
    # A module's own packages are imported with it, whatever it does: not an edge of a cycle.
    return {m for m in found if m in MODULES and m != name and not name.startswith(m + ".")}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected parts of more than one module (Tarjan 1972, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, edges = work[-1]
            step = next(edges, None)
            if step is not None:
                if step not in index:
                    index[step] = low[step] = len(index)
                    stack.append(step)
                    on_stack.add(step)
                    work.append((step, iter(sorted(graph.get(step, ())))))
                elif step in on_stack:
                    low[node] = min(low[node], index[step])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                part = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    part.append(member)
                    if member == node:
                        break
                if len(part) > 1:
                    found.append(sorted(part))
    return found


def layer(module: str) -> str:
    return module.split(".")[1] if "." in module else ""


def test_the_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_two_modules_need_each_other_to_load():
    graph = {name: imports_of(path, at_load=True) for name, path in MODULES.items()}
    assert graph["chorus.cli"], "the graph holds the command's imports"
    assert cycles(graph) == []


def test_the_stages_never_import_a_consumer():
    offenders = []
    for name, path in MODULES.items():
        if layer(name) not in STAGES | SHARED_LEAVES:
            continue
        for imported in imports_of(path, at_load=False):
            allowed = layer(name) == "render" and layer(imported) in READ_BY_RENDER
            if layer(imported) in CONSUMERS and not allowed:
                offenders.append(f"{name} imports {imported}")
    assert offenders == []


def test_the_shared_leaves_import_only_each_other():
    offenders = [
        f"{name} imports {imported}"
        for name, path in MODULES.items()
        if layer(name) in SHARED_LEAVES
        for imported in imports_of(path, at_load=True)
        if layer(imported) not in SHARED_LEAVES
    ]
    assert offenders == []


def test_every_module_is_in_a_layer():
    assert {layer(name) for name in MODULES} - STAGES - SHARED_LEAVES - CONSUMERS == {""}  # "" is chorus itself
