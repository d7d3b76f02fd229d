"""The onboarding quiz in chat: start it (command, intent, welcome button), read the policy."""
from __future__ import annotations

import re
from datetime import timedelta

from botbuilder.core import TurnContext

from bot.cache import once_per_kb
from bot.people import Person
from bot.registry import Match, Registry
from bot.turn import Turn
from cards import Button
from cards.quiz import START as START_BUTTON
from cards.quiz import certificate_card, history_card, new_starter_card, policy_card
from dialogs.flow import FlowDialog
from dialogs.quiz import DIALOG_ID as QUIZ_DIALOG
from dialogs.quiz import QuizFlow
from onboarding.bank import load_bank
from onboarding.records import ASSESSMENT, MIGRATIONS, PRACTICE, QuizRecords

from . import quiz_admin, quiz_reminders
from .quiz_settings import QuizConfig

# Only an explicit request to start; questions *about* the quiz ("do I have to do the quiz?",
# "what if I fail the quiz?") are left to the policy Q&A.
_START_INTENT = re.compile(
    r"^(?:(?:i(?:'d| would)? (?:like|want|need) to|i wanna|can i|could i|may i|let me|lets|let's|please|"
    r"i'm ready to|im ready to|ready to)\s+)?(?:take|do|start|begin|sit|try|run)\s+(?:the\s+|my\s+|an?\s+)?"
    r"(?:onboarding\s+|new[- ]starter\s+|policy\s+|induction\s+)?quiz(?:\s+now)?(?:,?\s+please)?[.!?]*$",
    re.IGNORECASE)


def wants_quiz(text: str) -> float:
    """0.9 for an explicit request to start the quiz, else 0."""
    return 0.9 if _START_INTENT.match(" ".join(text.split())) else 0.0


def quiz_match(turn: Turn) -> Match | None:
    return Match(0.9) if wants_quiz(turn.text) else None


# "where can I find the full policy?", "can I see the whole policy", "send me a link to the policy": the
# policy itself, not a question it answers ("does the policy cover TikTok?" is left to the Q&A).
_READ_POLICY = re.compile(
    r"^(?:(?:hi|hello|hiya|please|pls|quick (?:one|q))[,!.]?\s+)?"
    r"(?:(?:where|how) (?:can|do|could|would) i (?:find|read|see|get|access|look at)"
    r"|can i (?:see|read|have|get)|could i (?:see|read|have|get)|(?:can you |could you )?(?:please )?(?:show|send|give) me"
    r"|(?:is there a )?link to|i(?:'d| would) like to (?:read|see)|where(?:'s| is)|is there a copy of)\s+"
    r"(?:a (?:copy|link) (?:of|to)\s+)?(?:the\s+|this\s+|our\s+|a\s+)?(?:full\s+|whole\s+|actual\s+|complete\s+|entire\s+)?"
    r"(?:staff\s+|trust(?:'s)?\s+)?(?:social[- ]media\s+)?policy(?:\s+(?:itself|document|in full|text))?(?:,?\s+please)?[.!?]*$",
    re.IGNORECASE)


def policy_match(turn: Turn) -> Match | None:
    return Match(0.9) if _READ_POLICY.match(" ".join(turn.text.split())) else None


# Load (and validate) the question bank once per knowledge base per process.
bank_for = once_per_kb(load_bank)


class Quiz:
    """What the quiz dialog and handlers share."""

    def __init__(self, services, config: QuizConfig):
        self.services = services
        self.kb = services.kb
        self.bank = bank_for(services.kb)
        self.config = config
        self.records = QuizRecords(services.db)

    def use(self, kb, bank) -> None:
        """Quiz on this knowledge base and bank from now on (a version published in the console)."""
        self.kb, self.bank = kb, bank

    def now(self):
        return self.services.clock()

    async def say(self, context: TurnContext, reply) -> None:
        """Send a card or a line of text (the quiz dialog's way to talk)."""
        await self.services.replies.send(context, reply)

    async def person(self, context: TurnContext) -> Person:
        return await self.services.people.person(context)

    async def start(self, turn: Turn, mode: str = ASSESSMENT) -> None:
        """Begin a quiz, unless one (or another flow) is already under way."""
        if any(instance.id == QUIZ_DIALOG for instance in turn.dc.stack):
            await turn.send("You're already in the middle of a quiz. Type **carry on** to go back to it, or "
                            "**cancel** to stop it.")
            return
        await turn.begin(QUIZ_DIALOG, {"mode": mode})  # pauses any other flow until the quiz ends

    async def start_assessment(self, turn: Turn) -> None:
        """Start the onboarding quiz (assessment mode)."""
        await self.start(turn, ASSESSMENT)

    async def start_practice(self, turn: Turn) -> None:
        """Start a practice quiz: feedback after every answer, no completion recorded."""
        await self.start(turn, PRACTICE)

    async def show_policy(self, turn: Turn) -> None:
        """Show the policy, section by section."""
        await turn.send(policy_card(self.kb, self.config.policy_url))

    async def show_history(self, turn: Turn) -> None:
        """Show the person's own attempts, and their certificate if they have passed."""
        person = await self.person(turn.context)
        await turn.send(history_card(await self.records.history(person.user_key, person.email), self.kb.version))
        done = await self.records.latest_completion(person.user_key, person.email)
        if done is not None:
            await turn.send(certificate_card(self.kb, done.name or person.name or "(name not known)",
                                             done.completed_at, done.score, done.total, done.attempt_id,
                                             done.policy_version))

    async def offer_to_new_starter(self, turn: Turn) -> None:
        """After the welcome: tell someone on the roster who has not passed when the quiz is due."""
        person = await self.person(turn.context)
        entry = await self.records.roster_entry(person.email)
        if entry is None or await self.records.latest_completion(person.user_key, person.email) is not None:
            return
        due = entry.start_date + timedelta(days=self.config.due_days)
        await turn.send(new_starter_card(self.kb, f"{due.day} {due:%B %Y}"))


def register(registry: Registry, services) -> None:
    config = QuizConfig.from_env(services.settings.env)
    quiz = Quiz(services, config)
    services.quiz = quiz
    registry.migrations.extend(MIGRATIONS)
    registry.dialogs.append(FlowDialog(QuizFlow(quiz), quiz.say))
    registry.command("quiz", ("quiz", "onboarding quiz", "take the quiz", "start quiz", "start the quiz",
                              "take quiz"), quiz.start_assessment, "Take the onboarding quiz")
    registry.command("practice quiz", ("practice quiz", "quiz practice", "practice"), quiz.start_practice,
                     "Practise: see the answers as you go")
    registry.command("policy", ("policy", "show policy", "show the policy", "read the policy", "policy text"),
                     quiz.show_policy, "Read the policy")
    registry.action("quiz.start", quiz.start_assessment)
    registry.action("quiz.practice", quiz.start_practice)
    registry.action("quiz.policy", quiz.show_policy)
    registry.command("my quiz results", ("my quiz results", "my quiz", "quiz results", "quiz history",
                                         "my certificate", "quiz certificate"), quiz.show_history,
                     "Your quiz attempts and certificate")
    registry.intent("quiz", quiz_match, lambda turn, _: quiz.start_assessment(turn))
    registry.intent("policy", policy_match, lambda turn, _: quiz.show_policy(turn))
    registry.on_new_user.append(quiz.offer_to_new_starter)
    registry.menu_buttons.append(Button("Take the onboarding quiz", START_BUTTON))
    quiz_admin.register(registry, quiz)
    quiz_reminders.register(registry, quiz)
