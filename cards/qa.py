"""Cards for policy answers: the stance, the plain answer, the clause quoted, who to contact."""
from __future__ import annotations

import dataclasses
import re
from typing import Iterable

from policy_kb import CONTACTS, Clause, KnowledgeBase

from .model import Block, Button, CardView, Quote, Text, policy_answer
from .text import render_text

MAX_RELATED = 2
STANCE_STYLE = {"must_not": "attention", "report": "attention", "must": "warning", "allowed_if": "warning",
                "advised": "good", "information": "heading"}
VERDICT_STYLE = {"no": "attention", "report": "attention", "conditional": "warning", "yes": "good", "info": "heading"}
ABSTRACT_CHARS = 160  # Teams shows at most this much of a cited passage
MAX_ASKED = 500  # the question a "not helpful" click carries back
QUOTE_WORDS = 8  # fewer words than this do not read as a rule on their own: quote the list they are in


def declared(kb: KnowledgeBase, stance: str, clause_ids: tuple[str, ...] = ()) -> tuple[dict, ...]:
    """What an answer declares in its activity's entities: the stance it takes and the clauses it
    quotes (policyAnswer), and each quoted clause as a Teams citation."""
    answer = policy_answer(stance, clause_ids, kb.version)
    if not clause_ids:
        return (answer,)
    citations = [{"@type": "Claim", "position": number, "appearance": {
        "@type": "DigitalDocument", "name": f"{kb.title} v{kb.version}: {kb.by_id[c].section}"[:80],
        "abstract": _abstract(kb.by_id[c].text), "keywords": [kb.by_id[c].section[:28]]}}
        for number, c in enumerate(clause_ids, 1)]
    return answer, {"type": "https://schema.org/Message", "@type": "Message", "@context": "https://schema.org",
                    "@id": "", "citation": citations}


def _abstract(text: str) -> str:
    return text if len(text) <= ABSTRACT_CHARS else text[:ABSTRACT_CHARS - 1].rsplit(" ", 1)[0] + "…"


def words_of(kb: KnowledgeBase, clause: Clause) -> str:
    """The policy's words to quote for a clause: its own, or, when they are too few to read on their
    own (a list item: "Safeguard all children."), the shortest clause of the policy that holds them."""
    if len(clause.text.split()) >= QUOTE_WORDS:
        return clause.text
    holders = [c.text for c in kb.clauses if clause.text in c.text and c.text != clause.text]
    return min(holders, key=len) if holders else clause.text


_LEADING_VERDICT = re.compile(r"^(?:No|Yes)\s*[.—–-]+\s*")


def plain_words(clause: Clause, verdict: str | None) -> str:
    """The clause in plain words. When the facts of this question gave another verdict than the clause's
    own ("Yes — once you have left the trust"), its plain words describe the rule in general, without
    their leading "No." that would contradict the headline."""
    if verdict is None or verdict == clause.verdict:
        return f"In other words: {clause.answer}"
    general = _LEADING_VERDICT.sub("", clause.answer)
    return f"The rule in general: {general[:1].upper()}{general[1:]}"


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


def answer_card(kb: KnowledgeBase, clause_id: str, headline: str | None = None, verdict: str | None = None,
                note: str | None = None, also: tuple[str, ...] = (), walk: Button | None = None,
                asked: str = "", read_with: str | None = None) -> CardView:
    """The answer: the headline that says the verdict, the policy's own words with their section,
    what decided it for this question, who to contact; behind Show more, the same in plain words
    and any other rule that still applies. Without a headline, the clause's own (and its verdict).
    `walk`: a button to walk through the situation the question describes. `asked`: the question, which
    a "not helpful" click takes to the policy owners' review queue. `read_with`: the person's last
    question, when the message was read with it ("what about LinkedIn?"), said under the headline."""
    clause = kb.by_id[clause_id]
    if headline is None:
        headline, verdict = clause.headline, clause.verdict
    blocks: list[Block] = [Text(headline, style=VERDICT_STYLE[verdict]), *read_with_last(read_with),
                           Quote(words_of(kb, clause), source_of(kb, clause))]
    if note:
        blocks.append(Text(note))
    contacts = contacts_line((clause_id, *also), kb)
    if contacts:
        blocks.append(Text(contacts))
    more: list[Block] = [Text(plain_words(clause, verdict))]
    for other_id in also:
        other = kb.by_id[other_id]
        more += [Text(f"Still applies — {other.headline}:", style="subtle"), Quote(words_of(kb, other), source_of(kb, other))]
    related = [r for r in clause.related if r not in also][:MAX_RELATED]
    buttons = [walk] if walk else []
    buttons += [Button(f"Related: {label_of(kb.by_id[r])}", {"action": "qa.clause", "clause": r}) for r in related]
    buttons += [Button("👍 Helpful", {"action": "qa.feedback", "clause": clause_id, "helpful": True}),
                Button("👎 Not helpful", {"action": "qa.feedback", "clause": clause_id, "helpful": False,
                                         **({"question": asked[:MAX_ASKED]} if asked else {})})]
    card = CardView(title="Policy answer", blocks=tuple(blocks), buttons=tuple(buttons), more=tuple(more),
                    more_label=("In other words" if verdict == clause.verdict else "The rule in general")
                    + (", and what else applies" if also else ""),
                    entities=declared(kb, verdict, (clause_id, *also)))
    return _with_summary(card)


