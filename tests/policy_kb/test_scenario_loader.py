"""The scenario loader refuses bad data with a message that says what is wrong and where."""
from __future__ import annotations

import copy

import pytest
import yaml

from policy_kb.scenarios import ScenarioError, load_scenarios
from tests.support.kb import shipped_kb

KB = shipped_kb()

VALID = {
    "id": "tiny", "order": 1, "title": "A tiny scenario", "description": "For tests.",
    "key_clauses": ["personal.report_child_contact"],
    "recognise": {"situations": [r"\btiny\b"]},
    "start": "q",
    "nodes": {
        "q": {"ask": "Yes or no?", "short": "Answer", "slot": "answer",
              "choices": [{"value": "yes", "label": "Yes", "next": "out"},
                          {"value": "no", "label": "No", "next": "out"}]},
        "out": {"outcome": {"title": "Done", "contacts": ["dsl"],
                            "actions": [{"do": "Report it.", "clauses": ["personal.report_child_contact"]}]}},
    },
}


def load(tmp_path, data):
    (tmp_path / "1_tiny.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return load_scenarios(KB, tmp_path)


def broken(change):
    data = copy.deepcopy(VALID)
    change(data)
    return data


def test_valid_data_loads(tmp_path):
    book = load(tmp_path, VALID)
    assert book.get("tiny").node("out").title == "Done"


@pytest.mark.parametrize("change, message", [
    (lambda d: d["nodes"]["out"]["outcome"]["actions"][0].update(clauses=["personal.nonsense"]),
     "do not exist in the knowledge base"),
    (lambda d: d.update(key_clauses=["no.such.clause"]), "do not exist in the knowledge base"),
    (lambda d: d["nodes"]["q"]["choices"][1].update(next="nowhere"), "leads to 'nowhere', which does not exist"),
    (lambda d: d["nodes"].update(orphan={"outcome": copy.deepcopy(d["nodes"]["out"]["outcome"])}),
     "cannot be reached"),
    (lambda d: d["nodes"]["q"]["choices"][1].update(next="q"), "loops"),
    (lambda d: d["nodes"]["out"]["outcome"].update(actions=[{"do": "Be kind.", "guidance": True}]),
     "must cite at least one clause"),
    (lambda d: d["nodes"]["out"]["outcome"]["actions"][0].update(guidance=True), "not both"),
    (lambda d: d["nodes"]["out"]["outcome"].update(contacts=["the pope"]), "is not one of"),
    (lambda d: d["nodes"]["q"]["choices"][0].update(report={"account_type": "secret"}), "must be one of"),
    (lambda d: d["nodes"]["q"]["choices"][0].update(synonyms=[False]), "'synonyms' must be a list"),
    (lambda d: d["nodes"]["q"].update(ages=[{"below": 18, "choice": "yes"}, {"from": 19, "choice": "no"}]),
     "without gaps"),
    (lambda d: d["nodes"]["out"]["outcome"]["actions"][0].update(when={"colour": "red"}), "which no question asks"),
    (lambda d: d["nodes"]["q"].update(colour="red"), "unknown field"),
    (lambda d: d["recognise"].update(situations=["(unclosed"]), "not a valid regular expression"),
    (lambda d: d["nodes"]["q"]["choices"].pop(), "at least two answers"),
])
def test_bad_data_is_refused_with_a_clear_message(tmp_path, change, message):
    with pytest.raises(ScenarioError, match=message) as error:
        load(tmp_path, broken(change))
    assert "1_tiny.yaml" in str(error.value)


def test_the_same_slot_twice_on_one_path_is_refused(tmp_path):
    def change(d):
        d["nodes"]["q"]["choices"][0]["next"] = "q2"
        d["nodes"]["q2"] = copy.deepcopy(d["nodes"]["q"])
        d["nodes"]["q2"]["choices"][0]["next"] = "out"
    with pytest.raises(ScenarioError, match="asks 'answer' twice"):
        load(tmp_path, broken(change))


def test_an_empty_directory_is_an_error(tmp_path):
    with pytest.raises(ScenarioError, match="no scenario files"):
        load_scenarios(KB, tmp_path)
