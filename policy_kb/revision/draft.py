"""A draft version: what must be reviewed before it goes live, the owner's decisions, and the
bundle (policy_kb/bundle.py) it becomes when published.

A draft is plain JSON-ready data, so it can wait in the database between requests. Its items:
- `clause`: a live clause whose quote was reworded (it takes its new verbatim wording, and the
  owner confirms or edits headline, stance and plain answer) or removed (retired);
- `sentence`: a new sentence, or a block of a new policy, to become a clause the owner writes
  (headline, stance, plain answer, the words a question must mention, example questions), or to
  leave out;
- `question` and `situation`: a quiz question or a situation resting on a flagged clause, kept
  (or confirmed) or, for a question, retired.
Nothing is published while an item is open, and the version is built through the loader's checks.
"""
from __future__ import annotations

import copy
import re
from datetime import date
from pathlib import PurePosixPath
from typing import Iterable, Mapping

from .. import loader
from ..bundle import CONSOLE_FILE, CONSOLE_MIN_EXAMPLES, clause_entries, concepts_for, knowledge_base_from_bundle
from ..model import CONTACTS, STANCES, KnowledgeBase, KnowledgeBaseError
from ..relevance import compile_phrases, normalise
from ..text import collapse
from .diff import sentence_diff
from .impact import Reference, clause_impacts, dependents
from .importer import Document

OPEN = "open"
VERSION = re.compile(r"^[0-9][0-9A-Za-z.\-]{0,19}$")
_SLUG = re.compile(r"[^a-z0-9]+")


class ReviewError(ValueError):
    """A decision or a publish that cannot be taken; the message says what to change."""


def slug(text: str, limit: int = 30) -> str:
    words = _SLUG.sub("_", text.lower()).strip("_")[:limit].strip("_") or "part"
    return words if words[0].isalpha() else "s_" + words


def revision_draft(base: Mapping, kb: KnowledgeBase, document: Document, questions: Iterable[Reference],
                   situations: Iterable[Reference]) -> dict:
    """A new text for a live policy: the diff, and every item it flags for review."""
    headings = tuple(dict.fromkeys((*kb.headings, *document.headings)))
    changes = sentence_diff(kb.source_text, document.text, kb.headings, headings)
    impacts = clause_impacts(kb, document.text, headings)
    flagged = [i.clause_id for i in impacts]
    entries = {entry["id"]: entry for _, entry in clause_entries(base)}
    items = [{"id": f"clause:{i.clause_id}", "type": "clause", "clause": i.clause_id, "change": i.kind,
              "old_text": i.old_text, "text": i.proposed, "section": kb.by_id[i.clause_id].section,
              "headline": kb.by_id[i.clause_id].headline, "stance": kb.by_id[i.clause_id].stance,
              "answer": kb.by_id[i.clause_id].answer, "entry": copy.deepcopy(entries[i.clause_id]),
              "status": OPEN} for i in impacts]
    section = {b.text: b.section for b in document.blocks}
    items += [_sentence_item(base["policy"], n, c.new, section.get(c.new) or _section_of(c.new, document))
              for n, c in enumerate((c for c in changes if c.kind == "new"), 1)]
    items += [{"id": f"question:{d.id}", "type": "question", "ref": d.id, "title": d.title,
               "because_of": list(d.because_of), "status": OPEN} for d in dependents("question", questions, flagged)]
    items += [{"id": f"situation:{d.id}", "type": "situation", "ref": d.id, "title": d.title,
               "because_of": list(d.because_of), "status": OPEN} for d in dependents("situation", situations, flagged)]
    return {"policy": base["policy"], "kind": "revision", "title": base["title"], "base_version": kb.version,
            "source_text": document.text, "headings": list(headings),
            "changes": [{"kind": c.kind, "old": c.old, "new": c.new} for c in changes], "items": items,
            "out_of_scope": base.get("out_of_scope")}


