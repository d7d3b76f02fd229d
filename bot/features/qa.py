"""Free-text policy questions: find the clause, answer with it quoted, or say "I don't know"."""
from __future__ import annotations

import logging
from datetime import datetime, timedelta

from botbuilder.core import TurnContext

from bot.cache import once_per_kb
from bot.registry import Registry
from bot.turn import Turn
from cards import Button, CardView, Facts, Text
from cards.qa import answer_card, choose_card, clarify_card, unknown_card
from dialogs.clarify import ClarifyFlow
from dialogs.flow import FlowDialog
from policy_kb import review
from policy_kb.review import ReviewLog
from policy_kb.scenarios import recognise, walker
from policy_kb.search import Matcher, Reply, draft, followup, parse_fact_answer
from safeguarding.disclosure import any_sign

from .private import in_private, writer_in_conversation

log = logging.getLogger(__name__)

MAX_QUESTION_CHARS = 1000
FEEDBACK_KEPT = 200  # feedback clicks remembered per conversation
# A message within this time of a question may follow on from it ("what about LinkedIn?").
FOLLOW_ON = timedelta(minutes=30)
LAST_QUESTION = "qa_last"  # conversation state: each person's last question, as the review log may keep it
# What the unanswered-questions log keeps instead of a question with any sign of harm in it: the
# reviewers are not safeguarding contacts.
WITHHELD = "(not kept: the question may describe a concern about a child)"


def kept(question) -> str:
    """A question as the review log may keep it: never one that may describe a concern about a child,
    and without children's first names ("can I post 'Well done to [name] and [name]'?")."""
    question = str(question)[:MAX_QUESTION_CHARS]
    return WITHHELD if any_sign(question) else draft.without_names(question)


def admin_ids(env) -> frozenset[str]:
    """QA_ADMINS: comma-separated emails or AAD object ids of people who review questions."""
    return frozenset(x.strip().lower() for x in env.get("QA_ADMINS", "").split(",") if x.strip())


# One Matcher per knowledge base per process (building its index takes a while).
matcher_for = once_per_kb(Matcher)


