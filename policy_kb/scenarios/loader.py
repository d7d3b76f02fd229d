"""Load scenario YAML files and check them against the knowledge base.

Checks: every choice leads to a node, every outcome cites clauses that exist, no node is
unreachable, no path loops, no path asks the same slot twice, every path ends at an outcome
that has at least one action for the answers given on it.
"""
from __future__ import annotations

import re
from pathlib import Path
from types import MappingProxyType
from typing import Any, Iterator, Mapping

import yaml

from policy_kb.model import CONTACTS, KnowledgeBase

from .model import REPORT_FIELDS, Action, AgeBand, Choice, Contact, Node, Outcome, Question, Scenario, ScenarioBook, ScenarioError

DEFAULT_DIRECTORY = Path(__file__).resolve().parent
# libyaml's safe loader when the machine has it (several times faster), else the pure-Python one.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_SCENARIO_KEYS = {"id", "order", "title", "description", "key_clauses", "recognise", "report", "start", "nodes"}
_QUESTION_KEYS = {"ask", "short", "slot", "hint", "choices", "ages"}
_CHOICE_KEYS = {"value", "label", "next", "synonyms", "cues", "report"}
_OUTCOME_KEYS = {"title", "intro", "actions", "contacts", "offer_report"}
_ACTION_KEYS = {"do", "clauses", "guidance", "when"}


def load_scenarios(kb: KnowledgeBase, directory: Path | None = None) -> ScenarioBook:
    """Every scenarios/*.yaml file, validated; raises ScenarioError saying what is wrong and where."""
    root = Path(directory) if directory is not None else DEFAULT_DIRECTORY
    files = sorted(root.glob("*.yaml"))
    if not files:
        raise ScenarioError(f"{root}: no scenario files (*.yaml) found")
    scenarios: list[Scenario] = []
    for path in files:
        scenario = _scenario(path, _read(path), kb)
        for other in scenarios:
            if other.id == scenario.id or other.order == scenario.order:
                raise ScenarioError(f"{path}: scenario {scenario.id!r}: id or order already used by {other.id!r}")
        scenarios.append(scenario)
    return ScenarioBook(tuple(sorted(scenarios, key=lambda s: s.order)))


def _read(path: Path) -> Any:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER)
    except yaml.YAMLError as exc:
        raise ScenarioError(f"{path}: not valid YAML: {exc}") from exc


def _fail(where: str, problem: str):
    raise ScenarioError(f"{where}: {problem}")


def _text(where: str, data: dict, key: str, required: bool = True) -> str:
    value = data.get(key, "" if not required else None)
    if not isinstance(value, str) or (required and not value.strip()):
        _fail(where, f"'{key}' must be a non-empty string")
    return " ".join(value.split())


