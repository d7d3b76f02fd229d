"""Cards for guided scenarios: the picker, each question, and the outcome.

Each card is short: what the person must do or answer first, the rest (the policy's words, the
answers so far) behind "Show more". `contacts` maps a role of policy_kb.CONTACTS to how this
person should read it (their school's DSL by name, where known).
"""
from __future__ import annotations

from typing import Mapping

from cards import Button, CardView, Choice, Facts, Input, NumberedList, Quote, Text
from cards.model import policy_answer
from cards.qa import VERDICT_STYLE
from policy_kb.model import CONTACTS, says
from policy_kb.scenarios import Outcome, Question, Scenario, ScenarioBook, Walk
from policy_kb.scenarios.walker import answered

MAX_BUTTONS = 5  # more choices than this become a choice list with one "Next" button
MAX_BUTTON_TITLE = 30  # characters: a longer choice is cut off on a button on a phone, so it goes in a list
CONTROL_HINT = "Answer with a button or by typing. You can also type back, start over, cancel or help."
DANGER = "If a child is in immediate danger, call 999 and tell the designated person for Child Protection now."


def clause_source(kb, clause) -> str:
    """Where a quote comes from: the policy, its version and the section."""
    return f"{kb.title} v{kb.version}, section: {clause.section}"


def picker_card(book: ScenarioBook, danger: str = DANGER) -> CardView:
    """Choose a situation to be walked through."""
    return CardView(
        title="Walk me through a situation",
        blocks=(
            Text("Choose the situation closest to yours, or describe it in your own words "
                 "(for example: \"a year 8 kid messaged me on insta\")."),
            Input(id="scenario", label="Situation", kind="choice", required=True,
                  choices=tuple(Choice(f"{s.order}. {s.title}", s.id) for s in book.scenarios)),
            Text("Typing? Send scenario and a number, for example: scenario 1.", style="subtle"),
            Text(danger, style="attention"),
        ),
        buttons=(Button("Start", {"action": "scenario.start"}, style="positive"),),
        summary="Which situation? " + "; ".join(f"{s.order}. {s.title}" for s in book.scenarios),
    )


def recently_prefilled(scenario: Scenario, walk: Walk) -> list[tuple[str, str]]:
    """The answers taken from the starting text since the person last answered themselves."""
    pairs = answered(scenario, walk)
    recent = []
    for node_id, pair in reversed(list(zip(walk.history, pairs))):
        if scenario.node(node_id).slot not in walk.prefilled:
            break
        recent.append(pair)
    return recent[::-1]


def _policy_quotes(kb, clause_ids) -> list:
    """The policy's words for these clauses, each once, under one heading."""
    seen: list = []
    for clause_id in clause_ids:
        clause = kb.by_id[clause_id]
        if clause.text not in (c.text for c in seen):
            seen.append(clause)
    if not seen:
        return []
    return [Text("What the policy says", style="heading"), *(Quote(c.text, clause_source(kb, c)) for c in seen)]


def question_card(kb, scenario: Scenario, walk: Walk, intro: bool = False, problem: str = "") -> CardView:
    """The current question, with its options as buttons (or a choice list when there are many or
    they are long); on the first card, what was taken from the message, and the policy behind Show more."""
    question = scenario.node(walk.node)
    assert isinstance(question, Question)
    blocks: list = []
    prefilled = recently_prefilled(scenario, walk)
    if prefilled:
        blocks += [Text("From what you wrote", style="heading"), Facts(tuple(prefilled)),
                   Text("Not right? Type back to change it.", style="subtle")]
    if problem:
        blocks.append(Text(problem, style="warning"))
    settled = settled_rule(kb, scenario) if intro else None
    if settled is not None:
        blocks.append(Text(f"{settled.headline}, whatever the answers below.", style=VERDICT_STYLE[settled.verdict]))
    blocks.append(Text(question.ask, style="heading"))
    if question.hint:
        blocks.append(Text(question.hint, style="subtle"))
    where = {"scenario": scenario.id, "node": question.id}
    long = any(len(c.label) > MAX_BUTTON_TITLE for c in question.choices)
    if len(question.choices) <= MAX_BUTTONS and not long:
        buttons = tuple(Button(c.label, {**where, "choice": c.value}) for c in question.choices)
    else:
        blocks.append(Input(id="choice", label="Your answer", kind="choice", required=True,
                            choices=tuple(Choice(c.label, c.value) for c in question.choices)))
        buttons = (Button("Next", where, style="positive"),)
    blocks.append(Text(CONTROL_HINT, style="subtle"))
    options = "; ".join(f"{i}. {c.label}" for i, c in enumerate(question.choices, 1))
    more = tuple(_policy_quotes(kb, scenario.key_clauses)) if intro else ()
    # A rule every ending of the situation agrees on is an answer already: declared like one.
    entities = (policy_answer(settled.verdict, (settled.id,), kb.version),) if settled is not None else ()
    lead = f"{settled.headline}. " if settled is not None else ""
    return CardView(title=scenario.title, blocks=tuple(blocks), buttons=buttons,
                    summary=f"{lead}{problem + ' ' if problem else ''}{question.ask} Options: {options}",
                    more=more, more_label="What the policy says", entities=entities)


