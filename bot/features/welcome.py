"""Welcome card, help, and small talk."""
from __future__ import annotations

import re
from datetime import date

from bot.registry import Match, Registry
from bot.turn import Turn
from cards import Button, CardView, Facts, NumberedList, Text
from policy_kb.search.intent import only_thanks

from .contacts import GENERIC, Named

WHAT_I_DO = (
    "Answer questions about the staff social media policy, quoting the policy itself",
    "Guide you through a situation, such as \"a student messaged me, what now?\"",
    "Take a safeguarding concern to the designated person for Child Protection",
    "Run the new-starter onboarding quiz on the policy",
)
# The commands staff use, in the order the help card lists them (those registered).
STAFF_COMMANDS = ("situations", "report", "my_reports", "quiz", "practice quiz", "my quiz results", "policy")
CONTROLS = ("cancel, back, start over", "Stop, go back or begin again in the middle of anything")


async def named_contacts(services, context) -> Named:
    """Who to contact, by name, for the person in this turn: their school's, found by their email's
    domain (or a parent domain); the roles alone when there is no contacts file."""
    book = services.contacts
    if book is None:
        return GENERIC
    email = (await services.people.person(context)).email or ""
    domain = email.rsplit("@", 1)[1].lower().strip() if "@" in email else ""
    while domain:
        if domain in book.by_domain:
            return book.by_domain[domain]
        domain = domain.partition(".")[2]
    return book.unknown


def long_date(value) -> str:
    """25 November 2026, from a date or an ISO date string; anything else as it is."""
    try:
        day = value if isinstance(value, date) else date.fromisoformat(str(value))
    except ValueError:
        return str(value)
    return f"{day.day} {day:%B %Y}"


def command_rows(commands) -> tuple[tuple[str, str], ...]:
    """(what to type, what it does) for the staff commands that are registered, and the control words."""
    by_name = {c.name: c for c in commands}
    rows = [(by_name[n].words[0], by_name[n].description) for n in STAFF_COMMANDS if n in by_name]
    return (*rows, CONTROLS)


def welcome_card(kb, extra_buttons: tuple[Button, ...] = (), commands: tuple[tuple[str, str], ...] = (),
                 danger: str = GENERIC.danger) -> CardView:
    """The card that says what the bot does, with a button for each thing and the commands to type."""
    listed = (Text("Commands you can type", style="heading"), Facts(commands)) if commands else ()
    return CardView(
        title="Staff guidance: social media policy",
        blocks=(
            Text(f"Hello! I help trust staff with the {kb.title} "
                 f"(version {kb.version}, {long_date(kb.version_date)}). I can:"),
            NumberedList(WHAT_I_DO),
            Text("Ask me in your own words, for example: \"a year 9 kid added me on snap\" or "
                 "\"can I text a parent from my own phone?\", then follow on: \"what if she's left?\"", style="subtle"),
            Text(danger, style="attention"),
            *listed,
        ),
        buttons=extra_buttons,
        summary="I answer questions about the staff social media policy, guide you through "
                "situations, take safeguarding concerns to the designated person for Child "
                "Protection, and run the onboarding quiz. Type help at any time.",
    )


SMALL_TALK = (
    (re.compile(r"^(hi|hello|hey|hiya|good (morning|afternoon|evening))\b[!. ]*$", re.I),
     "Hello! Ask me anything about the staff social media policy, or type help to see what I can do."),
    (re.compile(r"^(who|what) are you\??$|^what can you do\??$", re.I),
     "I'm the trust's staff guidance bot for the social media policy. Type help to see what I can do."),
)


THANKED = "You're welcome. If anything else comes up, just ask."


def small_talk_reply(text: str) -> str | None:
    if only_thanks(text):
        return THANKED
    for pattern, reply in SMALL_TALK:
        if pattern.match(text.strip()):
            return reply
    return None


def register(registry: Registry, services) -> None:
    async def show_help(turn: Turn) -> None:
        """Show what the bot does, the menu, and the commands to type."""
        named = await named_contacts(turn.services, turn.context)
        await turn.send(welcome_card(turn.services.kb, tuple(registry.menu_buttons), command_rows(registry.commands),
                                     named.danger))

    async def greet_new_user(turn: Turn) -> None:
        """Welcome someone who has just added the bot (the same card as help)."""
        await show_help(turn)

    def small_talk_match(turn: Turn) -> Match | None:
        reply = small_talk_reply(turn.text)
        return Match(1.0, reply) if reply else None

    async def small_talk(turn: Turn, reply: str) -> None:
        """Answer greetings and thanks briefly."""
        await turn.send(reply)

    async def nothing_to_stop(turn: Turn) -> None:
        """`cancel`, `back` or `start over` with no flow under way."""
        await turn.send("Nothing to cancel: we're not in the middle of anything. Type **help** to see what I can do.")

    registry.command("help", ("help", "menu", "start", "?"), show_help, "Show what I can do")
    registry.command("cancel", ("cancel", "stop", "quit", "exit", "abort", "back", "go back", "start over",
                                "restart", "start again"), nothing_to_stop, hidden=True)
    registry.action("help", show_help)
    registry.on_new_user.append(greet_new_user)
    registry.intent("small_talk", small_talk_match, small_talk)
