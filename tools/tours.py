"""What a new person does in the local Web Chat page, as scripts: the welcome and help, a policy
question, a situation, reporting a concern, the quiz, and side questions in the middle of each.

`make screenshots` (tools/screenshots.py) runs them to photograph each card; the browser tests
(tests/channels/test_webchat_cards.py) run the same scripts and check every card on the way.
Each script is given a Tour; `tour.look(name)` hands each card that appeared since the last look
to the tour's `on_card(name, check, element)`.
"""
from __future__ import annotations

import re
from typing import Callable

from .webchat_page import CardCheck, WebChatPage

# Checked at most one screen tall; every other card at most one and a half.
ANSWER_LOOKS = ("answer", "follow-on")
QUESTION = "Can I accept a friend request from a current pupil on my personal account?"
FOLLOW_ON = "what if she's left and is 19 now?"
SIDE_QUESTION = "can i text a parent from my own phone?"
SIDE_ANSWER = "Staff should not use personal email accounts or mobile phones"
REPORT_FORM = {"Who is the concern about": "A child or children", "Which child": "Sam Patel, Year 9",
               "When did it happen": "Today at 15:40", "Which platform": "Snapchat",
               "What was seen or said": "A message request saying \"miss can u add me back on snap xx\"",
               "What have you done so far": "Did not reply; took a screenshot"}


class Tour:
    """One person's visit: what they type and click (counted), and a look at each new card."""

    def __init__(self, page: WebChatPage, on_card: Callable[[str, CardCheck, object], None]):
        self.page, self.on_card = page, on_card
        self.seen = 0
        self.interactions = 0

    def send(self, text: str) -> None:
        self.interactions += 1
        self.page.send(text)

    def click(self, title: str) -> None:
        self.interactions += 1
        self.page.click(title)

    def look(self, name: str) -> list[CardCheck]:
        """Check each card that appeared since the last look (the newest last)."""
        cards = self.page.cards()
        found = []
        for element in cards[self.seen:]:
            check = self.page.check(element)
            self.on_card(name, check, element)
            found.append(check)
        self.seen = len(cards)
        return found

    def text(self) -> str:
        return self.page.text()


def welcome(tour: Tour, bank=None) -> None:
    """Open the page (the welcome card), then ask for help (the commands)."""
    tour.page.open()
    tour.page._until(lambda: tour.page.cards(), "the welcome card")
    tour.look("welcome")
    tour.send("help")
    tour.look("help")


def question(tour: Tour, bank=None) -> None:
    """Ask a policy question in a person's own words, then change one fact of it."""
    tour.send(QUESTION)
    tour.look("answer")
    tour.send(FOLLOW_ON)
    tour.look("follow-on")


def situation(tour: Tour, bank=None) -> None:
    """Pick a situation from the list, answer its questions by clicking, read the outcome."""
    tour.send("situations")
    tour.look("situations")
    tour.page.fill({"Situation": "A student or child contacted me"})
    tour.click("Start")
    tour.look("situation-question")
    tour.page.fill({"Your answer": "A current student"})
    tour.click("Next")
    tour.page.fill({"Your answer": "My personal account"})
    tour.click("Next")
    tour.page.fill({"Your answer": "Snapchat"})
    tour.click("Next")
    tour.look("situation-question")
    tour.click("I'm not sure")
    tour.look("situation-outcome")


def friend_request(tour: Tour, bank=None) -> None:
    """Describe a situation in one message: everything is in it, so the outcome comes at once."""
    tour.send("mum from my class added me on fb")
    tour.look("friend-request-outcome")


DISCLOSURE = "a pupil in my tutor group said her stepdad hits her when he's drunk, who do i tell"


def worried(tour: Tour, bank=None) -> None:
    """Tell of harm to a child in your own words (the safeguarding reply), then ask who the DSL is."""
    tour.send(DISCLOSURE)
    tour.look("disclosure")
    tour.send("who is our DSL?")
    tour.look("who-to-tell")


