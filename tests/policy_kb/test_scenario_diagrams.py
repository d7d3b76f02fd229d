"""The committed Mermaid diagrams are generated from the scenario data and up to date."""
from __future__ import annotations

from pathlib import Path

from policy_kb.scenarios import Question
from policy_kb.scenarios.diagram import mermaid, write_all
from tests.support.kb import scenarios_for, shipped_kb

BOOK = scenarios_for(shipped_kb())
DOCS = Path(__file__).resolve().parents[2] / "docs" / "scenarios"


def test_committed_diagrams_are_up_to_date():
    assert write_all(BOOK, DOCS, check=True) == [], "run `make diagrams` and commit docs/scenarios"


def test_a_diagram_shows_every_node_answer_and_clause():
    for scenario in BOOK.scenarios:
        text = mermaid(scenario)
        assert text.startswith("%% Generated") and "flowchart TD" in text
        for node in scenario.nodes.values():
            assert f"n_{node.id}" in text
            if isinstance(node, Question):
                for choice in node.choices:
                    assert f'n_{node.id} -->|"{choice.label}"| n_{choice.next}' in text.replace("#quot;", '"')
            else:
                assert all(c in text for a in node.actions for c in a.clauses)


def test_write_all_writes_and_then_reports_nothing_stale(tmp_path):
    assert len(write_all(BOOK, tmp_path)) == len(BOOK.scenarios)
    assert write_all(BOOK, tmp_path, check=True) == []
