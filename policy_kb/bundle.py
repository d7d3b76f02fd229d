"""A knowledge base as plain data (a "bundle"), so that a version can be kept in the database.

`read_bundle()` reads the shipped files (policy.yaml, clauses/*.yaml, glossary.yaml,
elsewhere.yaml and the source text) into one JSON-ready dict: the shipped YAML is the first
version. `knowledge_base_from_bundle()` builds the KnowledgeBase through the loader's own checks
(every clause verbatim in the source, headlines that read as their stance, known concepts), so a
version written in the console is held to the same rules as the YAML. Clauses written in the
console need fewer example questions (CONSOLE_MIN_EXAMPLES) and no not_about at first: they are
added as staff ask (the review queue).
"""
from __future__ import annotations

import copy
from functools import lru_cache
from pathlib import Path, PurePosixPath
from types import MappingProxyType
from typing import Any, Iterable, Mapping

from . import loader, relevance
from .model import KnowledgeBase, KnowledgeBaseError
from .text import collapse

PRIMARY = "social_media"  # the id of the policy the bot was built for (the shipped YAML)
CONSOLE_MIN_EXAMPLES = 3
CONSOLE_FILE = "console.yaml"  # where clauses written in the console say they come from


@lru_cache(maxsize=1)
def shipped_concepts() -> Mapping[str, Any]:
    """concepts.yaml, read once (compiled patterns: immutable)."""
    return MappingProxyType(relevance.load_concepts())


def read_bundle(directory: Path | None = None) -> dict:
    """The shipped files of a knowledge base as one JSON-ready dict."""
    root = Path(directory) if directory is not None else loader.DEFAULT_DIRECTORY
    meta = loader.policy_meta(root / "policy.yaml")
    source = root / meta["source"]
    if not source.is_file():
        raise KnowledgeBaseError(f"{root / 'policy.yaml'}: policy: source file {meta['source']!r} not found")
    files = {}
    for path in sorted((root / "clauses").glob("*.yaml")):
        data = loader.read_yaml(path)
        if not isinstance(data, dict) or not isinstance(data.get("clauses"), list):
            raise KnowledgeBaseError(f"{path}: missing top-level 'clauses' list")
        files[path.name] = data["clauses"]
    return {
        "policy": PRIMARY, "title": meta["title"], "organisation": meta.get("organisation", ""),
        "version": meta["version"], "date": meta["date"], "headings": list(meta["headings"]),
        "source_name": source.name, "source_text": source.read_text(encoding="utf-8"),
        "clause_files": files,
        "glossary": _entries(root / "glossary.yaml", "glossary"),
        "elsewhere": _entries(root / "elsewhere.yaml", "elsewhere") if (root / "elsewhere.yaml").is_file() else [],
        "out_of_scope": None,  # None: concepts.yaml's vetoes, as shipped
    }


def _entries(path: Path, key: str) -> list:
    data = loader.read_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        raise KnowledgeBaseError(f"{path}: missing top-level '{key}' list")
    return data[key]


def clause_entries(bundle: Mapping) -> Iterable[tuple[str, dict]]:
    """(file name, entry) for every clause of a bundle, in order."""
    for name, entries in bundle["clause_files"].items():
        for entry in entries:
            yield name, entry


def concepts_for(bundle: Mapping) -> Mapping[str, Any]:
    """The concepts a bundle's clauses are read with: concepts.yaml, and the policy's own out-of-scope
    topics in place of the shipped vetoes when it has them (another policy is out of scope elsewhere)."""
    concepts = shipped_concepts()
    own = bundle.get("out_of_scope")
    if own is None:
        return concepts
    concepts = {name: pattern for name, pattern in concepts.items() if name not in relevance.VETOES}
    if own:
        concepts["not_this_policy"] = relevance.compile_phrases(list(own), f"{bundle['policy']}: out_of_scope")
    return concepts


def knowledge_base_from_bundle(bundle: Mapping, *, console_rules: bool = True) -> KnowledgeBase:
    """Build and check a knowledge base from a bundle; raises KnowledgeBaseError naming the problem."""
    for key in ("policy", "title", "version", "source_text"):
        if not isinstance(bundle.get(key), str) or not bundle[key].strip():
            raise KnowledgeBaseError(f"policy: '{key}' must be a non-empty string")
    flat = collapse(bundle["source_text"])
    concepts = concepts_for(bundle)
    minimums = (CONSOLE_MIN_EXAMPLES, 0) if console_rules else (loader.MIN_EXAMPLES, loader.MIN_NOT_ABOUT)
    clauses, seen = [], {}
    for index, (name, entry) in enumerate(clause_entries(bundle)):
        where = PurePosixPath(bundle["policy"]) / name
        clause = loader.clause_from_entry(where, index, entry, flat, concepts, *minimums)
        if clause.id in seen:
            raise KnowledgeBaseError(f"{where}: clause {clause.id!r}: duplicate id (first defined in {seen[clause.id]})")
        seen[clause.id] = name
        clauses.append(clause)
    if not clauses:
        raise KnowledgeBaseError(f"{bundle['policy']}: no clauses")
    by_id = {clause.id: clause for clause in clauses}
    loader.check_related(clauses, by_id)
    policy = PurePosixPath(bundle["policy"])
    return KnowledgeBase(
        title=bundle["title"], version=bundle["version"], version_date=bundle.get("date"),
        source_name=bundle.get("source_name") or f"{bundle['policy']}.txt", source_text=bundle["source_text"],
        headings=tuple(bundle.get("headings") or ()), clauses=tuple(clauses),
        glossary=loader.glossary_entries(list(bundle.get("glossary") or []), policy / "glossary.yaml", by_id),
        by_id=MappingProxyType(by_id),
        elsewhere=loader.elsewhere_entries(list(bundle.get("elsewhere") or []), policy / "elsewhere.yaml"),
    )


def amended(bundle: Mapping, examples: Mapping[str, Iterable[str]], not_about: Mapping[str, Iterable[str]]) -> dict:
    """A copy of the bundle with example questions and not_about questions added to clauses (the
    review queue's decisions); ids the bundle no longer has are skipped, repeats are not added."""
    result = copy.deepcopy(dict(bundle))
    for _, entry in clause_entries(result):
        for key, extra in (("examples", examples), ("not_about", not_about)):
            have = list(entry.get(key) or [])
            known = {" ".join(q.lower().split()) for q in have}
            for question in extra.get(entry.get("id"), ()):
                if " ".join(question.lower().split()) not in known:
                    have.append(question)
                    known.add(" ".join(question.lower().split()))
            if have:
                entry[key] = have
    return result