class QA:
    def __init__(self, services, menu_buttons: list):
        self.kb = services.kb
        self.matcher = matcher_for(services.kb)
        self.review = ReviewLog(services.db, services.kb.version, services.clock)
        self.services = services
        self.admins = admin_ids(services.settings.env)
        self.menu_buttons = menu_buttons
        # The 👍 / 👎 this conversation has given, so a repeated click is thanked, not counted again.
        self.feedback_given = services.conversation_state.create_property("feedback_given")
        self.last_asked = services.conversation_state.create_property(LAST_QUESTION)

    def use(self, kb, matcher: Matcher) -> None:
        """Answer from this knowledge base and its matcher from now on (a version published in the
        console, or a question linked to a clause; the matcher is built off the event loop)."""
        self.kb, self.matcher = kb, matcher
        self.review.policy_version = kb.version

    def reply_for(self, turn: Turn) -> Reply:
        """The matcher's reply to this turn's message, worked out once a turn."""
        return self.reading_for(turn).reply

    def reading_for(self, turn: Turn) -> followup.Reading:
        """This turn's message, read with the person's last question when it follows on from it."""
        if "qa" not in turn.found:
            turn.found["qa"] = followup.read(self.matcher, turn.text[:MAX_QUESTION_CHARS], self.last_question(turn))
        return turn.found["qa"]

    def last_question(self, turn: Turn) -> str | None:
        """The question this person asked here within FOLLOW_ON, when no flow is under way."""
        if turn.dc.active_dialog is not None:
            return None
        people = (self.services.conversation_state.get(turn.context) or {}).get(LAST_QUESTION) or {}
        last = people.get(turn.user_id) if isinstance(people, dict) else None
        return last["question"] if self._fresh(last) else None

    def _fresh(self, last) -> bool:
        """A last question, kept well-formed, within FOLLOW_ON of now."""
        try:
            return isinstance(last["question"], str) and self.services.clock() - datetime.fromisoformat(last["at"]) <= FOLLOW_ON
        except (KeyError, TypeError, ValueError):
            return False

    async def remember(self, turn: Turn, reading: followup.Reading) -> None:
        """Keep a question the policy answered on its own as this person's last, for the messages that
        follow on from it ("what if she's 19?", then "what about LinkedIn?": each is read with the first
        question). One that may describe a concern about a child is never kept, nor children's names, and
        anyone's last question older than FOLLOW_ON is dropped."""
        people = {who: last for who, last in dict(await self.last_asked.get(turn.context, dict)).items()
                  if self._fresh(last)}
        question = kept(reading.question)
        if question == WITHHELD:
            people.pop(turn.user_id, None)
        elif reading.reply.kind != "unknown" and not reading.with_last:
            people[turn.user_id] = {"question": question, "at": self.services.clock().isoformat()}
        await self.last_asked.set(turn.context, people)

    async def ask(self, turn: Turn, sure: bool = False) -> bool:
        """Answer a typed question (the fallback for anything no other feature claims). `sure`: only
        if the policy answers it (mid-flow, an unknown message is an unclear answer, not a question).
        A message that follows on from the last question is answered with it, and the answer says so."""
        reading = self.reading_for(turn)
        reply, question = reading.reply, reading.question[:MAX_QUESTION_CHARS]
        if sure and reply.kind == "unknown":
            return False
        if reply.kind == "clarify":
            await turn.begin(ClarifyFlow.id, {"question": question, "facts": dict(reply.facts), "read_with": reading.last})
        elif reply.kind == "choose":
            await turn.send(choose_card(self.kb, reply.choices, question, reading.last))
        elif reply.kind == "answer":
            await turn.send(answer_card(self.kb, reply.clause_id, reply.headline, reply.verdict, reply.note, reply.also,
                                        self.walk_button(turn), asked=question, read_with=reading.last))
        else:  # the policy's owners see a follow-on with the question it followed
            asked = followup.joined(reading.unchanged, question) if reading.unchanged else question
            await self.review.record_unanswered(kept(asked), "unknown")
            await turn.send(unknown_card(self.kb, question, tuple(self.menu_buttons), reading.unchanged))
        await self.remember(turn, reading)
        return True

    def situation_in(self, turn: Turn):
        """The guided situation this turn's message describes, if any, worked out once a turn (the
        scenario intent and the answer's "Walk me through it" both ask)."""
        if "scenario" not in turn.found:
            book = self.services.scenarios
            turn.found["scenario"] = recognise(book, turn.text) if book is not None else None
        return turn.found["scenario"]

    def walk_button(self, turn: Turn) -> Button | None:
        """"Walk me through it", when the message describes one of the guided situations."""
        found = self.situation_in(turn)
        if found is None or found.scenario is None:
            return None
        prefill = walker.prefill_from_text(found.scenario, turn.text)
        return Button("Walk me through it", {"action": "scenario.start", "scenario": found.scenario.id,
                                             "prefill": prefill})

    async def answer_with_facts(self, context: TurnContext, question: str, facts: dict) -> bool:
        """Answer again now a fact is known; False when a follow-up question was needed instead."""
        reply = self.matcher.answer(question, facts)
        if reply.kind == "clarify":
            return False
        if reply.kind == "answer":
            await self.services.replies.send(context, answer_card(self.kb, reply.clause_id, reply.headline,
                                                                  reply.verdict, reply.note, reply.also))
        else:
            await self.services.replies.send(context, unknown_card(self.kb, question))
        return True

    def clarify_view(self, question: str, facts: dict, read_with: str | None = None):
        """The card that asks for the fact the rule turns on."""
        reply = self.matcher.answer(question, facts)
        clar = reply.clarification
        options = tuple((o.label, {**dict(reply.facts), **dict(o.facts)}) for o in clar.options)
        return clarify_card(self.kb, clar.clause_id, clar.question, options, question, read_with)

    def seal(self, context: TurnContext, content: dict) -> str:
        """A question waiting for a fact, encrypted for the conversation state (bound to its asker)."""
        return self.services.cipher.seal(_waiting_label(context), content)

    def open(self, context: TurnContext, token: str) -> dict:
        return self.services.cipher.open(_waiting_label(context), token)

    def parse_typed(self, question: str, facts: dict, text: str) -> dict | None:
        reply = self.matcher.answer(question, facts)
        if reply.clarification is None:
            return None
        return parse_fact_answer(reply.clarification, text)

    async def on_fact(self, turn: Turn) -> None:
        """A clarifying-question button: answer with that fact (no re-search of button text)."""
        if turn.dc.active_dialog is not None and turn.dc.active_dialog.id == ClarifyFlow.id:
            await turn.dc.end_dialog()
        question = str(turn.value.get("question", ""))[:MAX_QUESTION_CHARS]
        facts = turn.value.get("facts")
        if not question or not isinstance(facts, dict):
            await turn.send("That button is out of date. Please ask your question again.")
            return
        if not await self.answer_with_facts(turn.context, question, facts):
            await turn.begin(ClarifyFlow.id, {"question": question, "facts": facts})

    async def on_clause(self, turn: Turn) -> None:
        """Open a clause by id (follow-up and 'which did you mean' buttons)."""
        clause_id = turn.value.get("clause")
        if clause_id not in self.kb.by_id:
            await turn.send("I can't find that part of the policy any more. Please ask again.")
            return
        await turn.send(answer_card(self.kb, clause_id))

    async def on_none(self, turn: Turn) -> None:
        """'None of these': record the miss and say who to ask."""
        question = str(turn.value.get("question", ""))[:MAX_QUESTION_CHARS]
        if question:
            await self.review.record_unanswered(kept(question), "none_of_these")
        await turn.send(unknown_card(self.kb, question, tuple(self.menu_buttons)))

    async def on_feedback(self, turn: Turn) -> None:
        """Store helpful / not helpful for a clause."""
        clause_id = turn.value.get("clause")
        helpful = turn.value.get("helpful")
        if clause_id not in self.kb.by_id or not isinstance(helpful, bool):
            await turn.send("Sorry, I couldn't record that feedback.")
            return
        await self.take_feedback(turn, self.review, clause_id, helpful, f"{clause_id}:{helpful}")

    async def take_feedback(self, turn: Turn, review_log: ReviewLog, clause_id: str, helpful: bool, key: str) -> None:
        """Count a 👍 / 👎 (with the question, unless it may describe a concern) in that policy's log
        and thank them; the same click again in this conversation is thanked, not counted."""
        given = await self.feedback_given.get(turn.context, list)
        if key in given:
            await turn.send("You've already told me that. Thank you.")
            return
        given.append(key)
        del given[:-FEEDBACK_KEPT]
        await self.feedback_given.set(turn.context, given)
        await review_log.record_feedback(clause_id, helpful, kept(turn.value.get("question", "")))
        await turn.send("Thanks — your feedback helps us improve the answers." if helpful else
                        "Thanks for telling us. If you still need an answer, ask your line manager or SLT.")

    async def on_review(self, turn: Turn) -> None:
        """Admins: list unanswered questions and feedback counts per clause."""
        person = await turn.services.people.person(turn.context)
        if not ({person.email.lower(), person.aad_object_id.lower()} & self.admins):
            await turn.send("Sorry, only the policy reviewers configured in QA_ADMINS can see this.")
            return
        questions = await self.review.recent_unanswered()
        counts = await self.review.feedback_counts()
        blocks = [Text("Unanswered questions (newest first)", style="heading")]
        blocks += [Text(f"• {q.question}  ({q.reason}, {q.asked_at:%d %b %Y})") for q in questions] or [Text("None yet.")]
        blocks.append(Text("Feedback per clause (helpful / not helpful)", style="heading"))
        blocks.append(Facts(tuple((c.clause_id, f"{c.helpful} / {c.not_helpful}") for c in counts))
                      if counts else Text("None yet."))
        await turn.send(CardView(title="Q&A review", blocks=tuple(blocks)))


def _waiting_label(context: TurnContext) -> str:
    """What a question waiting for a fact is sealed to: its asker in its conversation."""
    return f"question/{writer_in_conversation(context.activity)}"


def register(registry: Registry, services) -> None:
    qa = QA(services, registry.menu_buttons)
    services.qa = qa
    registry.migrations.extend(review.MIGRATIONS)
    flow = ClarifyFlow(qa.clarify_view, qa.answer_with_facts, qa.parse_typed, qa)
    registry.dialogs.append(FlowDialog(flow, services.replies.send))
    registry.fallback = qa.ask
    registry.action("qa.fact", qa.on_fact)
    registry.action("qa.clause", qa.on_clause)
    registry.action("qa.none", qa.on_none)
    registry.action("qa.feedback", qa.on_feedback)
    registry.command("review", ("review questions", "unanswered questions", "qa review"),
                     in_private(qa.on_review, "show the questions to review"),
                     "Policy reviewers: unanswered questions and feedback", hidden=True)
