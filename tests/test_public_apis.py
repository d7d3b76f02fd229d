"""The project uses only public APIs of botbuilder, botframework and msrest, and imports no msrest.

Every private (`_`-prefixed, not dunder) name those packages define is collected from their
source; a project module fails the test when it imports one, reads or writes one on an object,
calls one through `super()`, or overrides one in a subclass. Our own private names are ours.
"""
from __future__ import annotations

import ast
import importlib
import importlib.util
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROJECT = ("app.py", "bot", "dialogs", "policy_kb", "cards", "safeguarding", "onboarding", "store", "tools")
LIBRARIES = ("botbuilder", "botframework", "msrest")
# Classes without a leading underscore that the libraries document as internal.
INTERNAL = frozenset({"CachedBotState"})
# The one private name a class of ours may declare: msrest serialises the fields a model lists in
# its `_attribute_map`, its documented way to define a model (every generated client does). Our
# declared entities (bot/replies.py) list their own; no library class's map is read or changed.
DECLARES = frozenset({"_attribute_map"})


def project_files() -> list[Path]:
    files = []
    for entry in PROJECT:
        path = ROOT / entry
        files += [path] if path.is_file() else sorted(path.rglob("*.py"))
    return files


def private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def defined_names(tree: ast.AST) -> set[str]:
    """Private names a module defines: functions, methods, and attributes it assigns on self/cls."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and private(node.name):
            names.add(node.name)
        elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store) and private(node.attr):
            names.add(node.attr)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store) and private(node.id):
            names.add(node.id)
    return names


@lru_cache(maxsize=1)
def library_privates() -> frozenset[str]:
    names: set[str] = set()
    for package in LIBRARIES:
        for location in importlib.util.find_spec(package).submodule_search_locations:
            for path in Path(location).rglob("*.py"):
                names |= defined_names(ast.parse(path.read_text(encoding="utf-8-sig")))
    return frozenset(names)


@lru_cache(maxsize=1)
def project_privates() -> frozenset[str]:
    names: set[str] = set()
    for path in project_files():
        names |= defined_names(ast.parse(path.read_text()))
    return frozenset(names)


def library_bases(tree: ast.AST) -> set[str]:
    """Names this module imports from the libraries (classes it may subclass)."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in LIBRARIES:
            names |= {alias.asname or alias.name for alias in node.names}
    return names


def violations(path: Path) -> list[str]:
    tree = ast.parse(path.read_text())
    theirs = library_privates() - project_privates()
    found = []

    def say(node, what):
        found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {what}")

    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [f"{path.relative_to(ROOT)}:{node.lineno}: imports {a.name}" for a in node.names
                      if a.name.split(".")[0] == "msrest"]
        elif isinstance(node, ast.ImportFrom):
            top = (node.module or "").split(".")[0]
            if top == "msrest":
                say(node, f"imports from {node.module}")
            elif top in LIBRARIES:
                for alias in node.names:
                    if private(alias.name) or alias.name in INTERNAL or any(private(p) for p in node.module.split(".")):
                        say(node, f"imports {alias.name} from {node.module}")
        elif isinstance(node, ast.Attribute) and node.attr in theirs:
            say(node, f"touches {node.attr}")
        elif isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("getattr", "setattr", "hasattr"):
            if len(node.args) > 1 and isinstance(node.args[1], ast.Constant) and node.args[1].value in theirs:
                say(node, f"touches {node.args[1].value} by name")
        elif isinstance(node, ast.ClassDef):
            bases = {getattr(b, "id", getattr(b, "attr", "")) for b in node.bases}
            if bases & library_bases(tree):
                for item in node.body:
                    if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) and private(item.name) \
                            and library_defines(path, node.name, item.name):
                        say(item, f"overrides {item.name}")
                    names = [t.id for t in getattr(item, "targets", [getattr(item, "target", None)])
                             if isinstance(t, ast.Name)]
                    for name in names:
                        if private(name) and name not in DECLARES and library_defines(path, node.name, name):
                            say(item, f"overrides {name}")
    return found


def library_defines(path: Path, class_name: str, name: str) -> bool:
    """Whether a library class above `class_name` (in the module at `path`) defines `name`."""
    module = importlib.import_module(".".join(path.relative_to(ROOT).with_suffix("").parts))
    return any(name in vars(klass) for klass in getattr(module, class_name).__mro__[1:]
               if klass.__module__.split(".")[0] in LIBRARIES)


def test_no_project_module_uses_a_private_api_of_botbuilder_or_imports_msrest():
    found = [line for path in project_files() for line in violations(path)]
    assert found == []


def test_the_check_finds_what_it_forbids(tmp_path, monkeypatch):
    bad = tmp_path / "bad.py"
    bad.write_text(
        "from msrest.serialization import Serializer\n"
        "from botbuilder.core.bot_state import CachedBotState\n"
        "from botbuilder.core import TurnContext\n"
        "class Context(TurnContext):\n"
        "    async def _emit(self, plugins, arg, logic):\n"
        "        return None\n"
        "    def _our_own(self):\n"
        "        return None\n"
        "def key(state):\n"
        "    return state._context_service_key\n"
        "def key2(state):\n"
        "    return getattr(state, '_storage')\n"
        "from botbuilder.schema import Entity\n"
        "class Declared(Entity):\n"
        "    _attribute_map = {}\n"
        "    _validation = {}\n")
    monkeypatch.setattr("tests.test_public_apis.ROOT", tmp_path)
    monkeypatch.syspath_prepend(str(tmp_path))
    assert sorted(line.split(": ", 1)[1] for line in violations(bad)) == [
        "imports CachedBotState from botbuilder.core.bot_state", "imports from msrest.serialization",
        "overrides _emit", "overrides _validation", "touches _context_service_key", "touches _storage by name"]