def report(tour: Tour, bank=None) -> str:
    """Report a concern: the danger question, the form, the summary, the reference. Returns the reference."""
    tour.send("report")
    tour.look("report-start")
    tour.click("No")
    assert "Call 999" not in tour.page.cards()[-3].text, "the danger answer was misread"
    tour.look("report-form")
    tour.page.fill(REPORT_FORM)
    tour.click("Check my report")
    tour.look("report-summary")
    tour.click("Submit the report")
    tour.look("report-received")
    found = re.search(r"SG-[A-Z0-9]{4}-[A-Z0-9]{4}", tour.text())
    assert found, "no reference on the page"
    return found.group(0)


def quiz(tour: Tour, bank, mode: str = "quiz") -> None:
    """Take the quiz (or `practice quiz`), answering every question rightly by typing its letters."""
    tour.send(mode)
    tour.look("quiz-start")
    tour.click("I have read the policy")
    tour.look("quiz-question")
    practice = mode.startswith("practice")
    for _ in range(len(bank.questions)):
        card = tour.page.cards()[-1].text
        if not card.startswith("Question") or "Ready to submit?" in card:
            break
        tour.send(right_answer(bank, card))
        newest = tour.page.cards()[-1].text
        tour.look("quiz-review" if "Ready to submit?" in newest else "quiz-result" if "result" in newest
                  else "quiz-feedback" if practice else "quiz-question")
    if "Ready to submit?" in tour.page.cards()[-1].text:
        tour.click("Submit all")
        tour.look("quiz-result")


def quiz_missed(tour: Tour, bank) -> None:
    """Take the quiz answering every question wrongly: the result, then the missed questions."""
    tour.send("quiz")
    tour.click("I have read the policy")
    for _ in range(len(bank.questions)):
        card = tour.page.cards()[-1].text
        if not card.startswith("Question"):
            break
        tour.send(wrong_answer(bank, card))
    tour.look("quiz-answered")
    tour.click("Submit all")
    tour.look("quiz-missed")


def practice(tour: Tour, bank) -> None:
    """The practice quiz: feedback after every answer."""
    quiz(tour, bank, "practice quiz")


def commands(tour: Tour, bank=None) -> None:
    """The commands the help card lists that show a card: the policy, your quiz results."""
    tour.send("policy")
    tour.look("policy")
    tour.send("my quiz results")
    tour.look("my-quiz-results")


def right_answer(bank, card_text: str, right: bool = True) -> str:
    """What to type to answer the question on a card rightly ("true", "b", "a, c"), or wrongly."""
    question = next(q for q in bank.questions if q.prompt in card_text)
    chosen = [o for o in question.options if o.correct] if right else \
        [next(o for o in question.options if not o.correct)]
    if question.kind == "true_false":
        return chosen[0].text.lower()
    shown = {m.group(2).strip(): m.group(1) for m in re.finditer(r"^([A-J])\.\s+(.+)$", card_text, re.M)}
    return ", ".join(shown[o.text].lower() for o in chosen)


def wrong_answer(bank, card_text: str) -> str:
    return right_answer(bank, card_text, right=False)


def side_questions(tour: Tour, bank) -> None:
    """A policy question typed in the middle of a report, a situation and the quiz: answered, then
    the flow carries on where it was."""
    for start, where in (("report", "report"), ("situations", "situation"), ("quiz", "quiz")):
        tour.send(start)
        if where == "report":
            tour.click("No")
        elif where == "situation":
            tour.page.fill({"Situation": "a friend or follow request"})
            tour.click("Start")
        else:
            tour.click("I have read the policy")
        tour.look(f"{where}-before-side-question")
        tour.send(SIDE_QUESTION)
        assert SIDE_ANSWER in tour.page.cards()[-2].text, "the side question was not answered"
        tour.look(f"{where}-side-question")
        tour.click("Carry on")
        tour.look(f"{where}-carried-on")
        tour.send("cancel")
        if "Discard" in tour.page.cards()[-1].text:
            tour.click("Discard")
        tour.look(f"{where}-cancelled")