def _strings(where: str, data: dict, key: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        _fail(where, f"'{key}' must be a list of non-empty strings")
    return tuple(value)


def _keys(where: str, data: Any, allowed: set[str]) -> dict:
    if not isinstance(data, dict):
        _fail(where, "must be a mapping")
    unknown = set(data) - allowed
    if unknown:
        _fail(where, f"unknown field(s) {sorted(unknown)}")
    return data


def _patterns(where: str, data: dict, key: str) -> tuple[re.Pattern, ...]:
    found = []
    for source in _strings(where, data, key):
        try:
            found.append(re.compile(source, re.IGNORECASE))
        except re.error as exc:
            _fail(where, f"{key} pattern {source!r} is not a valid regular expression: {exc}")
    return tuple(found)


def _report(where: str, data: Any) -> Mapping[str, str]:
    data = _keys(where + ": report", data or {}, set(REPORT_FIELDS) - {"scenario", "summary"})
    for key, value in data.items():
        allowed = REPORT_FIELDS[key]
        if not isinstance(value, str) or (allowed is not None and value not in allowed):
            _fail(where, f"report {key} {value!r} must be one of {list(allowed or ['a string'])}")
    return MappingProxyType(dict(data))


def _clause_ids(where: str, data: dict, key: str, kb: KnowledgeBase) -> tuple[str, ...]:
    ids = _strings(where, data, key)
    missing = [c for c in ids if c not in kb.by_id]
    if missing:
        _fail(where, f"clause id(s) {missing} do not exist in the knowledge base")
    return ids


def _scenario(path: Path, data: Any, kb: KnowledgeBase) -> Scenario:
    where = str(path)
    data = _keys(where, data, _SCENARIO_KEYS)
    sid = data.get("id")
    if not isinstance(sid, str) or not _ID.match(sid):
        _fail(where, "'id' must be a lower-case word (letters, digits, _)")
    where = f"{path}: scenario {sid!r}"
    if not isinstance(data.get("order"), int):
        _fail(where, "'order' must be a whole number")
    key_clauses = _clause_ids(where, data, "key_clauses", kb)
    if not key_clauses:
        _fail(where, "'key_clauses' must name at least one clause")
    recognise = _keys(where + ": recognise", data.get("recognise"), {"situations", "topics"})
    situations = _patterns(where, recognise, "situations")
    if not situations:
        _fail(where, "recognise: 'situations' needs at least one pattern")
    raw_nodes = data.get("nodes")
    if not isinstance(raw_nodes, dict) or not raw_nodes:
        _fail(where, "'nodes' must be a non-empty mapping")
    nodes: dict[str, Node] = {}
    for node_id, raw in raw_nodes.items():
        if not isinstance(node_id, str) or not _ID.match(node_id):
            _fail(where, f"node id {node_id!r} must be a lower-case word")
        nodes[node_id] = _node(f"{where}: node {node_id!r}", node_id, raw, kb)
    scenario = Scenario(
        id=sid, order=data["order"], title=_text(where, data, "title"),
        description=_text(where, data, "description"), key_clauses=key_clauses,
        start=_text(where, data, "start"), nodes=MappingProxyType(nodes), situations=situations,
        topics=_patterns(where, recognise, "topics"), report=_report(where, data.get("report")))
    _check_graph(where, scenario)
    return scenario


def _node(where: str, node_id: str, raw: Any, kb: KnowledgeBase) -> Node:
    if isinstance(raw, dict) and "outcome" in raw:
        if set(raw) != {"outcome"}:
            _fail(where, "an outcome node holds only 'outcome'")
        return _outcome(where, node_id, raw["outcome"], kb)
    raw = _keys(where, raw, _QUESTION_KEYS)
    choices = raw.get("choices")
    if not isinstance(choices, list) or len(choices) < 2:
        _fail(where, "'choices' must list at least two answers")
    parsed = tuple(_choice(f"{where}: choice #{i}", c) for i, c in enumerate(choices))
    values = [c.value for c in parsed]
    if len(set(values)) != len(values):
        _fail(where, "choice values must be distinct")
    question = Question(id=node_id, ask=_text(where, raw, "ask"), short=_text(where, raw, "short"),
                        slot=_text(where, raw, "slot"), choices=parsed, hint=_text(where, raw, "hint", False),
                        ages=_ages(where, raw.get("ages"), set(values)))
    return question


def _choice(where: str, raw: Any) -> Choice:
    raw = _keys(where, raw, _CHOICE_KEYS)
    value = raw.get("value")
    if not isinstance(value, str) or not _ID.match(value):
        _fail(where, "'value' must be a lower-case word")
    where = where.rsplit(": choice", 1)[0] + f": choice {value!r}"
    return Choice(value=value, label=_text(where, raw, "label"), next=_text(where, raw, "next"),
                  synonyms=_strings(where, raw, "synonyms"), cues=_patterns(where, raw, "cues"),
                  report=_report(where, raw.get("report")))


def _ages(where: str, raw: Any, values: set[str]) -> tuple[AgeBand, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list) or not raw:
        _fail(where, "'ages' must be a list of bands")
    bands = []
    for band in raw:
        band = _keys(where + ": ages", band, {"from", "below", "choice"})
        low, high = band.get("from", 0), band.get("below")
        if not isinstance(low, int) or (high is not None and (not isinstance(high, int) or high <= low)):
            _fail(where, "each age band needs whole numbers with 'from' < 'below'")
        if band.get("choice") not in values:
            _fail(where, f"age band choice {band.get('choice')!r} is not one of the choices")
        bands.append(AgeBand(low, high, band["choice"]))
    bands.sort(key=lambda b: b.low)
    expected = 0
    for band in bands:
        if band.low != expected:
            _fail(where, f"age bands must cover every age from 0 without gaps or overlaps (at {expected})")
        expected = band.high
        if expected is None and band is not bands[-1]:
            _fail(where, "only the last age band may be open-ended")
    if bands[-1].high is not None:
        _fail(where, "the last age band must be open-ended (no 'below')")
    return tuple(bands)


def _outcome(where: str, node_id: str, raw: Any, kb: KnowledgeBase) -> Outcome:
    raw = _keys(where, raw, _OUTCOME_KEYS)
    actions_raw = raw.get("actions")
    if not isinstance(actions_raw, list) or not actions_raw:
        _fail(where, "'actions' must list at least one action")
    actions = []
    for i, item in enumerate(actions_raw):
        at = f"{where}: action #{i + 1}"
        item = _keys(at, item, _ACTION_KEYS)
        clauses = _clause_ids(at, item, "clauses", kb)
        guidance = item.get("guidance", False)
        if guidance not in (True, False) or bool(clauses) == bool(guidance):
            _fail(at, "needs either 'clauses' (policy) or 'guidance: true' (safeguarding guidance), not both")
        actions.append(Action(_text(at, item, "do"), clauses, _when(at, item.get("when"))))
    if not any(a.clauses for a in actions):
        _fail(where, "an outcome must cite at least one clause of the policy")
    contacts_raw = raw.get("contacts")
    if not isinstance(contacts_raw, list) or not contacts_raw:
        _fail(where, "'contacts' must list who to contact")
    contacts = []
    for item in contacts_raw:
        item = {"who": item} if isinstance(item, str) else _keys(where + ": contacts", item, {"who", "when"})
        if item.get("who") not in CONTACTS:
            _fail(where, f"contact {item.get('who')!r} is not one of {list(CONTACTS)}")
        contacts.append(Contact(item["who"], _when(where, item.get("when"))))
    offer = raw.get("offer_report", False)
    if offer not in (True, False):
        _fail(where, "'offer_report' must be true or false")
    return Outcome(id=node_id, title=_text(where, raw, "title"), actions=tuple(actions), contacts=contacts,
                   intro=_text(where, raw, "intro", False), offer_report=offer)


def _when(where: str, raw: Any) -> Mapping[str, tuple[str, ...]]:
    if not isinstance(raw or {}, dict):
        _fail(where, "'when' must map slots to values")
    when = {}
    for slot, values in (raw or {}).items():
        values = [values] if isinstance(values, str) else values
        if not isinstance(values, list) or not values or not all(isinstance(v, str) for v in values):
            _fail(where, f"when {slot!r} must be a value or a list of values")
        when[slot] = tuple(values)
    return MappingProxyType(when)


def paths(scenario: Scenario) -> Iterator[tuple[tuple[str, str], ...]]:
    """Every route from the start to an outcome, as ((node id, choice value), ...) pairs."""
    def walk(node_id: str, route: tuple[tuple[str, str], ...], seen: tuple[str, ...]):
        node = scenario.nodes[node_id]
        if isinstance(node, Outcome):
            yield route + ((node_id, ""),)
            return
        for choice in node.choices:
            if choice.next in seen:
                raise ScenarioError(f"scenario {scenario.id!r}: path {' -> '.join(seen + (choice.next,))} loops")
            yield from walk(choice.next, route + ((node_id, choice.value),), seen + (choice.next,))
    yield from walk(scenario.start, (), (scenario.start,))


def _check_graph(where: str, scenario: Scenario) -> None:
    nodes = scenario.nodes
    if scenario.start not in nodes:
        _fail(where, f"start node {scenario.start!r} does not exist")
    slots: dict[str, set[str]] = {}
    for node in nodes.values():
        if isinstance(node, Question):
            slots.setdefault(node.slot, set()).update(c.value for c in node.choices)
            for choice in node.choices:
                if choice.next not in nodes:
                    _fail(where, f"node {node.id!r}: choice {choice.value!r} leads to {choice.next!r}, "
                                 "which does not exist")
    for outcome in scenario.outcomes():
        for action in (*outcome.actions, *outcome.contacts):
            for slot, values in action.when.items():
                unknown = set(values) - slots.get(slot, set())
                if slot not in slots or unknown:
                    _fail(where, f"outcome {outcome.id!r}: 'when' names {slot}={sorted(unknown) or slot}, "
                                 "which no question asks")
    reached: set[str] = set()
    try:
        routes = list(paths(scenario))
    except ScenarioError as exc:  # a loop
        _fail(where, str(exc).split(": ", 1)[-1])
    for route in routes:
        answers: dict[str, str] = {}
        for node_id, value in route:
            reached.add(node_id)
            node = nodes[node_id]
            if isinstance(node, Question):
                if node.slot in answers:
                    _fail(where, f"a path asks {node.slot!r} twice (at {node_id!r})")
                answers[node.slot] = value
            elif not node.actions_for(answers) or not node.contacts_for(answers):
                _fail(where, f"outcome {node_id!r} has no action or no contact for answers {answers}")
    unreachable = sorted(set(nodes) - reached)
    if unreachable:
        _fail(where, f"node(s) {unreachable} cannot be reached from {scenario.start!r}")
