"""Load and validate the policy knowledge base from YAML files."""
from __future__ import annotations

import re
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

import yaml

from . import relevance
from .model import (
    ASKS,
    CONTACTS,
    STANCES,
    VERDICTS,
    Clause,
    Decides,
    Elsewhere,
    GlossaryEntry,
    KnowledgeBase,
    KnowledgeBaseError,
    says,
)
from .text import collapse

DEFAULT_DIRECTORY = Path(__file__).resolve().parent
MIN_EXAMPLES = 6
_ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$")
MAX_TOPIC = 34  # "Related: " and the topic fit on a button at phone width
_CLAUSE_STRINGS = ("id", "section", "text", "answer", "stance", "headline", "governs")
_CLAUSE_LISTS = ("contacts", "keywords", "examples", "related", "not_about")
MIN_NOT_ABOUT = 2


def load_knowledge_base(directory: Path | None = None) -> KnowledgeBase:
    """Load policy.yaml, clauses/*.yaml and glossary.yaml from a directory and validate them."""
    root = Path(directory) if directory is not None else DEFAULT_DIRECTORY
    meta_file = root / "policy.yaml"
    meta = _policy_meta(meta_file)
    source_file = root / meta["source"]
    if not source_file.is_file():
        raise KnowledgeBaseError(f"{meta_file}: policy: source file {meta['source']!r} not found")
    source_text = source_file.read_text(encoding="utf-8")
    flat_source = collapse(source_text)
    clauses = _load_clauses(root, flat_source)
    by_id = {clause.id: clause for clause in clauses}
    _check_related(clauses, by_id)
    glossary = _load_glossary(root / "glossary.yaml", by_id)
    elsewhere = _load_elsewhere(root / "elsewhere.yaml")
    return KnowledgeBase(
        title=meta["title"],
        version=meta["version"],
        version_date=meta["date"],
        source_name=source_file.name,
        source_text=source_text,
        headings=tuple(meta["headings"]),
        clauses=tuple(clauses),
        glossary=glossary,
        by_id=MappingProxyType(by_id),
        elsewhere=elsewhere,
    )


def _load_elsewhere(path: Path) -> tuple[Elsewhere, ...]:
    """elsewhere.yaml (optional): who is likely to know about topics the policy does not cover."""
    if not path.is_file():
        return ()
    data = _read_yaml(path)
    entries = data.get("elsewhere") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise KnowledgeBaseError(f"{path}: missing top-level 'elsewhere' list")
    return elsewhere_entries(entries, path)


def elsewhere_entries(entries: list, path: Path) -> tuple[Elsewhere, ...]:
    """Check elsewhere entries (from elsewhere.yaml, or a stored version); `path` names them in errors."""
    result = []
    for index, entry in enumerate(entries):
        where = f"{path}: elsewhere #{index}"
        if not isinstance(entry, dict) or not isinstance(entry.get("who"), str) or not entry["who"].strip():
            raise KnowledgeBaseError(f"{where}: needs 'who', a non-empty string")
        topics = entry.get("topics")
        if not isinstance(topics, list) or not topics or not all(isinstance(t, str) and t.strip() for t in topics):
            raise KnowledgeBaseError(f"{where}: 'topics' must be a non-empty list of patterns")
        result.append(Elsewhere(entry["who"].strip(), relevance.compile_phrases(topics, where)))
    return tuple(result)


def _read_yaml(path: Path) -> Any:
    if not path.is_file():
        raise KnowledgeBaseError(f"{path}: file not found")
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise KnowledgeBaseError(f"{path}: not valid YAML: {exc}") from exc


def _policy_meta(path: Path) -> dict[str, Any]:
    data = _read_yaml(path)
    meta = data.get("policy") if isinstance(data, dict) else None
    if not isinstance(meta, dict):
        raise KnowledgeBaseError(f"{path}: policy: missing top-level 'policy' mapping")
    for key in ("title", "version", "source"):
        if not isinstance(meta.get(key), str) or not meta[key].strip():
            raise KnowledgeBaseError(f"{path}: policy: '{key}' must be a non-empty string")
    date = meta.get("date")
    if date is not None and not isinstance(date, str):
        meta["date"] = str(date)
    headings = meta.get("headings", [])
    if not isinstance(headings, list) or not all(isinstance(h, str) for h in headings):
        raise KnowledgeBaseError(f"{path}: policy: 'headings' must be a list of strings")
    meta.setdefault("date", None)
    meta["headings"] = headings
    return meta


