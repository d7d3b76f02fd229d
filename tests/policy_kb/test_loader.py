"""The loader accepts the real data and names file, entry and problem for bad data."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
import yaml

from policy_kb import STANCES, KnowledgeBaseError, load_knowledge_base

CLAUSE_FILE = "20_personal.yaml"
VICTIM = "personal.privacy_settings"


def _edit_clause(directory: Path, clause_id: str, **changes) -> None:
    path = directory / "clauses" / CLAUSE_FILE
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    for entry in data["clauses"]:
        if entry["id"] == clause_id:
            for key, value in changes.items():
                if value is None:
                    entry.pop(key, None)
                else:
                    entry[key] = value
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _error(directory: Path) -> str:
    with pytest.raises(KnowledgeBaseError) as info:
        load_knowledge_base(directory)
    return str(info.value)


def test_real_data_loads(kb):
    assert kb.version == "1.0"
    assert kb.title == "Social Media Policy"
    assert kb.source_name == "social_media_policy_v1.0.txt"
    assert len(kb.clauses) == len(kb.by_id) >= 40
    assert kb.by_id["personal.no_friend_students"].stance == "must_not"
    assert {g.term for g in kb.glossary} >= {"DSL", "SLT", "CMAT ITS", "AUP", "Executive Headteacher", "Subject Leader"}


def test_knowledge_base_is_frozen(kb):
    with pytest.raises(dataclasses.FrozenInstanceError):
        kb.version = "2.0"
    with pytest.raises(TypeError):
        kb.by_id["x"] = kb.clauses[0]


def test_copy_loads(kb_copy):
    assert load_knowledge_base(kb_copy).version == "1.0"


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"stance": "maybe"}, "stance 'maybe' not one of"),
        ({"contacts": ["headteacher"]}, "contact(s) ['headteacher'] not one of"),
        ({"related": ["personal.nope"]}, "related id 'personal.nope' does not exist"),
        ({"examples": ["one", "two", "three"]}, "needs at least 6 examples"),
        ({"text": "Members of staff must set privacy settings."}, "text not found verbatim"),
        ({"answer": None}, "'answer' must be a non-empty string"),
        ({"keywords": "privacy"}, "'keywords' must be a list of non-empty strings"),
        ({"colour": "red"}, "unknown field(s) ['colour']"),
    ],
)
def test_bad_clause_names_file_entry_and_problem(kb_copy, changes, problem):
    _edit_clause(kb_copy, VICTIM, **changes)
    message = _error(kb_copy)
    assert CLAUSE_FILE in message
    assert VICTIM in message
    assert problem in message


def test_duplicate_id_is_rejected(kb_copy):
    _edit_clause(kb_copy, "personal.official_email", id=VICTIM)
    message = _error(kb_copy)
    assert "duplicate id" in message and VICTIM in message and CLAUSE_FILE in message


def test_entry_without_id_is_named_by_index(kb_copy):
    _edit_clause(kb_copy, VICTIM, id=None)
    message = _error(kb_copy)
    assert "clause #3" in message and "'id' must be a non-empty string" in message


def test_invalid_yaml_names_file(kb_copy):
    (kb_copy / "clauses" / CLAUSE_FILE).write_text("clauses: [unclosed", encoding="utf-8")
    assert f"{CLAUSE_FILE}: not valid YAML" in _error(kb_copy)


def test_missing_policy_metadata(kb_copy):
    (kb_copy / "policy.yaml").write_text("title: nothing\n", encoding="utf-8")
    assert "policy.yaml: policy: missing top-level 'policy' mapping" in _error(kb_copy)


def test_missing_source_file(kb_copy):
    (kb_copy / "source" / "social_media_policy_v1.0.txt").unlink()
    assert "source file" in _error(kb_copy)


def test_glossary_clause_must_exist(kb_copy):
    path = kb_copy / "glossary.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["glossary"][0]["clause"] = "defs.nothing"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    message = _error(kb_copy)
    assert "glossary.yaml" in message and "The trust" in message and "'defs.nothing' does not exist" in message


def test_every_clause_is_well_formed(kb):
    for clause in kb.clauses:
        assert clause.stance in STANCES
        assert len(clause.examples) >= 6, clause.id
        assert clause.headline and clause.answer and clause.section


def test_citation_quotes_verbatim_with_section_and_version(kb):
    from policy_kb import cite, render_citation

    citation = cite(kb, "personal.report_child_contact")
    assert citation.section == "Personal use of social media"
    assert citation.quote.startswith("Any communication received from children")
    text = render_citation(citation)
    assert "designated person for Child Protection" in text and "v1.0" in text
