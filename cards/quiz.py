"""Cards for the onboarding quiz: confirm, policy, question, feedback, review, result, certificate."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Sequence

from onboarding.bank import KIND_NAMES, Question
from onboarding.policy_text import policy_sections
from onboarding.scoring import Marked, Result
from policy_kb import KnowledgeBase

from .model import Block, Button, CardView, Choice, Facts, Input, NumberedList, Quote, Text
from .qa import source_of

LETTERS = "ABCDEFGHIJ"
CONTROLS = "Type back, start over, cancel or help at any time."
START = {"action": "quiz.start"}
PRACTICE = {"action": "quiz.practice"}
POLICY = {"action": "quiz.policy"}


def _letter(order: Sequence[str], option_id: str) -> str:
    return LETTERS[list(order).index(option_id)]


def answer_text(question: Question, order: Sequence[str], chosen) -> str:
    """'B. text' for each chosen option, in the order shown."""
    return "; ".join(f"{_letter(order, o)}. {question.option(o).text}" for o in order if o in chosen) or "(none)"


def confirm_card(kb: KnowledgeBase, mode: str, questions: int, pass_mark: int, policy_url: str = "") -> CardView:
    """Ask the user to confirm they have read the policy, offering it."""
    how = ("You'll see whether each answer is right as you go; practice attempts are not recorded as completions."
           if mode == "practice" else
           f"You'll get your score and feedback at the end. The pass mark is {pass_mark} %.")
    buttons = [Button("I have read the policy", {"quiz": "read"}, style="positive"),
               Button("Show me the policy", {"quiz": "policy"})]
    if policy_url:
        buttons.append(Button("Open the policy document", url=policy_url))
    return CardView(
        title="Practice quiz" if mode == "practice" else "Onboarding quiz",
        blocks=(Text(f"{questions} questions on the {kb.title} (version {kb.version}). {how}"),
                Text("Before you start, please confirm that you have read the policy.", style="heading"),
                Text("Answer by clicking, or by typing the letter (a, b...), true or false, or "
                     "letters separated by commas for \"select all\" questions. " + CONTROLS, style="subtle")),
        buttons=tuple(buttons),
        summary=f"Onboarding quiz: {questions} questions. Have you read the policy? (yes / show me the policy)",
    )


def policy_card(kb: KnowledgeBase, policy_url: str = "") -> CardView:
    """The policy text, section by section, verbatim from the knowledge base: its sections first,
    the whole text behind "Read the whole policy"."""
    sections = policy_sections(kb)
    text: list[Block] = []
    for section, texts in sections:
        text.append(Text(section, style="heading"))
        text.extend(Text(t) for t in texts)
    buttons = (Button("Open the policy document", url=policy_url),) if policy_url else ()
    return CardView(title=f"{kb.title} (version {kb.version})",
                    blocks=(Text(f"The policy has {len(sections)} sections:"),
                            NumberedList(tuple(section for section, _ in sections))),
                    buttons=buttons, more=tuple(text), more_label="Read the whole policy",
                    summary=f"The {kb.title}, version {kb.version}, section by section.")


def question_card(question: Question, order: Sequence[str], index: int, total: int, attempt_id: str,
                  note: str = "", current=None) -> CardView:
    """One question, 'Question 3 of 10', with a button per option (or checkboxes for select-all)."""
    blocks: list[Block] = []
    if note:
        blocks.append(Text(note, style="subtle"))
    blocks.append(Text(f"{KIND_NAMES[question.kind]} · {question.section}", style="subtle"))
    blocks.append(Text(question.prompt, style="heading"))
    data = {"quiz": "answer", "attempt": attempt_id, "index": index}
    if question.kind != "true_false":
        blocks.extend(Text(f"{_letter(order, o)}. {question.option(o).text}") for o in order)
    if question.kind == "multi":
        # Boxes carry only the letters: the options are written out above in full (channels
        # clip long checkbox labels), and the same letters work when typed.
        blocks.append(Input("quiz_choice", "Tick every answer that applies", kind="multichoice",
                            choices=tuple(Choice(_letter(order, o), o) for o in order),
                            value=",".join(o for o in order if current and o in current)))
        buttons = (Button("Submit answer", {**data, "multi": True}, style="positive"),)
        how = "Tick every answer that applies, then Submit; or type the letters, e.g. a, c."
    else:
        buttons = tuple(Button(question.option(o).text if question.kind == "true_false" else _letter(order, o),
                               {**data, "option": o}) for o in order)
        how = "Click an answer, or type true or false." if question.kind == "true_false" else \
            "Click a letter, or type it."
    if current:
        blocks.append(Text(f"Your current answer: {answer_text(question, order, current)}", style="subtle"))
    blocks.append(Text(f"{how} {CONTROLS}", style="subtle"))
    options = " ".join(f"{_letter(order, o)}. {question.option(o).text}" for o in order)
    return CardView(title=f"Question {index + 1} of {total}", blocks=tuple(blocks), buttons=buttons,
                    summary=f"Question {index + 1} of {total}: {question.prompt} {options}")


def _answers(question: Question, order: Sequence[str], chosen) -> list[str]:
    return [f"**Your answer:** {answer_text(question, order, chosen)}",
            f"**Right answer:** {answer_text(question, order, question.correct_ids)}"]


def _reasons(question: Question, order: Sequence[str], chosen) -> list[str]:
    """Why the right answer is right, then why each other answer chosen is not."""
    right = question.correct_ids
    return [f"**Why:** {question.option(o).explanation}" for o in order if o in right] + \
        [f"**Why not {_letter(order, o)}:** {question.option(o).explanation}"
         for o in order if o in chosen and o not in right]


def _why(question: Question, order: Sequence[str], chosen) -> Text:
    """Your answer, the right answer, why it is right, then why each other answer chosen is not."""
    return Text("\n\n".join(_answers(question, order, chosen) + _reasons(question, order, chosen)))


def _clauses(kb: KnowledgeBase, questions) -> list[Block]:
    """The policy behind the right answers of these questions, each clause once (no ids)."""
    quoted: list = []
    for question in questions:
        for o in question.correct_ids:
            for clause_id in question.option(o).clauses:
                clause = kb.by_id[clause_id]
                if clause.text not in (c.text for c in quoted):  # two clauses can share one sentence
                    quoted.append(clause)
    if not quoted:
        return []
    return [Text("What the policy says", style="heading"), *(Quote(c.text, source_of(kb, c)) for c in quoted)]


def feedback_card(kb: KnowledgeBase, question: Question, order: Sequence[str], index: int, total: int,
                  marked: Marked) -> CardView:
    """Practice mode: right or not, straight away, with why; the clause behind Show more."""
    blocks: list[Block] = [Text("Correct" if marked.correct else "Not quite",
                                style="good" if marked.correct else "warning"),
                           _why(question, order, marked.chosen)]
    return CardView(title=f"Question {index + 1} of {total}: feedback", blocks=tuple(blocks),
                    summary=("Correct. " if marked.correct else "Not quite. ") +
                    f"Right answer: {answer_text(question, order, question.correct_ids)}",
                    more=tuple(_clauses(kb, [question])), more_label="What the policy says")


def review_card(questions: Sequence[tuple[Question, Sequence[str]]], answers: Sequence, attempt_id: str) -> CardView:
    """Assessment mode, before submitting: every answer given, in words, with a way to change one."""
    pairs = tuple((f"Question {i + 1}", answer_text(q, order, answers[i]) if answers[i] else "not answered")
                  for i, (q, order) in enumerate(questions))
    return CardView(
        title="Ready to submit?",
        blocks=(Text("Here are your answers. Submit to see your score, or type a question number to change "
                     "that answer."), Facts(pairs), Text(CONTROLS, style="subtle")),
        buttons=(Button("Submit all and finish", {"quiz": "submit", "attempt": attempt_id}, style="positive"),),
        summary="All questions answered. Type submit to finish, or a question number to change an answer.",
    )


MISSED_PER_CARD = 3  # each card within a phone's screen and a half (and Teams' ~28 KB message limit)


def result_cards(kb: KnowledgeBase, result: Result, drawn: Sequence[tuple[Question, Sequence[str]]],
                 mode: str) -> list[CardView]:
    """Score and pass mark; then, for every missed question, the right answer and why (the policy
    behind Show more); the buttons to go on come on the last card, below everything."""
    passed = result.passed
    title = "Practice result" if mode == "practice" else ("Quiz result: passed" if passed else "Quiz result: not passed yet")
    blocks: list[Block] = [
        Text("Well done, you passed." if passed else
             f"You need {result.pass_mark} % to pass. Read the explanations, then try again: "
             "each attempt draws new questions.", style="good" if passed else "warning"),
        Facts((("Score", f"{result.score} out of {result.total} ({result.percent} %)"),
               ("Pass mark", f"{result.pass_mark} %"),
               ("Policy", f"{kb.title}, version {kb.version}"))),
    ]
    if mode == "practice":
        blocks.append(Text("This was a practice attempt: it does not count as a completion.", style="subtle"))
    missed = [(i, m) for i, m in enumerate(result.marked) if not m.correct]
    if missed:
        blocks.append(Text(f"{len(missed)} question(s) to look at again follow.", style="subtle"))
    cards = [CardView(title=title, blocks=tuple(blocks),
                      summary=f"{title}: {result.score} out of {result.total} ({result.percent} %); "
                              f"pass mark {result.pass_mark} %.")]
    for start in range(0, len(missed), MISSED_PER_CARD):
        chunk = missed[start:start + MISSED_PER_CARD]
        review: list[Block] = []
        reasons: list[Block] = []
        for i, marked in chunk:
            question, order = drawn[i]
            # one block a question: two questions may share an answer ("B. False"), never their text
            review.append(Text("\n\n".join([f"**Question {i + 1}: {question.prompt}**",
                                              *_answers(question, order, marked.chosen)])))
            reasons.append(Text(f"**Question {i + 1}.** " + "\n\n".join(_reasons(question, order, marked.chosen))))
        span = f"{start + 1}–{start + len(chunk)} of {len(missed)}" if len(missed) > MISSED_PER_CARD else ""
        cards.append(CardView(title="Questions to look at again" + (f" ({span})" if span else ""),
                              blocks=tuple(review),
                              summary="Missed questions with the right answers and the policy text"
                                      + (f" ({span})." if span else "."),
                              more=(*reasons, *_clauses(kb, [drawn[i][0] for i, _ in chunk])),
                              more_label="Why, and the policy"))
    buttons = (Button("Take the quiz again", START), Button("Practice quiz", PRACTICE), Button("Read the policy", POLICY))
    cards[-1] = replace(cards[-1], buttons=buttons)
    return cards


def short_reference(attempt_id: str) -> str:
    """A reference a person can read out: QZ- and the attempt id's first eight characters ("QZ-3F9A-1C2B")."""
    head = attempt_id.replace("-", "").upper()[:8]
    return f"QZ-{head[:4]}-{head[4:]}"