def _load_clauses(root: Path, flat_source: str) -> list[Clause]:
    concepts = relevance.load_concepts(root / "concepts.yaml")
    files = sorted((root / "clauses").glob("*.yaml"))
    if not files:
        raise KnowledgeBaseError(f"{root / 'clauses'}: no clause files (*.yaml) found")
    clauses: list[Clause] = []
    seen: dict[str, Path] = {}
    for path in files:
        data = _read_yaml(path)
        entries = data.get("clauses") if isinstance(data, dict) else None
        if not isinstance(entries, list):
            raise KnowledgeBaseError(f"{path}: missing top-level 'clauses' list")
        for index, entry in enumerate(entries):
            clause = _clause(path, index, entry, flat_source, concepts)
            if clause.id in seen:
                raise KnowledgeBaseError(
                    f"{path}: clause {clause.id!r}: duplicate id (first defined in {seen[clause.id].name})"
                )
            seen[clause.id] = path
            clauses.append(clause)
    return clauses


def _clause(path: Path, index: int, entry: Any, flat_source: str, concepts: dict,
            min_examples: int = MIN_EXAMPLES, min_not_about: int = MIN_NOT_ABOUT) -> Clause:
    where = f"{path}: clause #{index}"
    if not isinstance(entry, dict):
        raise KnowledgeBaseError(f"{where}: entry must be a mapping")
    if isinstance(entry.get("id"), str):
        where = f"{path}: clause {entry['id']!r}"
    for key in _CLAUSE_STRINGS:
        value = entry.get(key)
        if not isinstance(value, str) or not value.strip():
            raise KnowledgeBaseError(f"{where}: '{key}' must be a non-empty string")
    for key in _CLAUSE_LISTS:
        value = entry.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise KnowledgeBaseError(f"{where}: '{key}' must be a list of non-empty strings")
    unknown = set(entry) - set(_CLAUSE_STRINGS) - set(_CLAUSE_LISTS) - {"requires", "decides", "topic"}
    if unknown:
        raise KnowledgeBaseError(f"{where}: unknown field(s) {sorted(unknown)}")
    topic = entry.get("topic", "")
    if not isinstance(topic, str) or len(topic.strip()) > MAX_TOPIC:
        raise KnowledgeBaseError(f"{where}: 'topic' must be a string of at most {MAX_TOPIC} characters")
    if not _ID_PATTERN.match(entry["id"]):
        raise KnowledgeBaseError(f"{where}: id must be dotted lower-case words")
    if entry["stance"] not in STANCES:
        raise KnowledgeBaseError(f"{where}: stance {entry['stance']!r} not one of {list(STANCES)}")
    bad_contacts = [c for c in entry.get("contacts", []) if c not in CONTACTS]
    if bad_contacts:
        raise KnowledgeBaseError(f"{where}: contact(s) {bad_contacts} not one of {list(CONTACTS)}")
    if len(entry.get("examples", [])) < min_examples:
        raise KnowledgeBaseError(f"{where}: needs at least {min_examples} examples")
    if collapse(entry["text"]) not in flat_source:
        raise KnowledgeBaseError(f"{where}: text not found verbatim in the policy source")
    if len(entry.get("not_about", [])) < min_not_about:
        raise KnowledgeBaseError(f"{where}: needs at least {min_not_about} not_about questions")
    requires = relevance.requirement(entry.get("requires"), concepts, where)
    verdict = says(entry["headline"])
    if (entry["stance"] == "report") != (verdict == "report") or (entry["stance"] == "information" and verdict != "info"):
        raise KnowledgeBaseError(f"{where}: headline {entry['headline']!r} reads as {verdict!r}, "
                                 f"which does not fit stance {entry['stance']!r}")
    return Clause(
        id=entry["id"],
        section=entry["section"].strip(),
        text=" ".join(entry["text"].split()),  # as the policy prints it, its list bullets included
        answer=entry["answer"].strip(),
        stance=entry["stance"],
        headline=entry["headline"].strip(),
        contacts=tuple(entry.get("contacts", [])),
        keywords=tuple(entry.get("keywords", [])),
        examples=tuple(entry.get("examples", [])),
        related=tuple(entry.get("related", [])),
        source_file=path.name,
        topic=topic.strip(),
        governs=entry["governs"].strip(),
        requires=requires,
        not_about=tuple(entry.get("not_about", [])),
        verdict=verdict,
        decides=_decides(entry.get("decides", []), concepts, where),
    )