def settled_rule(kb, scenario: Scenario):
    """The situation's first key clause when every one of its outcomes reads as that clause's verdict
    ("report" for a comment on a trust account, whether or not a child is involved), else None: the
    person can be told the rule before the first question. Only rules, not information."""
    if not scenario.key_clauses:
        return None
    clause = kb.by_id[scenario.key_clauses[0]]
    verdicts = {says(outcome.title) for outcome in scenario.outcomes()}
    return clause if verdicts == {clause.verdict} and clause.verdict != "info" else None


def steps_phrase(numbers: list[int]) -> str:
    """"Step 2 is" / "Steps 2, 3 and 5 are"."""
    if len(numbers) == 1:
        return f"Step {numbers[0]} is"
    return f"Steps {', '.join(map(str, numbers[:-1]))} and {numbers[-1]} are"


def guidance_line(actions) -> str:
    """Which steps are safeguarding guidance rather than the policy's words: said once per card."""
    guidance = [i for i, a in enumerate(actions, 1) if a.is_guidance]
    if not guidance:
        return "Each step comes from the policy; its words are under Show more."
    if len(guidance) == len(actions):
        return "These steps are safeguarding guidance, not quotes from the policy."
    return f"{steps_phrase(guidance)} safeguarding guidance, not a quote from the policy; the policy's " \
           "words for the others are under Show more."


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def last_own_answer(scenario: Scenario, walk: Walk) -> int | None:
    """Where in the history the person last answered themselves (not from their message); None if never."""
    for index in range(len(walk.history) - 1, -1, -1):
        if scenario.node(walk.history[index]).slot not in walk.prefilled:
            return index
    return None


def outcome_card(kb, scenario: Scenario, walk: Walk, report_prefill: dict | None = None,
                 key_clauses: bool = False, contacts: Mapping[str, str] = CONTACTS) -> CardView:
    """What to do, as one numbered list, and who to contact by name; the policy's words for each
    step and the answers given behind Show more.

    `key_clauses`: this is the first card of the walk, so quote the scenario's key clauses too.
    """
    outcome = scenario.node(walk.node)
    assert isinstance(outcome, Outcome)
    actions = outcome.actions_for(walk.answers)
    blocks: list = [Text(outcome.intro)] if outcome.intro else []
    blocks.append(NumberedList(tuple(a.text for a in actions)))
    blocks.append(Text(guidance_line(actions), style="subtle"))
    who = [_sentence(contacts[w]) for w in outcome.contacts_for(walk.answers)]
    blocks.append(Text("Who to contact", style="heading"))
    blocks.append(Text(who[0]) if len(who) == 1 else NumberedList(tuple(who)))
    cited = [c for a in actions for c in a.clauses]
    more = _policy_quotes(kb, cited + (list(scenario.key_clauses) if key_clauses else []))
    pairs = answered(scenario, walk)
    if pairs:
        more += [Text("Your answers", style="heading"), Facts(tuple(pairs))]
        if walk.prefilled:
            more.append(Text("I took some of these answers from what you wrote. Not right? Choose "
                             "“Start this again”.", style="subtle"))
    buttons = []
    if report_prefill is not None:
        buttons.append(Button("Report this now", {"action": "report.start", "prefill": report_prefill},
                              style="positive"))
    own = last_own_answer(scenario, walk)
    if own is not None:
        path = [[node_id, walk.answers[scenario.node(node_id).slot]] for node_id in walk.history[:own + 1]]
        buttons.append(Button("Change my last answer", {"action": "scenario.back", "scenario": scenario.id,
                                                        "path": path}))
    buttons.append(Button("Start this again", {"action": "scenario.start", "scenario": scenario.id}))
    buttons.append(Button("Another situation", {"action": "scenario.menu"}))
    lines = " ".join(f"{i}. {a.text}" for i, a in enumerate(actions, 1))
    # The same declaration a Q&A answer makes: the verdict its title reads as, the clauses it cites.
    entity = policy_answer(says(outcome.title), dict.fromkeys(cited), kb.version)
    return CardView(title=outcome.title, blocks=tuple(blocks), buttons=tuple(buttons),
                    summary=f"{outcome.title}. {lines} Who to contact: {'; '.join(who)}.",
                    more=tuple(more), more_label="What the policy says", entities=(entity,))
