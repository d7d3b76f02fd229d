"""The layers import in one direction: no import cycles between project modules, `dialogs/` and the
plain-Python core never import `bot/`, and the core never imports botbuilder."""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("bot", "dialogs", "policy_kb", "cards", "safeguarding", "onboarding", "store", "tools", "console")
CORE = ("policy_kb", "safeguarding", "onboarding", "store", "cards")


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    found = {"app": ROOT / "app.py"}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            found[module_name(path)] = path
    return found


def imports(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """Project modules `name` imports, anywhere in it except under `if TYPE_CHECKING:`."""
    tree = ast.parse(path.read_text())
    skip = {id(n) for node in ast.walk(tree) if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
            for n in ast.walk(node)}
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name in known}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*parent, *([base] if base else [])])
            for alias in node.names:
                target = f"{base}.{alias.name}"
                found.add(target if target in known else base)
    return {m for m in found if m in known and m != name}


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imports(name, path, known) for name, path in known.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on_stack, found, counter = {}, {}, [], set(), [], [0]

    def visit(node):
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for nxt in edges.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycles():
    assert cycles(graph()) == []


def test_the_check_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_dialogs_and_the_core_do_not_import_the_bot_layer():
    offenders = {name: sorted(m for m in targets if m == "bot" or m.startswith("bot.") or m == "app")
                 for name, targets in graph().items() if name.split(".")[0] in ("dialogs", *CORE)}
    assert {name: found for name, found in offenders.items() if found} == {}


def test_the_core_imports_nothing_from_botbuilder():
    offenders = []
    for name, path in modules().items():
        if name.split(".")[0] not in CORE:
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
                offenders += [f"{name}: {n}" for n in names if n.split(".")[0] in ("botbuilder", "botframework")]
    assert offenders == []


def test_the_console_web_side_does_not_import_the_bot_layer_or_botbuilder():
    """console/ is plain aiohttp and jinja2 over the core: bot/features/console.py wires it in."""
    offenders = []
    for name, path in modules().items():
        if name.split(".")[0] != "console":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                names = [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
                offenders += [f"{name}: {n}" for n in names
                              if n.split(".")[0] in ("botbuilder", "botframework", "bot", "app", "dialogs")]
    assert offenders == []


def test_no_module_is_over_300_lines_and_bot_edge_is_under_1600():
    """A newcomer can read any module at a sitting; the edge (bot/ outside features and channels) stays small."""
    long = {name: n for name, path in modules().items() if (n := len(path.read_text().splitlines())) > 300}
    assert long == {}
    edge = sum(len(p.read_text().splitlines()) for p in (ROOT / "bot").glob("*.py"))
    assert edge < 1600, edge
