"""Cards for policy answers: the stance, the plain answer, the clause quoted, who to contact."""
from __future__ import annotations

from typing import Iterable

from policy_kb import CONTACTS, Clause, KnowledgeBase

from .model import Block, Button, CardView, Quote, Text
from .text import render_text

MAX_RELATED = 3
STANCE_STYLE = {"must_not": "attention", "report": "attention", "must": "warning", "allowed_if": "warning",
                "advised": "good", "information": "heading"}


def source_of(kb: KnowledgeBase, clause: Clause) -> str:
    return f"{kb.title} v{kb.version}, section “{clause.section}”"


def contacts_line(clause_ids: Iterable[str], kb: KnowledgeBase) -> str | None:
    names: list[str] = []
    for clause_id in clause_ids:
        for contact in kb.by_id[clause_id].contacts:
            name = CONTACTS[contact]
            if name not in names:
                names.append(name)
    return ("Who to contact: " + "; ".join(names) + ".") if names else None


def answer_card(kb: KnowledgeBase, clause_id: str, headline: str | None = None, stance: str | None = None,
                note: str | None = None, also: tuple[str, ...] = ()) -> CardView:
    """The answer: stance headline, fact note, plain answer, verbatim clause, contacts, follow-ups."""
    clause = kb.by_id[clause_id]
    stance = stance or clause.stance
    blocks: list[Block] = [Text(headline or clause.headline, style=STANCE_STYLE.get(stance, "heading"))]
    if note:
        blocks.append(Text(note))
    blocks.append(Text(clause.answer))
    blocks.append(Text("What the policy says:", style="subtle"))
    blocks.append(Quote(clause.text, source_of(kb, clause)))
    for other_id in also:
        other = kb.by_id[other_id]
        blocks.append(Text(f"Still applies — {other.headline}:", style="subtle"))
        blocks.append(Quote(other.text, source_of(kb, other)))
    contacts = contacts_line((clause_id, *also), kb)
    if contacts:
        blocks.append(Text(contacts))
    related = [r for r in clause.related if r not in also][:MAX_RELATED]
    buttons = [Button(f"Related: {kb.by_id[r].headline}", {"action": "qa.clause", "clause": r}) for r in related]
    buttons += [Button("👍 Helpful", {"action": "qa.feedback", "clause": clause_id, "helpful": True}),
                Button("👎 Not helpful", {"action": "qa.feedback", "clause": clause_id, "helpful": False})]
    card = CardView(title="Policy answer", blocks=tuple(blocks), buttons=tuple(buttons))
    return _with_summary(card)


def clarify_card(kb: KnowledgeBase, clause_id: str, question: str, options: tuple[tuple[str, dict], ...],
                 asked: str) -> CardView:
    """The rule that governs, and one short question to pin down the fact it turns on."""
    clause = kb.by_id[clause_id]
    blocks = (
        Text(clause.headline, style=STANCE_STYLE.get(clause.stance, "heading")),
        Quote(clause.text, source_of(kb, clause)),
        Text(question, style="heading"),
        Text("Tap an answer or type it (for example “17” or “she left last year”).", style="subtle"),
    )
    buttons = tuple(Button(label, {"action": "qa.fact", "question": asked, "facts": facts})
                    for label, facts in options)
    return _with_summary(CardView(title="One quick question", blocks=blocks, buttons=buttons))


def choose_card(kb: KnowledgeBase, clause_ids: tuple[str, ...], asked: str) -> CardView:
    """Close candidates: each shown with its wording, to pick from, plus 'none of these'."""
    blocks: list[Block] = [Text("A few parts of the policy could fit. Which did you mean?")]
    buttons = []
    for number, clause_id in enumerate(clause_ids, 1):
        clause = kb.by_id[clause_id]
        blocks.append(Text(f"{number}. {clause.headline}", style="heading"))
        blocks.append(Quote(clause.text, source_of(kb, clause)))
        buttons.append(Button(f"{number}. {clause.headline}", {"action": "qa.clause", "clause": clause_id}))
    buttons.append(Button("None of these", {"action": "qa.none", "question": asked}))
    return _with_summary(CardView(title="Which part of the policy?", blocks=tuple(blocks), buttons=tuple(buttons)))


def unknown_card(menu: tuple[Button, ...] = ()) -> CardView:
    """Nothing confident: say so plainly, never guess, and say who to ask."""
    blocks = (
        Text("I don't know — the social media policy doesn't seem to cover that, and I won't guess.",
             style="heading"),
        Text("Please ask your line manager or a member of SLT. If it is about a child's safety, "
             "tell the designated person for Child Protection (DSL) now."),
        Text("You can also rephrase the question, or type help to see what I can do.", style="subtle"),
    )
    return _with_summary(CardView(title="Not in the policy", blocks=blocks, buttons=menu))


def _with_summary(card: CardView) -> CardView:
    return CardView(card.title, card.blocks, card.buttons, summary=render_text(card, numbered_buttons=False))
