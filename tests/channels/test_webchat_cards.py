"""What a person sees, in real headless Chromium at phone (420×800) and desktop (1280×900) size.

The scripts of tools/tours.py (the same ones `make screenshots` photographs) run against the bot;
every card on the way is checked on the rendered page, not in its JSON: the numbers of every
list and choice set run 1, 2, 3; no word is split across lines; no label is cut off; no sentence
is shown twice; a policy answer is at most one screen tall and any other card one and a half.
Skipped outside CI when Chromium or the Web Chat bundle is missing (failed in CI), as
test_webchat_browser.py is.
"""
from __future__ import annotations

import asyncio
import os

import pytest

from tools import tours
from tools.webchat_page import DESKTOP, PHONE, Browser, WebChatPage, missing

SIZES = {"phone": PHONE, "desktop": DESKTOP}


@pytest.fixture(scope="module", params=sorted(SIZES))
def browser(request):
    problem = missing()
    if problem:
        if os.environ.get("CI") == "true":
            pytest.fail(f"in CI the browser tests must run: {problem}")
        pytest.skip(problem)
    found = Browser(SIZES[request.param])
    found.size = request.param
    yield found
    found.close()


class Run:
    """A tour's cards as they were checked, and what was wrong with them."""

    def __init__(self):
        self.looks: list[tuple[str, object]] = []

    def on_card(self, name, check, element) -> None:
        self.looks.append((name, check))

    def named(self, name: str) -> list:
        return [check for n, check in self.looks if n == name]

    def problems(self) -> list[str]:
        return [p for name, check in self.looks for p in check.problems(1.0 if name in tours.ANSWER_LOOKS else 1.5)]


async def tour(bot, browser, script, *args):
    """Run a script of tools/tours.py on a fresh page; (its Run, the Tour, what the script returned)."""
    run = Run()
    page = WebChatPage(browser, bot.base_url)
    walk = tours.Tour(page, run.on_card)

    def go():
        page.open()
        page._until(lambda: page.cards(), "the welcome card")
        if script is not tours.welcome:
            walk.seen = len(page.cards())
        return script(walk, *args)

    result = await asyncio.to_thread(go)
    return run, walk, result


@pytest.fixture
async def bot(make_bot):
    return await make_bot({"QUIZ_QUESTIONS": "4"})


async def test_the_welcome_and_help_read_well_and_list_what_to_type(bot, browser):
    run, walk, _ = await tour(bot, browser, tours.welcome)
    assert run.problems() == []
    (welcome,), (help_card,) = run.named("welcome"), run.named("help")
    assert welcome.numbers == [[1, 2, 3, 4]] and help_card.numbers == [[1, 2, 3, 4]]
    assert "my quiz results" in walk.text() and "my reports" in walk.text()


async def test_the_policy_shows_its_sections_and_opens_in_full(bot, browser):
    run, walk, _ = await tour(bot, browser, tours.commands)
    assert run.problems() == []
    (policy,) = run.named("policy")
    from onboarding.policy_text import policy_sections

    assert policy.numbers == [list(range(1, len(policy_sections(bot.services.kb)) + 1))]  # the sections
    await asyncio.to_thread(walk.page.toggle, "Read the whole policy", walk.page.cards()[-2])
    whole = await asyncio.to_thread(walk.page.check, walk.page.cards()[-2])
    assert whole.height > policy.height and whole.split_words == [] and whole.clipped == []


async def test_a_policy_answer_is_at_most_one_screen(bot, browser):
    run, _, _ = await tour(bot, browser, tours.question)
    (answer,) = run.named("answer")
    assert answer.title == "Policy answer" and answer.screens <= 1.0, answer.height
    assert answer.bad_numbers == [] and answer.split_words == [] and answer.repeated == []


async def test_a_policy_answer_cuts_off_no_button(bot, browser):
    run, _, _ = await tour(bot, browser, tours.question)
    assert run.named("answer")[0].clipped == []


