"""Scenario data and the pure walker: every path of every scenario, generated from the data."""
from __future__ import annotations

import pytest

from cards import NumberedList, Quote, Text
from dialogs.choices import Option, match_option
from dialogs.scenario_cards import guidance_line, outcome_card, question_card, steps_phrase
from policy_kb.model import CONTACTS
from policy_kb.scenarios import REPORT_FIELDS, Outcome, paths, walker
from tests.support.kb import scenarios_for, shipped_kb

KB = shipped_kb()
BOOK = scenarios_for(KB)
ISSUE_SCENARIOS = ("child_contact", "friend_request", "inappropriate_communications", "contact_families",
                   "class_account", "posting_photos", "trust_account_comment", "personal_posting")


def walk_path(scenario, route):
    """Answer a route from paths() one question at a time, as a person would."""
    walk = walker.start(scenario)
    for node_id, value in route[:-1]:
        assert walk.node == node_id
        walk = walker.answer(scenario, walk, value)
    assert walk.node == route[-1][0]
    return walk


def outcomes_of(scenario_id):
    scenario = BOOK.get(scenario_id)
    for route in paths(scenario):
        yield walk_path(scenario, route)


def cited(walk) -> set[str]:
    scenario = BOOK.get(walk.scenario)
    return {c for a in scenario.node(walk.node).actions_for(walk.answers) for c in a.clauses}


def test_the_issue_scenarios_are_all_there_in_order():
    assert tuple(s.id for s in BOOK.scenarios)[:8] == ISSUE_SCENARIOS


@pytest.mark.parametrize("scenario", BOOK.scenarios, ids=lambda s: s.id)
def test_every_path_ends_in_an_outcome_that_quotes_each_clause_verbatim(scenario):
    count = 0
    for route in paths(scenario):
        walk = walk_path(scenario, route)
        outcome = scenario.node(walk.node)
        assert isinstance(outcome, Outcome)
        card = outcome_card(KB, scenario, walk)
        actions = outcome.actions_for(walk.answers)
        # the steps are one numbered list, shown at once
        lists = [b for b in card.blocks if isinstance(b, NumberedList)]
        assert lists[0].items == tuple(a.text for a in actions)
        # which steps are guidance, not the policy's words, is said once
        guidance = [i for i, a in enumerate(actions, 1) if a.is_guidance]
        assert Text(guidance_line(actions), style="subtle") in card.blocks
        if guidance and len(guidance) < len(actions):
            assert guidance_line(actions).startswith(steps_phrase(guidance))
        quotes = [b for b in card.more if isinstance(b, Quote)]
        for action in actions:
            for clause_id in action.clauses:
                clause = KB.by_id[clause_id]
                assert any(q.text == clause.text and clause.section in q.source for q in quotes), clause_id
        for quote in quotes:  # nothing is quoted that is not the policy's own words, and nothing twice
            assert any(quote.text == c.text for c in KB.clauses)
        assert len({q.text for q in quotes}) == len(quotes)
        assert outcome.contacts_for(walk.answers)
        assert all(CONTACTS[who][1:] in card_text(card) for who in outcome.contacts_for(walk.answers))
        count += 1
    assert count >= len(scenario.outcomes())


def test_guidance_is_named_by_step_number():
    from policy_kb.scenarios.model import Action

    steps = (Action("a", ("x",)), Action("b"), Action("c"), Action("d", ("y",)), Action("e"))
    assert guidance_line(steps).startswith("Steps 2, 3 and 5 are safeguarding guidance")
    assert guidance_line(steps[1:2]) == "These steps are safeguarding guidance, not quotes from the policy."
    assert guidance_line(steps[:1]).startswith("Each step comes from the policy")
    assert steps_phrase([4]) == "Step 4 is"


def card_text(card) -> str:
    return "\n".join(getattr(b, "text", "") or "\n".join(getattr(b, "items", ())) for b in card.blocks)


@pytest.mark.parametrize("scenario", BOOK.scenarios, ids=lambda s: s.id)
def test_every_typed_label_and_synonym_means_its_own_choice(scenario):
    for question in scenario.questions():
        options = [Option(c.value, c.label, c.synonyms) for c in question.choices]
        for choice in question.choices:
            for typed in (choice.label, *choice.synonyms):
                found = match_option(typed, options)
                assert found is not None and found.value == choice.value, (question.id, typed)


@pytest.mark.parametrize("scenario", BOOK.scenarios, ids=lambda s: s.id)
def test_report_prefill_uses_only_the_keys_and_values_the_report_flow_accepts(scenario):
    for route in paths(scenario):
        walk = walk_path(scenario, route)
        prefill = walker.report_prefill(scenario, walk)
        assert prefill["scenario"] == scenario.id
        assert prefill["summary"].startswith(scenario.title)
        for key, value in prefill.items():
            allowed = REPORT_FIELDS[key]
            assert allowed is None or value in allowed, (key, value)


