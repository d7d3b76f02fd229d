"""The question bank as shipped, and the loader's checks, each error naming file, question and problem."""
from pathlib import Path

import pytest

from onboarding.bank import KINDS, QuizBankError, load_bank
from tests.support.kb import shipped_kb

KB = shipped_kb()

GOOD = """
questions:
  - id: q.one
    type: single
    clause: personal.report_child_contact
    prompt: "Who must a message from a pupil be reported to?"
    options:
      - {text: "The designated person for Child Protection", correct: true,
         clause: personal.report_child_contact, explanation: "It says so."}
      - {text: "Nobody", correct: false, clause: personal.report_child_contact, explanation: "It must be reported."}
"""


def test_shipped_bank_has_30_questions_every_section_and_every_type():
    bank = load_bank(KB)
    assert len(bank.questions) >= 30
    assert set(bank.sections) == {c.section for c in KB.clauses}
    assert all(bank.in_section(s) for s in bank.sections)
    assert {q.kind for q in bank.questions} == set(KINDS)


def test_every_option_explains_itself_with_existing_clauses():
    for q in load_bank(KB).questions:
        for option in q.options:
            assert option.explanation and option.clauses
            assert all(c in KB.by_id for c in option.clauses), (q.id, option.id)


def test_the_age_scenario_from_the_issue_is_in_the_bank():
    q = load_bank(KB).by_id["personal.ex_pupil_17_follow"]
    assert q.kind == "scenario" and "17" in q.prompt
    right = [o for o in q.options if o.correct]
    assert len(right) == 1 and "personal.no_friend_students" in right[0].clauses


def _bank_dir(tmp_path: Path, **files: str) -> Path:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def _one_section_kb():
    """A knowledge base cut down to one section, so a tiny bank covers it."""
    from dataclasses import replace
    from types import MappingProxyType
    clauses = tuple(c for c in KB.clauses if c.section == "Personal use of social media")
    return replace(KB, clauses=clauses, by_id=MappingProxyType({c.id: c for c in clauses}))




def test_small_bank_covering_its_sections_loads(tmp_path):
    bank = load_bank(_one_section_kb(), _bank_dir(tmp_path, **{"a.yaml": GOOD}))
    assert [q.id for q in bank.questions] == ["q.one"]
    assert [o.id for o in bank.questions[0].options] == ["o1", "o2"]


@pytest.mark.parametrize("change, problem", [
    (("clause: personal.report_child_contact\n    prompt", "clause: personal.nope\n    prompt"),
     "clause 'personal.nope' does not exist"),
    (("correct: false", "correct: true"), "exactly one correct option, found 2"),
    (("type: single", "type: essay"), "type 'essay' is not one of"),
    (("type: single", "type: true_false"), "exactly two options, 'True' then 'False'"),
    (("explanation: \"It must be reported.\"", "explanation: \"\""), "option 2: 'explanation' must be a non-empty string"),
    (("clause: personal.report_child_contact, explanation: \"It must", "clause: sanctioned.nope, explanation: \"It must"),
     "option 2: clause 'sanctioned.nope' does not exist"),
])
def test_bad_questions_are_named_with_file_question_and_problem(tmp_path, change, problem):
    text = GOOD.replace(*change)
    assert text != GOOD
    with pytest.raises(QuizBankError) as err:
        load_bank(_one_section_kb(), _bank_dir(tmp_path, **{"bad.yaml": text}))
    message = str(err.value)
    assert "bad.yaml" in message and "q.one" in message and problem in message


def test_multi_needs_a_defined_set(tmp_path):
    text = GOOD.replace("type: single", "type: multi").replace("correct: true", "correct: false")
    with pytest.raises(QuizBankError, match="multi question needs at least one correct option"):
        load_bank(_one_section_kb(), _bank_dir(tmp_path, **{"m.yaml": text}))


def test_duplicate_ids_across_files(tmp_path):
    with pytest.raises(QuizBankError, match=r"b\.yaml: question 'q\.one': duplicate id \(first defined in a\.yaml\)"):
        load_bank(_one_section_kb(), _bank_dir(tmp_path, **{"a.yaml": GOOD, "b.yaml": GOOD}))


def test_every_section_must_be_covered(tmp_path):
    with pytest.raises(QuizBankError, match="no question covers section"):
        load_bank(KB, _bank_dir(tmp_path, **{"a.yaml": GOOD}))


def test_broken_yaml_and_empty_directory(tmp_path):
    with pytest.raises(QuizBankError, match="no question files"):
        load_bank(KB, tmp_path)
    with pytest.raises(QuizBankError, match="x.yaml: not valid YAML"):
        load_bank(KB, _bank_dir(tmp_path, **{"x.yaml": "questions: [unclosed"}))


def test_the_check_command_summarises_the_bank(capsys):
    from onboarding.__main__ import main
    assert main() == 0
    out = capsys.readouterr().out
    assert "questions on Social Media Policy version 1.0" in out and "Personal use of social media:" in out
