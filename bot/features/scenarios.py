"""Guided situations: start a scenario from the menu, a command or a described situation."""
from __future__ import annotations

import logging
import re

from bot.registry import Match, Registry
from bot.turn import Turn
from cards import Button
from dialogs import scenario as scenario_dialog
from dialogs.flow import FlowDialog
from dialogs.scenario_cards import picker_card
from policy_kb.scenarios import Outcome, Scenario, ScenarioBook, Walk, load_scenarios, recognise, walker

from .welcome import named_contacts

log = logging.getLogger(__name__)

REPORT_ACTION = "report.start"
# Asks to be taken through it step by step ("what should I do?" is answered, with the walk a button away).
ASKS_TO_BE_WALKED = re.compile(r"\b(?:walk|talk|take|guide) me through\b|\bguide me\b|\bstep by step\b", re.I)


def find_scenario(book: ScenarioBook, argument: str) -> Scenario | None:
    """The scenario a command argument names: its number, its id, or words about it."""
    argument = argument.strip().lower()
    if argument.isdigit():
        return next((s for s in book.scenarios if s.order == int(argument)), None)
    if book.get(argument):
        return book.get(argument)
    found = recognise(book, argument, asked=True)
    return found.scenario if found else None


def situation_match(qa, turn: Turn) -> Match | None:
    """The scenario intent score, or None when the policy answers the message outright.

    A message that describes a situation the Q&A can decide from what it says ("a parent sent me a
    friend request, can I accept?") gets that answer first, with a button to walk through the
    situation; one the Q&A cannot decide, or that asks to be walked through, starts the walk.
    """
    found = qa.situation_in(turn)
    if found is None or found.scenario is not None and qa.matcher.changes_subject(turn.text):
        return None  # "…i've ignored the parent's request. totally unrelated: how much compassionate leave do we get?"
    reply = qa.reply_for(turn) if found.scenario is not None else None
    if reply is not None and not ASKS_TO_BE_WALKED.search(turn.text) and reply.kind == "answer":
        return None
    if reply is not None and reply.kind == "unknown" and not reply.candidates:
        return None  # every rule ruled out ("how do I schedule a post on the school page?" is IT's): not the policy's situation
    return Match(found.score, found)


def register(registry: Registry, services) -> None:
    book = load_scenarios(services.kb)
    services.scenarios = book

    def report_prefill(scenario: Scenario, walk: Walk) -> dict | None:
        """The report button's answers, when this outcome needs a report and reporting is available."""
        outcome = scenario.node(walk.node)
        if isinstance(outcome, Outcome) and outcome.offer_report and REPORT_ACTION in registry.actions:
            return walker.report_prefill(scenario, walk)
        return None

    say = services.replies.send

    async def contacts(context):
        """Look up who to contact, by name where the contacts file knows the person's school."""
        return await named_contacts(services, context)

    flow = scenario_dialog.ScenarioFlow(book, services.kb, report_prefill, say, contacts)
    registry.dialogs.append(FlowDialog(flow, say))
    registry.menu_buttons.append(Button("Walk me through a situation", {"action": "scenario.menu"}))

    async def begin(turn: Turn, walk: Walk) -> None:
        """Start a walk: it replaces one under way, and pauses any other flow until it ends."""
        log.info("scenario %s started", walk.scenario)
        if scenario_dialog.is_scenario_active(turn.dc):
            await turn.dc.replace_dialog(scenario_dialog.DIALOG_ID, walk.to_dict())
        else:
            await turn.begin(scenario_dialog.DIALOG_ID, walk.to_dict())

    async def show_picker(turn: Turn) -> None:
        """Show the list of situations."""
        await turn.send(picker_card(book, (await contacts(turn.context)).danger))

    async def start_clicked(turn: Turn) -> None:
        """Start the situation chosen on a card."""
        chosen = str((turn.value or {}).get("scenario") or "")
        scenario = find_scenario(book, chosen) if chosen else None
        if scenario is None:
            await turn.send("Please choose a situation first.")
            await show_picker(turn)
            return
        prefill = (turn.value or {}).get("prefill")  # what the question already said (an answer's button)
        try:
            walk = walker.start(scenario, prefill if isinstance(prefill, dict) else None)
        except (ValueError, KeyError, TypeError):
            walk = walker.start(scenario)  # an out-of-date button: start from the first question
        await begin(turn, walk)

    async def back_clicked(turn: Turn) -> None:
        """Re-open a finished scenario at its last question (from the outcome card)."""
        scenario = book.get(str((turn.value or {}).get("scenario") or ""))
        path = (turn.value or {}).get("path")
        try:
            if scenario is None or not isinstance(path, list) or not path:
                raise ValueError("no scenario or answers")
            walk = walker.replay(scenario, path[:-1])
        except ValueError:
            await turn.send("That button is out of date. Here are the situations again.")
            await show_picker(turn)
            return
        await begin(turn, walk)

    async def command(turn: Turn) -> None:
        """`situations` shows the list; `scenario 2` or `scenario friend request` starts one."""
        if not turn.argument:
            await show_picker(turn)
            return
        scenario = find_scenario(book, turn.argument)
        if scenario is None:
            await turn.send("I couldn't tell which situation you mean. Here they are:")
            await show_picker(turn)
            return
        await begin(turn, walker.start(scenario, walker.prefill_from_text(scenario, turn.argument)))

    async def described(turn: Turn, found) -> None:
        """Start the scenario a message describes, with what it already says filled in."""
        if found.scenario is None:
            await show_picker(turn)
            return
        prefill = walker.prefill_from_text(found.scenario, turn.text)
        await begin(turn, walker.start(found.scenario, prefill))

    registry.command("situations", ("situations", "situation", "scenarios", "scenario", "walk me through"),
                     command, "Walk through a situation step by step", takes_argument=True)
    registry.action("scenario.menu", show_picker)
    registry.action("scenario.start", start_clicked)
    registry.action("scenario.back", back_clicked)
    registry.intent("scenario", lambda turn: situation_match(services.qa, turn), described)
