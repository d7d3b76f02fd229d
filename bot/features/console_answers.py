"""Policy questions across every policy the console has published, with the review queue's
decisions in force: a question linked to a clause is answered with it, one marked "not covered"
is not answered; what the first policy does not cover, another policy may (its answer says which
policy it quotes, and its buttons carry the policy). Each question is counted, without its text,
for the leaders' charts."""
from __future__ import annotations

import dataclasses
import logging

from bot.registry import Registry
from bot.turn import Turn
from cards import Button, CardView
from cards.qa import answer_card, choose_card, unknown_card
from console.knowledge import Live, question_key
from console.tables import asked
from policy_kb.review import ReviewLog

from .qa import MAX_QUESTION_CHARS, kept

log = logging.getLogger(__name__)
ACTIONS = {"qa.clause": "policy.clause", "qa.feedback": "policy.feedback", "qa.none": "policy.none"}


def retarget(card: CardView, policy: str) -> CardView:
    """A card from another policy: its buttons go to the handlers that know which policy it is."""
    def button(b: Button) -> Button:
        action = b.data.get("action") if b.data else None
        if action not in ACTIONS:
            return b
        return dataclasses.replace(b, data={**b.data, "action": ACTIONS[action], "policy": policy})

    return dataclasses.replace(card, buttons=tuple(button(b) for b in card.buttons))


class PolicyAnswers:
    def __init__(self, services, live, menu_buttons: list):
        self.services, self.live, self.menu_buttons = services, live, menu_buttons

    @property
    def qa(self):
        return self.services.qa

    async def ask(self, turn: Turn, sure: bool = False) -> bool:
        """The fallback: answer a typed policy question from whichever policy covers it."""
        question = turn.text[:MAX_QUESTION_CHARS]
        current = self.live.current
        key = question_key(question)
        for policy in current.policies:
            clause_id = policy.linked.get(key)
            if clause_id is not None:  # a reviewer linked this very question to a clause
                await turn.send(self.card(policy, answer_card(policy.kb, clause_id, asked=question)))
                await self.count(turn, policy.policy, True)
                return True
        primary = current.primary
        reply = self.qa.reply_for(turn)
        refused = reply.kind != "unknown" and primary.refuses(question, reply.clause_id)
        if reply.kind != "unknown" and not refused:
            handled = await self.qa.ask(turn, sure)
            if handled:
                await self.count(turn, primary.policy, True)
            return handled
        for policy in current.policies[1:]:
            if await self.answer_from(turn, policy, question):
                await self.count(turn, policy.policy, True)
                return True
        if sure:
            return False
        if refused:  # marked "not covered" in the review queue: the matcher's answer is not given
            await self.qa.review.record_unanswered(kept(question), "unknown")
            await turn.send(unknown_card(primary.kb, question, tuple(self.menu_buttons)))
        else:
            await self.qa.ask(turn, sure)
        await self.count(turn, primary.policy, False)
        return True

    async def answer_from(self, turn: Turn, policy: Live, question: str) -> bool:
        reply = self.live.matcher(policy.policy).answer(question)
        if reply.kind in ("answer", "clarify") and not policy.refuses(question, reply.clause_id):
            card = answer_card(policy.kb, reply.clause_id, reply.headline, reply.verdict, reply.note, reply.also,
                               asked=question)
        elif reply.kind == "choose":
            card = choose_card(policy.kb, reply.choices, question)
        else:
            return False
        await turn.send(retarget(card, policy.policy))
        return True

    def card(self, policy: Live, card: CardView) -> CardView:
        return card if policy is self.live.current.primary else retarget(card, policy.policy)

    async def count(self, turn: Turn, policy: str, answered: bool) -> None:
        """One more question for the charts: when, which policy, the asker's school, answered or not."""
        school = None
        directory = getattr(self.services.reports, "directory", None)
        if directory is not None:
            person = await self.services.people.person(turn.context)
            found = directory.school_for_email(person.email)
            school = found.name if found else None
        try:
            async with self.services.db.transaction() as conn:
                await conn.execute(asked.insert().values(asked_at=self.services.clock(), policy=policy, school=school,
                                                         answered=answered))
        except Exception:  # a count must never cost the person their answer
            log.warning("could not count a policy question", exc_info=True)

    # ---- another policy's buttons ----------------------------------------------------------
    def _policy(self, turn: Turn) -> Live | None:
        return self.live.current.policy(str((turn.value or {}).get("policy", "")))

    async def on_clause(self, turn: Turn) -> None:
        """Open another policy's clause (its 'related' and 'which did you mean' buttons)."""
        policy, clause_id = self._policy(turn), (turn.value or {}).get("clause")
        if policy is None or clause_id not in policy.kb.by_id:
            await turn.send("I can't find that part of the policy any more. Please ask again.")
            return
        await turn.send(retarget(answer_card(policy.kb, clause_id), policy.policy))

    async def on_feedback(self, turn: Turn) -> None:
        """Store helpful / not helpful for another policy's clause."""
        policy, value = self._policy(turn), turn.value or {}
        if policy is None or value.get("clause") not in policy.kb.by_id or not isinstance(value.get("helpful"), bool):
            await turn.send("Sorry, I couldn't record that feedback.")
            return
        review_log = ReviewLog(self.services.db, policy.kb.version, self.services.clock, policy.policy)
        await self.qa.take_feedback(turn, review_log, value["clause"], value["helpful"],
                                    f"{policy.policy}:{value['clause']}:{value['helpful']}")

    async def on_none(self, turn: Turn) -> None:
        """'None of these' on another policy's choices: to that policy's review queue."""
        policy = self._policy(turn)
        question = str((turn.value or {}).get("question", ""))[:MAX_QUESTION_CHARS]
        if policy is not None and question:
            await ReviewLog(self.services.db, policy.kb.version, self.services.clock, policy.policy) \
                .record_unanswered(kept(question), "none_of_these")
        await turn.send(unknown_card(self.live.current.primary.kb, question, tuple(self.menu_buttons)))


def register(registry: Registry, services, live) -> PolicyAnswers:
    answers = PolicyAnswers(services, live, registry.menu_buttons)
    registry.fallback = answers.ask
    registry.action("policy.clause", answers.on_clause)
    registry.action("policy.feedback", answers.on_feedback)
    registry.action("policy.none", answers.on_none)
    return answers
