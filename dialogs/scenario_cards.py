"""Cards for guided scenarios: the picker, each question, and the outcome."""
from __future__ import annotations

from cards import Button, CardView, Choice, Facts, Input, Quote, Text
from policy_kb.model import CONTACTS
from policy_kb.scenarios import Outcome, Question, Scenario, ScenarioBook, Walk
from policy_kb.scenarios.walker import answered

MAX_BUTTONS = 5  # more choices than this become a choice list with one "Next" button
CONTROL_HINT = "Answer with a button or by typing. You can also type back, start over, cancel or help."
GUIDANCE_NOTE = "Safeguarding guidance, not a quote from the policy."
DANGER = "If a child is in immediate danger, call 999 and tell the designated person for Child Protection now."


def clause_source(kb, clause) -> str:
    """Where a quote comes from: the policy, its version and the section."""
    return f"{kb.title} v{kb.version}, section: {clause.section}"


def picker_card(book: ScenarioBook) -> CardView:
    """Choose a situation to be walked through."""
    return CardView(
        title="Walk me through a situation",
        blocks=(
            Text("Choose the situation closest to yours, or describe it in your own words "
                 "(for example: \"a year 8 kid messaged me on insta\")."),
            Input(id="scenario", label="Situation", kind="choice", required=True,
                  choices=tuple(Choice(f"{s.order}. {s.title}", s.id) for s in book.scenarios)),
            Text("Typing? Send scenario and a number, for example: scenario 1.", style="subtle"),
            Text(DANGER, style="attention"),
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


def _intro_blocks(kb, scenario: Scenario, walk: Walk, with_clauses: bool) -> list:
    blocks: list = []
    if with_clauses:
        blocks.append(Text("What the policy says", style="heading"))
        for clause_id in scenario.key_clauses:
            clause = kb.by_id[clause_id]
            blocks.append(Quote(clause.text, clause_source(kb, clause)))
    prefilled = recently_prefilled(scenario, walk)
    if prefilled:
        blocks.append(Text("From what you wrote", style="heading"))
        blocks.append(Facts(tuple(prefilled)))
        blocks.append(Text("Not right? Type back to change it.", style="subtle"))
    return blocks


def question_card(kb, scenario: Scenario, walk: Walk, intro: bool = False, problem: str = "") -> CardView:
    """The current question, with its options as buttons (or a choice list when there are many)."""
    question = scenario.node(walk.node)
    assert isinstance(question, Question)
    blocks = _intro_blocks(kb, scenario, walk, with_clauses=intro)
    if problem:
        blocks.append(Text(problem, style="warning"))
    blocks.append(Text(question.ask, style="heading"))
    if question.hint:
        blocks.append(Text(question.hint, style="subtle"))
    where = {"scenario": scenario.id, "node": question.id}
    if len(question.choices) <= MAX_BUTTONS:
        buttons = tuple(Button(c.label, {**where, "choice": c.value}) for c in question.choices)
    else:
        blocks.append(Input(id="choice", label="Your answer", kind="choice", required=True,
                            choices=tuple(Choice(c.label, c.value) for c in question.choices)))
        buttons = (Button("Next", where, style="positive"),)
    blocks.append(Text(CONTROL_HINT, style="subtle"))
    options = "; ".join(f"{i}. {c.label}" for i, c in enumerate(question.choices, 1))
    return CardView(title=scenario.title, blocks=tuple(blocks), buttons=buttons,
                    summary=f"{problem + ' ' if problem else ''}{question.ask} Options: {options}")


def outcome_card(kb, scenario: Scenario, walk: Walk, report_prefill: dict | None = None,
                 key_clauses: bool = False) -> CardView:
    """Numbered actions, each with the clauses quoted verbatim (or marked as guidance), and who to contact.

    `key_clauses`: this is the first card of the walk, so quote the scenario's key clauses too.
    """
    outcome = scenario.node(walk.node)
    assert isinstance(outcome, Outcome)
    actions = outcome.actions_for(walk.answers)
    blocks: list = []
    quoted: set[str] = set()
    if key_clauses:
        cited = {kb.by_id[c].text for a in actions for c in a.clauses}
        extra = [kb.by_id[c] for c in scenario.key_clauses if kb.by_id[c].text not in cited]
        if extra:
            blocks.append(Text("What the policy says", style="heading"))
            for clause in extra:
                quoted.add(clause.text)
                blocks.append(Quote(clause.text, clause_source(kb, clause)))
    if outcome.intro:
        blocks.append(Text(outcome.intro))
    lines = []
    for number, action in enumerate(actions, 1):
        blocks.append(Text(f"{number}. {action.text}", style="heading"))
        lines.append(f"{number}. {action.text}")
        if action.is_guidance:
            blocks.append(Text(GUIDANCE_NOTE, style="subtle"))
        for clause_id in action.clauses:
            clause = kb.by_id[clause_id]
            if clause.text in quoted:
                blocks.append(Text(f"(The policy, {clause.section}: quoted above.)", style="subtle"))
                continue
            quoted.add(clause.text)
            blocks.append(Quote(clause.text, clause_source(kb, clause)))
    blocks.append(Text("Who to contact", style="heading"))
    blocks.append(Text("\n".join(f"- {CONTACTS[who]}" for who in outcome.contacts_for(walk.answers))))
    pairs = answered(scenario, walk)
    if pairs:
        blocks.append(Text("Your answers", style="heading"))
        blocks.append(Facts(tuple(pairs)))
        if walk.prefilled:
            blocks.append(Text("I took some of these answers from what you wrote. Not right? "
                               "Choose “Change my last answer” or “Start this again”.", style="subtle"))
    buttons = []
    if report_prefill is not None:
        buttons.append(Button("Report this now", {"action": "report.start", "prefill": report_prefill},
                              style="positive"))
    if walk.history:
        path = [[node_id, walk.answers[scenario.node(node_id).slot]] for node_id in walk.history]
        buttons.append(Button("Change my last answer", {"action": "scenario.back", "scenario": scenario.id,
                                                        "path": path}))
    buttons.append(Button("Start this again", {"action": "scenario.start", "scenario": scenario.id}))
    buttons.append(Button("Another situation", {"action": "scenario.menu"}))
    return CardView(title=outcome.title, blocks=tuple(blocks), buttons=tuple(buttons),
                    summary=f"{outcome.title}. " + " ".join(lines))