def read_with_last(last: str | None) -> tuple[Block, ...]:
    """Under the headline, when the message was read with the person's last question ("what about
    LinkedIn?"): which question that was."""
    return (Text(f"Read with your last question: “{last}”", style="subtle"),) if last else ()


def clarify_card(kb: KnowledgeBase, clause_id: str, question: str, options: tuple[tuple[str, dict], ...],
                 asked: str, read_with: str | None = None) -> CardView:
    """The rule that governs, and one short question to pin down the fact it turns on. It declares
    the rule's stance and quote like an answer: its headline states the rule."""
    clause = kb.by_id[clause_id]
    blocks = (
        Text(clause.headline, style=STANCE_STYLE.get(clause.stance, "heading")),
        *read_with_last(read_with),
        Quote(words_of(kb, clause), source_of(kb, clause)),
        Text(question, style="heading"),
        Text("Tap an answer or type it (for example “17” or “she left last year”).", style="subtle"),
    )
    buttons = tuple(Button(label, {"action": "qa.fact", "question": asked, "facts": facts})
                    for label, facts in options)
    return _with_summary(CardView(title="One quick question", blocks=blocks, buttons=buttons,
                                  entities=declared(kb, clause.verdict, (clause_id,))))


def label_of(clause) -> str:
    """What a button to a clause says: its topic (short enough for a phone), else its section."""
    return clause.topic or clause.section


def choose_card(kb: KnowledgeBase, clause_ids: tuple[str, ...], asked: str, read_with: str | None = None) -> CardView:
    """Close candidates: each shown with its wording, to pick from, plus 'none of these'."""
    blocks: list[Block] = [Text("A few parts of the policy could fit. Which did you mean?"), *read_with_last(read_with)]
    buttons = []
    for number, clause_id in enumerate(clause_ids, 1):
        clause = kb.by_id[clause_id]
        blocks.append(Text(f"{number}. {clause.headline}", style="heading"))
        blocks.append(Quote(words_of(kb, clause), source_of(kb, clause)))
        buttons.append(Button(f"{number}. {label_of(clause)}", {"action": "qa.clause", "clause": clause_id}))
    buttons.append(Button("None of these", {"action": "qa.none", "question": asked}))
    return _with_summary(CardView(title="Which part of the policy?", blocks=tuple(blocks), buttons=tuple(buttons)))


def unknown_card(kb: KnowledgeBase, question: str = "", menu: tuple[Button, ...] = (),
                 unchanged: str | None = None) -> CardView:
    """Nothing the policy covers: say so plainly, never guess, and say who is likely to know.
    `unchanged`: the person's last question, when the message follows on from it and, read with it,
    changes nothing the policy decides ("what if the head says yes?")."""
    who = kb.who_knows(question) if question else None
    heading = (Text("I can't tell from the policy whether that changes the answer to your last question, "
                    "so I won't guess.", style="heading"),
               Text(f"Your last question: “{unchanged}”", style="subtle")) if unchanged else \
        (Text("The social media policy doesn't cover that, so I won't guess.", style="heading"),)
    blocks = (
        *heading,
        Text(f"{who[:1].upper()}{who[1:]} should be able to help." if who else
             "Your line manager or a member of SLT should know who can help."),
        Text("If it is about a child's safety, tell the designated person for Child Protection (DSL) now."),
        Text("I've noted the question, without your name, so the policy's owners can see what staff ask. "
             "You can also rephrase it, or type help to see what I can do.", style="subtle"),
    )
    return _with_summary(CardView(title="Not sure it changes the answer" if unchanged else "Not in the policy",
                                  blocks=blocks, buttons=menu,
                                  entities=(policy_answer("not_covered", (), kb.version),)))


def _with_summary(card: CardView) -> CardView:
    return dataclasses.replace(card, summary=render_text(card, numbered_buttons=False))