def _decides(raw: Any, concepts: dict, where: str) -> tuple[Decides, ...]:
    """A clause's `decides`: a list of {verdict, headline, when?, asked?, note?}; each headline must
    read as its verdict (model.says), so what the card says and the stance it declares never differ."""
    if not isinstance(raw, list):
        raise KnowledgeBaseError(f"{where}: 'decides' must be a list")
    result = []
    for number, item in enumerate(raw, 1):
        at = f"{where}: decides #{number}"
        if not isinstance(item, dict) or set(item) - {"verdict", "headline", "when", "asked", "note"}:
            raise KnowledgeBaseError(f"{at}: must be a mapping of verdict, headline and when, asked or note")
        asked = item.get("asked", [])
        if not isinstance(asked, list) or not set(asked) <= set(ASKS):
            raise KnowledgeBaseError(f"{at}: 'asked' must be a list of {list(ASKS)}")
        if "when" not in item and not asked:
            raise KnowledgeBaseError(f"{at}: needs 'when', 'asked' or both")
        if isinstance(item.get("verdict"), bool):
            raise KnowledgeBaseError(f"{at}: write the verdict in quotes (YAML reads a bare yes or no as true or false)")
        if item.get("verdict") not in VERDICTS:
            raise KnowledgeBaseError(f"{at}: verdict {item.get('verdict')!r} not one of {list(VERDICTS)}")
        headline, note = item.get("headline"), item.get("note")
        if not isinstance(headline, str) or says(headline) != item["verdict"]:
            raise KnowledgeBaseError(f"{at}: headline {headline!r} must read as {item['verdict']!r}")
        if note is not None and (not isinstance(note, str) or not note.strip()):
            raise KnowledgeBaseError(f"{at}: 'note' must be a non-empty string")
        when = relevance.requirement(item["when"], concepts, at) if "when" in item else None
        result.append(Decides(item["verdict"], headline.strip(), when, tuple(asked), note.strip() if note else None))
    return tuple(result)


def _check_related(clauses: list[Clause], by_id: Mapping[str, Clause]) -> None:
    for clause in clauses:
        for other in clause.related:
            if other not in by_id:
                raise KnowledgeBaseError(
                    f"{clause.source_file}: clause {clause.id!r}: related id {other!r} does not exist"
                )
            if other == clause.id:
                raise KnowledgeBaseError(f"{clause.source_file}: clause {clause.id!r}: related to itself")


def _load_glossary(path: Path, by_id: dict[str, Clause]) -> tuple[GlossaryEntry, ...]:
    data = _read_yaml(path)
    entries = data.get("glossary") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise KnowledgeBaseError(f"{path}: missing top-level 'glossary' list")
    return glossary_entries(entries, path, by_id)


def glossary_entries(entries: list, path: Path, by_id: Mapping[str, Clause]) -> tuple[GlossaryEntry, ...]:
    """Check glossary entries (from glossary.yaml, or a stored version); `path` names them in errors."""
    result = []
    for index, entry in enumerate(entries):
        where = f"{path}: glossary #{index}"
        if not isinstance(entry, dict) or not isinstance(entry.get("term"), str):
            raise KnowledgeBaseError(f"{where}: entry needs a 'term' string")
        where = f"{path}: glossary {entry['term']!r}"
        if not isinstance(entry.get("definition"), str) or not entry["definition"].strip():
            raise KnowledgeBaseError(f"{where}: 'definition' must be a non-empty string")
        aliases = entry.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise KnowledgeBaseError(f"{where}: 'aliases' must be a list of strings")
        clause = entry.get("clause")
        if clause is not None and clause not in by_id:
            raise KnowledgeBaseError(f"{where}: clause {clause!r} does not exist")
        result.append(GlossaryEntry(entry["term"], tuple(aliases), entry["definition"].strip(), clause))
    return tuple(result)


# The same checks for knowledge bases kept as data (policy_kb/bundle.py: versions in the database).
clause_from_entry = _clause
check_related = _check_related
policy_meta = _policy_meta
read_yaml = _read_yaml