def test_question_cards_offer_every_choice():
    for scenario in BOOK.scenarios:
        for question in scenario.questions():
            walk = walker.Walk(scenario.id, question.id)
            card = question_card(KB, scenario, walk)
            offered = {b.data.get("choice") for b in card.buttons} - {None}
            offered |= {c.value for b in card.blocks if getattr(b, "id", "") == "choice" for c in b.choices}
            assert offered == {c.value for c in question.choices}


# ---- what the issue asks each scenario to say -------------------------------------------------

def test_child_contact_report_do_not_delete_keep_evidence_and_never_keep_sexual_images():
    for walk in outcomes_of("child_contact"):
        if walk.answers["contact"] == "former_adult":
            continue
        scenario = BOOK.get("child_contact")
        outcome = scenario.node(walk.node)
        text = " ".join(a.text for a in outcome.actions_for(walk.answers)).lower()
        assert outcome.offer_report and "dsl" in outcome.contacts_for(walk.answers)
        assert "don't delete anything" in text and "screenshots" in text and "date" in text and "platform" in text
        assert "sexual images of a child" in text and "never" in text
        if walk.answers["account"] == "personal":
            assert {"personal.report_child_contact", "personal.no_contact_parents_children"} <= cited(walk)
        else:
            assert "sanctioned.no_private_dm" in cited(walk)
        guidance = [a for a in outcome.actions_for(walk.answers) if "delete" in a.text or "screenshots" in a.text]
        assert guidance and all(a.is_guidance for a in guidance)  # not presented as the policy's words


def test_child_contact_report_prefill_from_answers():
    scenario = BOOK.get("child_contact")
    walk = walker.start(scenario, {"contact": "current_student", "account": "personal", "platform": "instagram"})
    walk = walker.answer(scenario, walk, "unsure")
    assert walker.report_prefill(scenario, walk) == {
        "scenario": "child_contact", "platform": "Instagram", "account_type": "personal", "initiated_by": "child",
        "concern_about": "child", "content_worry": "unsure",
        "summary": "A student or child contacted me on social media. Who: A current student; Account: My personal "
                   "account; Platform: Instagram; Content worries me: I'm not sure."}


@pytest.mark.parametrize("answers, title_starts, clause", [
    ({"requester": "current_student"}, "No", "personal.no_friend_students"),
    ({"requester": "ex_student", "age": "under_18"}, "No", "personal.no_friend_students"),
    ({"requester": "ex_student", "age": "unsure"}, "No", "personal.no_friend_students"),
    ({"requester": "ex_student", "age": "adult"}, "Yes — the rule stops at ex-students under 18", "personal.privacy_settings"),
    ({"requester": "parent"}, "No — not while you work", "personal.no_contact_parents_children"),
])
def test_friend_request_rules(answers, title_starts, clause):
    scenario = BOOK.get("friend_request")
    walk = walker.start(scenario, answers)
    outcome = scenario.node(walk.node)
    assert isinstance(outcome, Outcome) and outcome.title.startswith(title_starts)
    assert clause in cited(walk)
    if answers.get("age") == "adult":
        assert {"personal.avoid_specific_matters", "personal.consider_reputation"} <= cited(walk)


def test_inappropriate_communications_always_reports_immediately():
    for walk in outcomes_of("inappropriate_communications"):
        outcome = BOOK.get("inappropriate_communications").node(walk.node)
        assert "personal.report_inappropriate" in cited(walk) and outcome.offer_report
        assert "dsl" in outcome.contacts_for(walk.answers)
        if walk.answers["where"] == "trust":
            assert "sanctioned.remove_inappropriate_comments" in cited(walk)
        if walk.answers["images"] != "no":
            texts = [a.text.lower() for a in outcome.actions_for(walk.answers)]
            assert not any("take screenshots" in t or "take a screenshot" in t for t in texts), walk
            assert any("never copy, screenshot, save, forward or keep" in t for t in texts)


def test_contacting_families_email_and_personal_phones():
    scenario = BOOK.get("contact_families")
    assert "personal.official_email" in cited(walker.start(scenario, {"method": "trust_email"}))
    for method in ("personal_email", "personal_phone"):
        refused = walker.start(scenario, {"method": method, "approval": "no"})
        assert {"personal.no_personal_email_phone", "personal.official_email"} <= cited(refused)
        assert "executive_headteacher" in scenario.node(refused.node).contacts_for(refused.answers)
        allowed = walker.start(scenario, {"method": method, "approval": "yes"})
        assert "personal.no_personal_email_phone" in cited(allowed)


