"""The report as one form where the channel shows forms: danger first, one card with every field
(prefilled, required ones marked), the summary naming who it goes to, then the reference."""
from safeguarding.intake import BY_ID, QUESTIONS
from tests.safeguarding.helpers import (
    REPORTER,
    card_elements,
    form_button,
    form_values,
    reference_in,
    say,
    teams_bot,
)


def inputs(reply) -> dict[str, dict]:
    return {e["id"]: e for e in card_elements(reply) if e["type"].startswith("Input.")}


async def test_a_typical_report_takes_four_interactions_in_teams(make_bot):
    bot = await teams_bot(make_bot)
    interactions = 0

    async def act(text=None, value=None):
        nonlocal interactions
        interactions += 1
        return await say(bot, REPORTER, text, value=value)

    opened = await act("report")
    form = await act(value=opened.button("No"))
    assert form_button(form) is not None and "Right now" in form.text
    summary = await act(value={**form_button(form), **form_values()})
    assert "Check your report" in summary.text
    done = await act(value=summary.button("Submit"))
    assert reference_in(done.text) and interactions == 4


async def test_the_form_has_every_field_the_required_ones_marked_with_multi_line_boxes(make_bot):
    bot = await teams_bot(make_bot)
    await say(bot, REPORTER, "report")
    form = await say(bot, REPORTER, "no")
    fields = inputs(form)
    for q in QUESTIONS:
        if q.id != "danger":
            assert q.id in fields, q.id
            assert fields[q.id]["isRequired"] is q.required, q.id
            if q.required:
                assert fields[q.id]["errorMessage"], q.id
    assert {q for q, f in fields.items() if f.get("isMultiline")} == {"what", "actions", "evidence"}
    platform = fields["platform"]
    assert platform["style"] == "compact" and platform["choices"][-1]["value"] == "other"
    assert "platform_other" in fields  # a platform that is not on the list can be typed
    assert "attach" not in form.text.lower()  # the page has no upload: the evidence is described


async def test_the_form_is_filled_in_from_what_the_message_said(make_bot):
    bot = await teams_bot(make_bot)
    await say(bot, REPORTER, "I need to report a concern: a year 9 girl sent me a message on snapchat last night")
    form = await say(bot, REPORTER, "no")
    fields = inputs(form)
    assert fields["platform"]["value"] == "Snapchat" and fields["concern_about"]["value"] == "child"
    assert fields["when"]["value"] == "last night"
    assert "a year 9 girl sent me a message" in fields["what"]["value"]


async def test_a_form_with_a_required_field_missing_comes_back_saying_what_to_fix(make_bot):
    bot = await teams_bot(make_bot)
    await say(bot, REPORTER, "report")
    form = await say(bot, REPORTER, "no")
    sent = {**form_values(), "what": "", "concern_about": "staff", "subject": ""}
    again = await say(bot, REPORTER, value={**form_button(form), **sent})
    assert "Please check" in again.text and "“What was seen or said” is needed" in again.text
    assert "which member of staff" in again.text
    assert inputs(again)["when"]["value"] == "today at 15:40"  # what was typed is kept
    fixed = await say(bot, REPORTER, value={**form_button(again), **sent, "what": "He messaged a pupil",
                                            "subject": "Colin Staff"})
    assert "Check your report" in fixed.text and "Colin Staff" in fixed.text
    assert "Helen Ward (headteacher)" in fixed.text  # a staff concern goes to the head, named


async def test_the_summary_names_who_it_goes_to_and_every_button_works(make_bot):
    bot = await teams_bot(make_bot)
    await say(bot, REPORTER, "report")
    form = await say(bot, REPORTER, "no")
    summary = await say(bot, REPORTER, value={**form_button(form), **form_values()})
    assert "it goes to Daniel Okafor (DSL) and Grace Lin (deputy DSL)" in summary.text
    assert [t for t, _ in summary.buttons] == ["Submit the report", "Change something", "Cancel"]
    changed = await say(bot, REPORTER, value=summary.button("Change something"))
    assert form_button(changed) is not None
    summary = await say(bot, REPORTER, value={**form_button(changed), **form_values()})
    cancelled = await say(bot, REPORTER, value=summary.button("Cancel"))
    assert "Discard this report?" in cancelled.text
    kept = await say(bot, REPORTER, value=cancelled.button("Keep going"))
    assert "Check your report" in kept.text
    done = await say(bot, REPORTER, value=kept.button("Submit the report"))
    assert reference_in(done.text)


async def test_every_button_on_the_step_by_step_summary_and_picker_works(make_bot):
    bot = await teams_bot(make_bot)
    await say(bot, REPORTER, "report")
    form = await say(bot, REPORTER, "no")
    walk = await say(bot, REPORTER, value=form.button("One question at a time"))
    assert BY_ID["concern_about"].prompt in walk.text and "Question 2 of 13" in walk.text
    reply = walk
    for _ in QUESTIONS:
        if "Check your report" in reply.text:
            break
        q = next(q for q in QUESTIONS if q.prompt in reply.text)
        reply = await say(bot, REPORTER, form_values()[q.id])
    picker = await say(bot, REPORTER, value=reply.button("Change something"))
    back = await say(bot, REPORTER, value=picker.button("Back to the summary"))
    assert "Check your report" in back.text
    picker = await say(bot, REPORTER, value=back.button("Change something"))
    question = await say(bot, REPORTER, value={**picker.button("Change it"), "pick": "when"})
    assert BY_ID["when"].prompt in question.text and "Change: When" in question.text
    again = await say(bot, REPORTER, "yesterday 16:00")
    assert "Check your report" in again.text and "yesterday 16:00" in again.text


async def test_a_question_typed_while_the_form_shows_is_answered_and_the_form_comes_back(make_bot):
    bot = await teams_bot(make_bot)
    await say(bot, REPORTER, "report")
    await say(bot, REPORTER, "no")
    asked = await say(bot, REPORTER, "can i text a parent from my own phone?")
    assert "Staff should not use personal email accounts or mobile phones" in asked.text
    assert "You were in the middle of your report (the report form)" in asked.text
    back = await say(bot, REPORTER, value=asked.button("Carry on"))
    assert form_button(back) is not None


async def test_a_story_typed_instead_of_into_the_form_is_added_to_it(make_bot):
    bot = await teams_bot(make_bot)
    await say(bot, REPORTER, "report")
    await say(bot, REPORTER, "no")
    added = await say(bot, REPORTER, "she said her stepdad reads all her messages")
    assert "added that to “What was seen or said”" in added.text
    assert "stepdad reads all her messages" in inputs(added)["what"]["value"]


def test_every_question_but_the_danger_one_is_on_the_form_once():
    from dialogs.report_form import FIELDS

    assert sorted(q.id for q in FIELDS) == sorted(q.id for q in QUESTIONS if q.id != "danger")