def policy_draft(policy_id: str, title: str, document: Document, out_of_scope: Iterable[str] = ()) -> dict:
    """Another policy: one item per block (bullet or sentence), for the owner to write up or leave out."""
    items = [_sentence_item(policy_id, n, block.text, block.section) for n, block in enumerate(document.blocks, 1)]
    return {"policy": policy_id, "kind": "new_policy", "title": title, "base_version": "",
            "source_text": document.text, "headings": list(document.headings), "changes": [], "items": items,
            "out_of_scope": [re.escape(" ".join(t.lower().split())) for t in out_of_scope if t.strip()]}


def _sentence_item(policy_id: str, number: int, text: str, section: str) -> dict:
    return {"id": f"new:{number}", "type": "sentence", "text": text, "section": section or "General",
            "clause": f"{slug(policy_id)}.{slug(section or 'general')}_{number}", "status": OPEN}


def _section_of(sentence: str, document: Document) -> str:
    """The heading above a sentence that no block holds whole (it was split differently)."""
    return next((b.section for b in document.blocks if sentence in b.text or b.text in sentence), "General")


def open_items(draft: Mapping) -> list[dict]:
    return [item for item in draft["items"] if item["status"] == OPEN]


def item(draft: Mapping, item_id: str) -> dict:
    found = next((i for i in draft["items"] if i["id"] == item_id), None)
    if found is None:
        raise ReviewError("that item is not part of this draft (reload the page)")
    return found


def decide(draft: Mapping, item_id: str, form: Mapping[str, str]) -> dict:
    """The draft with one item decided (a copy); raises ReviewError saying what to fix."""
    result = copy.deepcopy(dict(draft))
    found = item(result, item_id)
    action = (form.get("action") or "").strip()
    allowed = {"clause": ("update", "retire"), "sentence": ("write", "leave_out"), "question": ("keep", "retire"),
               "situation": ("confirm",)}[found["type"]]
    if action == "reopen":
        found["status"] = OPEN
        return result
    if action not in allowed:
        raise ReviewError(f"choose one of: {', '.join(allowed)}")
    if action in ("retire", "leave_out", "keep", "confirm"):
        found["status"] = {"retire": "retired", "leave_out": "left_out", "keep": "kept", "confirm": "confirmed"}[action]
        return result
    if found["type"] == "clause":
        entry = _updated_entry(found, form)
        check_entry(result, entry)
        found.update(text=entry["text"], headline=entry["headline"], stance=entry["stance"], answer=entry["answer"],
                     status="updated")
    else:
        entry = written_entry(found, form)
        check_entry(result, entry)
        found.update(entry=entry, status="written")
    return result


def _updated_entry(found: Mapping, form: Mapping[str, str]) -> dict:
    """The clause as it was, with the reviewed wording, headline, stance and plain answer."""
    return {**found["entry"], "text": collapse(form.get("text", "")), "headline": _one_line(form, "headline"),
            "stance": form.get("stance", "").strip(), "answer": " ".join(form.get("answer", "").split())}


def written_entry(found: Mapping, form: Mapping[str, str]) -> dict:
    """A clause entry from the console's form for a new sentence."""
    keywords = [k for k in (" ".join(w.lower().split()) for w in re.split(r"[,\n]", form.get("keywords", ""))) if k]
    examples = [" ".join(q.split()) for q in form.get("examples", "").split("\n") if q.strip()]
    contacts = [c for c in form.get("contacts", "").split(",") if c.strip()]
    if not keywords:
        raise ReviewError("give at least one word a question must mention (for example: password, laptop)")
    if len(examples) < CONSOLE_MIN_EXAMPLES:
        raise ReviewError(f"give at least {CONSOLE_MIN_EXAMPLES} example questions, one a line")
    requires = compile_phrases(["|".join(re.escape(k) for k in keywords)], "keywords")
    missing = [q for q in examples if not requires.search(normalise(q))]
    if missing:
        raise ReviewError(f"example {missing[0]!r} mentions none of the words a question must mention")
    return {"id": found["clause"], "section": found["section"], "text": found["text"],
            "answer": " ".join(form.get("answer", "").split()), "stance": form.get("stance", "").strip(),
            "headline": _one_line(form, "headline"), "governs": "Questions that mention " + ", ".join(keywords),
            "requires": [["/" + "|".join(re.escape(k) for k in keywords)]], "keywords": keywords,
            "examples": examples, "contacts": contacts}


