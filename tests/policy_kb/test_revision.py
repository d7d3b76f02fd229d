"""A new policy text, sentence by sentence; clauses carried to their new wording; documents read;
drafts decided and published only through the loader's checks."""
from __future__ import annotations

import pytest

from policy_kb import load_knowledge_base
from policy_kb.bundle import amended, knowledge_base_from_bundle, read_bundle
from policy_kb.revision.diff import carry_over, sentence_diff
from policy_kb.revision.draft import ReviewError, decide, policy_draft, publish_bundle, revision_draft
from policy_kb.revision.impact import Reference
from policy_kb.revision.importer import DocumentError, from_text, read_document
from tests.support.policies import AUP_TITLE, PASSWORD_RULE, REWORDED_TO, aup_docx, aup_text, changed_policy, pdf_of

OLD = "Staff must not do A. Staff should report B to the DSL. Pupils may use C. The purpose is to: protect the trust " \
      "from risks; keep children safe; and help staff."
NEW = "Staff must not do A. Staff must report B to the DSL at once. A brand new rule applies. The purpose is to: " \
      "protect the trust from legal risks; keep all children safe; and help staff."


def test_sentences_are_unchanged_reworded_new_or_removed():
    kinds = [(c.kind, c.old[:12], c.new[:12]) for c in sentence_diff(OLD, NEW)]
    assert kinds == [("unchanged", "Staff must n", "Staff must n"), ("reworded", "Staff should", "Staff must r"),
                     ("removed", "Pupils may u", ""), ("new", "", "A brand new "), ("reworded", "The purpose ", "The purpose ")]


@pytest.mark.parametrize(("quote", "carried"), [
    ("Staff should report B to the DSL.", "Staff must report B to the DSL at once."),
    ("keep children safe;", "keep all children safe;"),  # part of a sentence (a bullet)
    ("Pupils may use C.", ""),  # removed
    ("Staff must not do A.", "Staff must not do A."),
])
def test_a_quote_is_carried_to_the_words_that_stand_where_it_stood(quote, carried):
    assert carry_over(OLD, NEW, quote) == carried


def test_the_shipped_files_as_a_bundle_load_to_the_same_knowledge_base(kb):
    assert knowledge_base_from_bundle(read_bundle(), console_rules=False) == kb


def test_review_decisions_add_examples_once_and_skip_clauses_that_are_gone():
    bundle = read_bundle()
    added = amended(bundle, {"personal.privacy_settings": ["Can I hide my likes?", "can i hide my LIKES?"],
                             "gone.clause": ["x"]}, {})
    kb = knowledge_base_from_bundle(added)
    assert kb.by_id["personal.privacy_settings"].examples[-1] == "Can I hide my likes?"
    assert len(kb.by_id["personal.privacy_settings"].examples) == len(
        load_knowledge_base().by_id["personal.privacy_settings"].examples) + 1
    assert bundle == read_bundle()  # the original is untouched


def test_word_pdf_and_text_documents_give_headings_and_blocks():
    for document in (read_document("aup.docx", aup_docx()), read_document("aup.pdf", pdf_of(aup_text().splitlines())),
                     read_document("aup.txt", aup_text().encode())):
        assert [b.text for b in document.blocks if b.bullet][0] == PASSWORD_RULE
        assert any(h.lower() == "passwords" for h in document.headings)


@pytest.mark.parametrize(("name", "data", "problem"), [
    ("policy.doc", b"x", "not a .txt, .docx or .pdf"),
    ("policy.docx", b"not a zip", "not a Word document"),
    ("policy.pdf", b"%PDF-1.4 broken", "not a PDF"),
    ("policy.pdf", pdf_of([]), "no text layer"),
    ("policy.txt", "café".encode("latin-1"), "not UTF-8"),
])
def test_a_document_that_cannot_be_read_says_why(name, data, problem):
    with pytest.raises(DocumentError, match=problem):
        read_document(name, data)