async def test_a_situation_from_the_list_to_its_outcome(bot, browser):
    run, walk, _ = await tour(bot, browser, tours.situation)
    assert run.problems() == []
    (picker,) = run.named("situations")
    assert picker.numbers == [[1, 2, 3, 4, 5, 6, 7, 8]]  # the choice list, numbered once each
    (outcome,) = run.named("situation-outcome")
    assert outcome.numbers == [list(range(1, 8))]  # one list of seven steps
    # What the policy says opens in place, and reads as well
    await asyncio.to_thread(walk.page.toggle, "What the policy says")
    opened = await asyncio.to_thread(walk.page.check)
    assert opened.height > outcome.height and opened.problems(max_screens=3) == []
    assert "Any communication received from children" in walk.text()


async def test_a_described_situation_goes_straight_to_its_outcome(bot, browser):
    run, _, _ = await tour(bot, browser, tours.friend_request)
    assert run.problems() == []
    assert "Change my last answer" not in run.named("friend-request-outcome")[0].title


async def test_a_worried_person_is_told_who_to_tell_by_name(bot, browser):
    run, walk, _ = await tour(bot, browser, tours.worried)
    assert run.problems() == []
    (disclosure,) = run.named("disclosure")
    (who,) = run.named("who-to-tell")
    assert disclosure.title == "A child may be at risk" and who.title == "Who to tell"
    assert "call 999 first" in walk.text() and walk.text().count("Report a concern") >= 2


async def test_a_typical_report_reaches_its_reference_in_at_most_six_interactions(bot, browser):
    run, walk, reference = await tour(bot, browser, tours.report)
    assert run.problems() == []
    assert reference.startswith("SG-") and walk.interactions <= 6, walk.interactions
    (summary,) = run.named("report-summary")
    assert "Check your report" in summary.title
    # and at 320 px wide, the narrowest phone, still no word is split
    await asyncio.to_thread(browser.resize, (320, 640))
    try:
        narrow = [await asyncio.to_thread(walk.page.check, card) for card in walk.page.cards()]
    finally:
        await asyncio.to_thread(browser.resize, SIZES[browser.size])
    assert [w for check in narrow for w in check.split_words] == []


async def test_the_quiz_to_its_certificate_and_the_practice_feedback(bot, browser):
    bank = bot.services.quiz.bank
    run, walk, _ = await tour(bot, browser, tours.quiz, bank)
    assert run.problems() == []
    assert "Certificate of completion" in walk.text() and "You has passed" not in walk.text()
    run, walk, _ = await tour(bot, browser, tours.practice, bank)
    assert run.problems() == []
    assert run.named("quiz-feedback") and "Why:" in walk.text()


async def test_a_failed_quiz_shows_every_missed_question_within_a_screen_and_a_half_a_card(bot, browser):
    run, walk, _ = await tour(bot, browser, tours.quiz_missed, bot.services.quiz.bank)
    assert run.problems() == []
    missed = [c for c in run.named("quiz-missed") if c.title.startswith("Questions to look at again")]
    assert missed and "not passed yet" in walk.text()
    cards = walk.page.cards()
    assert "Take the quiz again" in [b.text for b in walk.page.buttons(cards[-1])]  # the buttons come last...
    assert not any("Take the quiz" in b.text for card in cards[-len(missed) - 1:-1]
                   for b in walk.page.buttons(card))  # ...not above the missed questions


async def test_a_side_question_mid_report_situation_and_quiz_is_answered_and_the_flow_resumes(bot, browser):
    run, walk, _ = await tour(bot, browser, tours.side_questions, bot.services.quiz.bank)
    assert run.problems() == []
    carried = {name: checks[-1].title for name, checks in
               ((n, run.named(n)) for n in ("report-carried-on", "situation-carried-on", "quiz-carried-on"))}
    assert carried == {"report-carried-on": "Report a safeguarding concern",
                       "situation-carried-on": "I’ve had a friend or follow request",
                       "quiz-carried-on": "Question 1 of 4"}, carried