# Names a channel gives when it does not know the person (Web Chat's "You", a test user).
_NO_NAME = {"", "you", "user", "(name not known)", "unknown"}


def certificate_card(kb: KnowledgeBase, name: str, when: datetime, score: int, total: int, attempt_id: str,
                     version: str | None = None) -> CardView:
    """The completion record a head could print: name, date, score, policy version, a short reference."""
    date = f"{when.day} {when:%B %Y}"
    version = version or kb.version
    percent = score * 100 // total if total else 0
    known = name.strip().lower() not in _NO_NAME
    who = name.strip() if known else "Not given by this chat (in Teams, your name is filled in)"
    headline = (f"{name.strip()} has passed" if known else "Passed:") + \
        f" the new-starter onboarding quiz on the {kb.title}."
    reference = short_reference(attempt_id)
    return CardView(
        title="Certificate of completion",
        blocks=(Text(headline, style="good"),
                Facts((("Name", who), ("Date", date), ("Score", f"{score} out of {total} ({percent} %)"),
                       ("Policy", f"{kb.title}, version {version}"), ("Reference", reference))),
                Text("This completion is recorded; your school leaders and HR can see it.", style="subtle")),
        summary=f"Certificate of completion: {name.strip() if known else 'passed'}, {date}, {percent} %, "
                f"{kb.title} version {version}, reference {reference}.",
    )