@pytest.fixture(scope="module")
def draft():
    kb = load_knowledge_base()
    questions = [Reference("q1", "A question", ("personal.report_child_contact",)),
                 Reference("q2", "Another", ("vision.aspirations",))]
    situations = [Reference("s1", "A situation", ("personal.report_child_contact",))]
    return revision_draft(read_bundle(), kb, from_text(changed_policy(), kb.headings), questions, situations)


def test_a_draft_flags_the_clauses_questions_and_situations_a_change_touches(draft):
    flagged = {item["id"]: item for item in draft["items"]}
    assert flagged["clause:personal.report_child_contact"]["text"].endswith(REWORDED_TO.strip())
    assert flagged["clause:vision.aspirations"]["change"] == "removed"
    assert {"question:q1", "question:q2", "situation:s1", "new:1"} <= set(flagged)


def test_a_decision_that_breaks_the_rules_is_refused_with_the_reason(draft):
    base = {"action": "update", "stance": "report", "answer": "Report it.",
            "headline": "Report it to the DSL the same day"}
    with pytest.raises(ReviewError, match="not found verbatim"):
        decide(draft, "clause:personal.report_child_contact", {**base, "text": "Words the policy never says."})
    with pytest.raises(ReviewError, match="does not fit stance"):
        decide(draft, "clause:personal.report_child_contact", {**base, "headline": "Yes, go ahead",
                                                               "text": REWORDED_TO.strip()})
    with pytest.raises(ReviewError, match="mentions none of the words"):
        decide(draft, "new:1", {"action": "write", "headline": "No — never", "stance": "must_not", "answer": "No.",
                                "keywords": "ai", "examples": "can I?\ncan I really?\nmay I?"})


def test_publishing_needs_every_item_reviewed_and_a_proper_number_and_date(draft):
    with pytest.raises(ReviewError, match="still to review"):
        publish_bundle(draft, read_bundle(), "1.1", "2027-01-15")
    done = draft
    for item in draft["items"]:
        action = {"clause": "retire", "sentence": "leave_out", "question": "keep", "situation": "confirm"}[item["type"]]
        done = decide(done, item["id"], {"action": action})
    with pytest.raises(ReviewError, match="“A question” rests on personal.report_child_contact"):
        publish_bundle(done, read_bundle(), "1.1", "2027-01-15")
    done = decide(decide(done, "question:q1", {"action": "retire"}), "question:q2", {"action": "retire"})
    with pytest.raises(ReviewError, match="“A situation” quotes personal.report_child_contact"):
        publish_bundle(done, read_bundle(), "1.1", "2027-01-15")
    reworded = next(i for i in draft["items"] if i["id"] == "clause:personal.report_child_contact")
    done = decide(done, reworded["id"], {"action": "reopen"})
    with pytest.raises(ReviewError, match="1 item"):
        publish_bundle(done, read_bundle(), "1.1", "2027-01-15")
    done = decide(done, reworded["id"], {"action": "update", "text": reworded["text"], "headline": reworded["headline"],
                                         "stance": "report", "answer": "Report it the same day."})
    for number, adopted, problem in (("one", "2027-01-15", "version number"), ("1.1", "15/01/2027", "adoption date")):
        with pytest.raises(ReviewError, match=problem):
            publish_bundle(done, read_bundle(), number, adopted)
    bundle = publish_bundle(done, read_bundle(), "1.1", "2027-01-15")
    kb = knowledge_base_from_bundle(bundle)
    assert bundle["retired_questions"] == ["q1", "q2"] and kb.version == "1.1" and "vision.aspirations" not in kb.by_id
    assert kb.by_id["personal.report_child_contact"].answer == "Report it the same day."


def test_another_policy_is_drafted_one_clause_per_bullet_and_sentence():
    draft = policy_draft("it_aup", AUP_TITLE, read_document("aup.docx", aup_docx()), ["personal phone"])
    assert [i["text"] for i in draft["items"]][2] == PASSWORD_RULE
    assert draft["items"][2]["section"] == "Passwords" and draft["items"][2]["clause"] == "it_aup.passwords_3"
    assert draft["out_of_scope"] == [r"personal\ phone"]