def _one_line(form: Mapping[str, str], key: str) -> str:
    return " ".join(form.get(key, "").split())


def check_entry(draft: Mapping, entry: Mapping) -> None:
    """The loader's checks for one clause against the draft's text; ReviewError with its message."""
    if entry.get("stance") not in STANCES:
        raise ReviewError(f"choose a stance: {', '.join(STANCES)}")
    if any(c not in CONTACTS for c in entry.get("contacts", [])):
        raise ReviewError("unknown contact")
    try:
        loader.clause_from_entry(PurePosixPath(draft["policy"]), 0, dict(entry), collapse(draft["source_text"]),
                                 concepts_for(draft), CONSOLE_MIN_EXAMPLES, 0)
    except KnowledgeBaseError as exc:
        raise ReviewError(str(exc).split(": ", 2)[-1]) from None


def publish_bundle(draft: Mapping, base: Mapping | None, number: str, adopted: str) -> dict:
    """The version a finished draft becomes (checked by loading it); raises ReviewError."""
    waiting = open_items(draft)
    if waiting:
        raise ReviewError(f"{len(waiting)} item(s) still to review")
    number, adopted = number.strip(), adopted.strip()
    if not VERSION.match(number):
        raise ReviewError("the version number must look like 1.1 or 2.0")
    try:
        date.fromisoformat(adopted)
    except ValueError:
        raise ReviewError("the adoption date must be a date such as 2027-01-15") from None
    retired = {i["clause"] for i in draft["items"] if i["type"] == "clause" and i["status"] == "retired"}
    for dependent in draft["items"]:
        resting = sorted(retired & set(dependent.get("because_of", [])))
        if dependent["type"] == "question" and dependent["status"] != "retired" and resting:
            raise ReviewError(f"the quiz question “{dependent['title']}” rests on {', '.join(resting)}, which this "
                              "version retires: retire the question, or keep the clause")
        if dependent["type"] == "situation" and resting:
            raise ReviewError(f"the situation “{dependent['title']}” quotes {', '.join(resting)}, which this version "
                              "retires: keep the clause, or have a developer change the situation first")
    bundle = copy.deepcopy(dict(base)) if base else _empty(draft)
    updates = {i["clause"]: i for i in draft["items"] if i["type"] == "clause" and i["status"] == "updated"}
    for name, entries in bundle["clause_files"].items():
        kept = []
        for entry in entries:
            if entry["id"] in retired:
                continue
            if entry["id"] in updates:
                entry.update({k: updates[entry["id"]][k] for k in ("text", "headline", "stance", "answer")})
            entry["related"] = [r for r in entry.get("related", []) if r not in retired]
            if not entry["related"]:
                entry.pop("related")
            kept.append(entry)
        bundle["clause_files"][name] = kept
    written = [i["entry"] for i in draft["items"] if i["type"] == "sentence" and i["status"] == "written"]
    if written:
        bundle["clause_files"][CONSOLE_FILE] = [*bundle["clause_files"].get(CONSOLE_FILE, []), *written]
    bundle["glossary"] = [{**g, "clause": None} if g.get("clause") in retired else g for g in bundle.get("glossary", [])]
    bundle["glossary"] = [{k: v for k, v in g.items() if v is not None} for g in bundle["glossary"]]
    bundle.update(version=number, date=adopted, source_text=draft["source_text"], headings=list(draft["headings"]),
                  source_name=f"{slug(draft['policy'])}_v{number}.txt")
    bundle["retired_questions"] = sorted({*bundle.get("retired_questions", []),
                                          *(i["ref"] for i in draft["items"]
                                            if i["type"] == "question" and i["status"] == "retired")})
    try:
        knowledge_base_from_bundle(bundle)
    except KnowledgeBaseError as exc:
        raise ReviewError(f"this version does not load: {exc}") from None
    return bundle


def _empty(draft: Mapping) -> dict:
    return {"policy": draft["policy"], "title": draft["title"], "organisation": "", "clause_files": {},
            "glossary": [], "elsewhere": [], "out_of_scope": list(draft.get("out_of_scope") or [])}