def history_card(attempts: Sequence, version: str) -> CardView:
    """A person's own attempts, newest first."""
    pairs = []
    for a in attempts:
        when = f"{a.started_at.day} {a.started_at:%b %Y}"
        if a.status == "finished":
            outcome = f"{a.score}/{a.total}" + (" passed" if a.passed else " not passed")
        else:
            outcome = "in progress" if a.status == "in_progress" else "cancelled"
        pairs.append((f"{when} ({a.mode}, v{a.policy_version})", outcome))
    blocks: list[Block] = [Facts(tuple(pairs))] if pairs else [Text("You haven't taken the quiz yet.")]
    blocks.append(Text(f"The policy is at version {version}. Retakes are unlimited.", style="subtle"))
    return CardView(title="Your onboarding quiz attempts", blocks=tuple(blocks),
                    buttons=(Button("Take the onboarding quiz", START), Button("Practice quiz", PRACTICE)),
                    summary=f"{len(pairs)} quiz attempt(s).")


def new_starter_card(kb: KnowledgeBase, due: str) -> CardView:
    """For someone on the roster who has not passed: the quiz and when it is due."""
    return CardView(
        title="Your onboarding quiz",
        blocks=(Text(f"As a new member of staff, please pass the short quiz on the {kb.title} by {due}. "
                     "It takes about ten minutes, and you can practise first."),),
        buttons=(Button("Take the onboarding quiz", START), Button("Practice quiz", PRACTICE),
                 Button("Read the policy", POLICY)),
        summary=f"Please pass the onboarding quiz on the {kb.title} by {due}. Type quiz to start.",
    )