def test_class_account_checklist():
    for walk in outcomes_of("class_account"):
        assert {"sanctioned.slt_approval", "sanctioned.separate_account", "sanctioned.link_trust_email",
                "sanctioned.notify_url", "sanctioned.aup_link", "sanctioned.professional_content",
                "sanctioned.no_private_dm"} <= cited(walk)


def test_posting_photos_checks():
    scenario = BOOK.get("posting_photos")
    for consent in ("yes", "no", "unsure"):
        walk = walker.start(scenario, {"content": "photos", "consent": consent})
        assert {"sanctioned.photo_consent", "sanctioned.no_names_in_photos", "sanctioned.no_identifying_info",
                "sanctioned.external_links"} <= cited(walk)
    assert scenario.node(walker.start(scenario, {"content": "photos", "consent": "no"}).node).title.startswith("No —")


def test_trust_account_comment_remove_and_report_to_slt():
    for walk in outcomes_of("trust_account_comment"):
        outcome = BOOK.get("trust_account_comment").node(walk.node)
        assert "sanctioned.remove_inappropriate_comments" in cited(walk)
        assert "slt" in outcome.contacts_for(walk.answers)


def test_personal_posting_advice():
    for walk in outcomes_of("personal_posting"):
        assert "personal.privacy_settings" in cited(walk)
        if walk.answers["about"] != "pupil_photos":
            assert {"personal.avoid_specific_matters", "personal.consider_reputation"} <= cited(walk)


# ---- the walker ------------------------------------------------------------------------------

def test_prefill_skips_questions_even_after_a_typed_answer():
    scenario = BOOK.get("child_contact")
    walk = walker.start(scenario, {"contact": "current_student", "platform": "instagram"})
    assert walk.node == "account" and walk.prefilled == ("contact",)
    walk = walker.answer(scenario, walk, "personal")
    assert walk.node == "worry" and walk.answers["platform"] == "instagram"
    assert walk.prefilled == ("contact", "platform")


def test_back_returns_to_the_previous_question_and_forgets_its_answer():
    scenario = BOOK.get("child_contact")
    walk = walker.answer(scenario, walker.start(scenario, {"contact": "current_student"}), "trust")
    walk = walker.back(scenario, walk)
    assert walk.node == "account" and "account" not in walk.answers
    walk = walker.back(scenario, walk)
    assert walk.node == "who" and walk.prefilled == () and walk.answers == {}
    assert walker.back(scenario, walk) is None


def test_walk_round_trips_as_plain_data():
    scenario = BOOK.get("friend_request")
    walk = walker.start(scenario, {"requester": "ex_student", "platform": "x"})
    assert walker.Walk.from_dict(walk.to_dict()) == walk


def test_replay_rejects_answers_that_do_not_fit():
    scenario = BOOK.get("friend_request")
    assert walker.replay(scenario, [["requester", "ex_student"]]).node == "ex_student_age"
    for bad in ([["requester", "martian"]], [["ex_student_age", "adult"]], ["requester"]):
        with pytest.raises(ValueError):
            walker.replay(scenario, bad)


@pytest.mark.parametrize("typed, expected", [("17", "under_18"), ("19", "adult"), ("18", "adult"),
                                             ("she's 16", "under_18"), ("2", "under_18"), ("200", None),
                                             ("sixteen", None)])
def test_typed_ages(typed, expected):
    question = BOOK.get("friend_request").node("ex_student_age")
    assert walker.age_answer(question, typed) == expected


@pytest.mark.parametrize("scenario_id, text, expected", [
    ("child_contact", "a year 8 kid messaged me on insta, what now?",
     {"contact": "current_student", "platform": "instagram"}),
    ("child_contact", "a pupil messaged the department instagram privately",
     {"contact": "current_student", "account": "trust", "platform": "instagram"}),
    ("child_contact", "a student messaged my own account on snap", {"contact": "current_student",
                                                                     "account": "personal", "platform": "snapchat"}),
    ("friend_request", "mum from my class added me on fb", {"requester": "parent"}),
    ("friend_request", "a pupil's dad sent me a friend request", {"requester": "parent"}),
    ("friend_request", "an ex-pupil who is 19 added me on insta", {"requester": "ex_student", "age": "adult"}),
    ("friend_request", "a 17 year old former student followed me", {"requester": "ex_student", "age": "under_18"}),
    ("friend_request", "my mum added me on facebook", {}),
    ("friend_request", "a student's mum added me", {"requester": "parent"}),
    ("friend_request", "a student added me on insta", {}),  # current or ex? ask
    ("friend_request", "one of my year 11 tutees requested to follow me", {"requester": "current_student"}),
    ("contact_families", "I need to ring a parent from my mobile", {"method": "personal_phone"}),
])
def test_prefill_from_free_text(scenario_id, text, expected):
    assert walker.prefill_from_text(BOOK.get(scenario_id), text) == expected
