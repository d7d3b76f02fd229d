"""Match a staff question to the policy clause that governs it, offline and deterministically."""
from __future__ import annotations

import re
from types import MappingProxyType
from typing import Any, Mapping

from ..model import KnowledgeBase
from ..relevance import normalise
from . import draft, focus, hearsay, means, role, subject, wording
from .clarify import merge_facts
from .clustering import low_score_variation
from .cues import OTHER_TOPIC
from .facts import RELATIONS, extract_facts
from .glossary import define
from .index import bm25_scores, build_index, example_scores, fuzzy_scores
from .lexicon import STOPWORDS, Lexicon, Speller, clean, expand, joined, load_lexicon, raw_tokens, stem
from .priors import FACT_RULES, FRIEND_RULE, PARENT_RULE, bonus_table, framed, frames_conflict, priors
from .reply import Candidate, Reply
from .second_opinion import (
    DOUBT_FROM_RANK,
    DOUBT_MIN,
    NONE_DOUBT,
    NONE_SURE,
    SEARCH_SURE,
    SURE,
    UNSURE,
    UNSURE_BY,
    UNSURE_NEAR,
    VOUCH_SCORE,
    WEIGHT,
    SecondOpinion,
    hardly,
    offered_instead,
    opinion_for,
    uncovered,
    vouched,
)
from .stance import asked, decide, settles

# "the policy", "this policy", and typed as a search, "does policy cover linkedin" (not "the uniform policy")
_THIS_POLICY = re.compile(r"(?:^|\b(?:the|this|social media|our|does|do|is|will|would|under|in|by|per|of|related|other) )"
                          r"polic(?:y|ies)\b"
                          r"(?!\s+(?:on|for|about)\s+(?!social|(?:us|me|them|everyone|everybody|all|staff)\b))|\b(?:am i|are we|are they|is (?:she|he)) (?:\w+ )?(?:covered|bound) by (?:this|it)\b|\b(?:do|does|would|will) (?:these|this|the) (?:rules?|guidance) (?:apply|cover)")
WEIGHTS = (0.60, 0.30, 0.10)  # bm25, example cosine, fuzzy example ratio
UNKNOWN_BELOW = 15.0
TODO_NEAR = 0.5  # "what do I do?" brings a report rule this close to the best
MAX_CANDIDATES = 5
MAX_INPUT_CHARS = 1000  # chat questions are short; this bounds the work on pasted walls of text
FUZZY_POOL = 10
TOPIC_WORDS, TOPIC_CHOICES, TOPIC_POOL = 3, 3, 5  # a topic typed alone: its words at most, choices offered, clauses looked at
# A question, not a topic: "can I…", "is it…", a question mark.
_QUESTION = re.compile(r"\?|^\s*(?:can|could|may|should|is|are|am|do|does|did|what|who|how|why|when|where|which)\b")


class Matcher:
    """Built once from a KnowledgeBase; `answer` is a pure function of its input."""

    def __init__(self, kb: KnowledgeBase, lexicon: Lexicon | None = None, opinion: SecondOpinion | None | bool = True):
        """`opinion`: True trains (or reuses) the second opinion on this book's examples; None goes without."""
        self.kb = kb
        self._lexicon = lexicon or load_lexicon()
        vocabulary: set[str] = set(STOPWORDS) | set(self._lexicon.words)
        for clause in kb.clauses:
            for text in (clause.text, clause.answer, clause.headline, *clause.keywords, *clause.examples):
                vocabulary.update(raw_tokens(text, self._lexicon))
        vocabulary |= {stem(word) for word in vocabulary}  # "teach" is known because "teaching" is
        self._speller = Speller(vocabulary, self._lexicon.keep)
        self._index = build_index(kb.clauses, self._kb_terms)
        self._clause_ids = tuple(doc.clause_id for doc in self._index.docs)
        self._opinion = opinion_for(kb, self._with_terms) if opinion is True else opinion or None
        subject.warm()  # its classifier is trained now, not on someone's first message

    @property
    def opinion(self) -> SecondOpinion | None:
        return self._opinion

    def _with_terms(self, text: str) -> str:
        """What the second opinion reads: the question's words, then its search terms."""
        return f"{text} || {' '.join(self.terms(text))}"

    def _kb_terms(self, text: str) -> list[str]:
        return expand(raw_tokens(text, self._lexicon), self._lexicon)

    def _own_words(self, text: str) -> list[str]:
        """The question's word tokens, typos fixed (before synonyms and stemming)."""
        return [self._speller.correct(token) for token in raw_tokens(text, self._lexicon)]

    def terms(self, text: str) -> list[str]:
        """Return the search terms for a question (typos fixed, synonyms expanded, stemmed)."""
        return expand(self._own_words(text), self._lexicon)

    def rank(self, text: str, facts: Mapping[str, Any] | None = None) -> tuple[Candidate, ...]:
        """Score every clause the question is relevant to, best first (scores 0..100)."""
        text = text[:MAX_INPUT_CHARS]
        return self._rank(text, facts, self._second(text))

    def _second(self, text: str) -> Mapping[str, float]:
        return self._opinion.probabilities(text) if self._opinion is not None and text.strip() else {}

    def _rank(self, text: str, facts: Mapping[str, Any] | None, second: Mapping[str, float]) -> tuple[Candidate, ...]:
        own_words = self._own_words(text)
        # Relevance before retrieval: a clause answers only what it governs (its relevance rule), or if the second opinion vouches
        said = normalise(text) + "\n" + " ".join(own_words)  # and with typos fixed ("folow" is "follow")
        if facts and facts.get("relation") in ("current_student", "ex_student"):
            said += "\n" + facts["relation"].replace("_", "-")  # "left in 2019, now 19": a student said in other words
        # A topic alone ("privacy") is offered as a choice (`topic`), not answered; words saying who ("ex pupil 19 fb") ask a question
        asks = len(own_words) > TOPIC_WORDS or _QUESTION.search(text.lower()) or _says_who(facts)
        vouching = second if asks else {}
        relevant = []
        for candidate in self._scored(text, own_words, facts, second):
            requires = self.kb.by_id[candidate.clause_id].requires
            if requires.met(said) or (vouched(candidate.clause_id, candidate.score, vouching) and not requires.ruled_out(said)):
                relevant.append(candidate)
        return tuple(relevant[:MAX_CANDIDATES])

    def _scored(self, text: str, own_words: list[str], facts: Mapping[str, Any] | None,
                second: Mapping[str, float] | None = None) -> list[Candidate]:
        """Every clause sharing something with the question, by score, best first (no relevance gate)."""
        terms = expand(own_words, self._lexicon)
        # Words the synonyms don't tie to this policy ("first names in captions") are searched if the second opinion is sure
        sure = bool(second) and max(second.values()) >= SEARCH_SURE
        if not terms or not (self._lexicon.on_topic(terms) or _THIS_POLICY.search(text.lower()) or sure):
            return []
        if OTHER_TOPIC.search(clean(text)) and not self._lexicon.on_topic([*own_words, *map(stem, own_words)]):
            return []  # "is there a policy on tattoos?": only synonyms, not the staff's own words, touched this policy
        lexical = bm25_scores(self._index, terms)
        examples = example_scores(self._index, terms)
        w_lexical, w_examples, w_fuzzy = WEIGHTS
        rough = [w_lexical * lex + w_examples * ex for lex, ex in zip(lexical, examples)]
        leaders = sorted(range(len(rough)), key=rough.__getitem__, reverse=True)[:FUZZY_POOL]
        # The fuzzy ratio only refines the leaders; computing it for every example costs most of the time.
        fuzzy = fuzzy_scores(self._index, terms, leaders)
        bonus = priors(text, facts if facts is not None else extract_facts(text), terms)
        extras = bonus_table(self._clause_ids, tuple(bonus.items()))
        scored = []
        for clause_id, partial, fz, extra in zip(self._clause_ids, rough, fuzzy, extras):
            total = 100.0 * (partial + w_fuzzy * fz)
            if total > 0:  # else it is 0.0: no column is negative; the second opinion only reorders
                total = round(min(total + extra + WEIGHT * (second or {}).get(clause_id, 0.0), 100.0), 2)
            scored.append((-total, clause_id))
        scored.sort()  # best score first, then by clause id
        return [Candidate(clause_id, -negated) for negated, clause_id in scored if negated < 0]

    def _decisive(self, text: str, cluster: tuple[Candidate, ...]) -> str | None:
        """The one clause of a close call with a decision (`decides`, with a `when`) the question meets: "can I just post the
        class projects on my own insta?" meets the separate-account rule's "on my own account", not the legitimate-uses rule's."""
        said, ask = normalise(text), asked(text)
        met = [c.clause_id for c in cluster if any(d.when is not None and (not d.asked or ask in d.asked)
                                                   and d.when.met(said) for d in self.kb.by_id[c.clause_id].decides)]
        return met[0] if len(met) == 1 else None

    @staticmethod
    def _preferred(cluster: tuple[Candidate, ...], second: Mapping[str, float]) -> str | None:
        """The one clause of a close call the second opinion is sure of (SURE), if any."""
        sure = [c.clause_id for c in cluster if second.get(c.clause_id, 0.0) >= SURE]
        return sure[0] if len(sure) == 1 else None

    def topic(self, text: str) -> tuple[str, ...]:
        """A topic typed on its own ("privacy", "photos of pupils"): the clauses it touches, to choose
        from. Only for a few words that name something this policy is about; never an answer."""
        own_words = self._own_words(text[:MAX_INPUT_CHARS])
        if not 1 <= len(own_words) <= TOPIC_WORDS or _QUESTION.search(text.lower()):
            return ()
        best = [c.clause_id for c in self._scored(text, own_words, None) if c.score >= UNKNOWN_BELOW]
        # the rules among the closest few ("privacy"); a topic only facts answer ("purpose of policy") offers those
        rules = [clause_id for clause_id in best[:TOPIC_POOL] if self.kb.by_id[clause_id].stance != "information"]
        return tuple((rules if len(rules) > 1 else best)[:TOPIC_CHOICES])

    def answer(self, text: str, facts: Mapping[str, Any] | None = None, follow_on: bool = False) -> Reply:
        """Answer, ask a clarifying question, offer a choice, or say unknown (`follow_on`: a message joined to the last question)."""
        reply = self._answer(text, facts, follow_on)
        return focus.on_the_question(self, text, reply) if reply.kind == "choose" else reply

    def _answer(self, text: str, facts: Mapping[str, Any] | None, follow_on: bool) -> Reply:
        text, drafted = draft.read(joined(text[:MAX_INPUT_CHARS]))  # a pasted draft is read for what it does
        text = role.read(hearsay.read(text))  # "someone on the parents whatsapp says…", "caretaker here -": not asked
        if (term := define(self.kb, text)) is not None and term.clause:  # "what does CMAT ITS stand for?": quoting its clause
            return Reply(kind="answer", clause_id=term.clause, stance=self.kb.by_id[term.clause].stance, verdict="info", headline=term.definition)
        known = merge_facts(extract_facts(text), facts)
        frozen = MappingProxyType(known)
        second = self._second(text)
        candidates = self._rank(text, known, second)
        if not facts and candidates and (self._none_answers(candidates, second) and not self._backed(candidates, text, known)
                                         or not follow_on and self.changes_subject(text)):  # "…consent all checked. is there an expenses form?"
            return Reply(kind="unknown", candidates=candidates, facts=frozen)
        if not candidates or candidates[0].score < UNKNOWN_BELOW:
            choices = () if facts else self.topic(text)
            if len(choices) > 1:
                return Reply(kind="choose", clause_id=choices[0], choices=choices, candidates=candidates, facts=frozen)
            return Reply(kind="unknown", candidates=candidates, facts=frozen)
        cluster = low_score_variation(candidates)
        if (
            not facts
            and len(candidates) > 1
            and candidates[0].clause_id in FACT_RULES
            and frames_conflict(text, known, self.terms(text), candidates[0].clause_id)
        ):
            # A rule about someone connecting with me leads, but the wording says pupils act on others:
            # offer the close candidates rather than risk a confident wrong stance.
            cluster = tuple(c for c in candidates[:3] if c.score >= UNKNOWN_BELOW)
            if len(cluster) > 1:
                return Reply(kind="choose", clause_id=cluster[0].clause_id, choices=tuple(c.clause_id for c in cluster),
                             candidates=candidates, facts=frozen)
        decisive = (self._decisive(text, cluster) or self._preferred(cluster, second)) if len(cluster) > 1 else None
        if decisive is not None:
            cluster = ()  # one of the close candidates has a decision for exactly what the question says
        if len(cluster) > 1 and not facts and not settles(candidates[0].clause_id, known):
            return Reply(kind="choose", clause_id=candidates[0].clause_id, choices=tuple(c.clause_id for c in cluster),
                         candidates=candidates, facts=frozen)
        lead = means.rule_for(decisive or candidates[0].clause_id, text)  # "how should I contact parents?"
        if asked(text) == "todo" and self.kb.by_id[lead].stance != "report":
            # "what do I do?" / "who do I tell?": a rule that says report it answers that, if one applies: close to
            # the best, or one the second opinion reads the question as about (not for a passing word such as "post").
            lead = next((c.clause_id for c in candidates if self.kb.by_id[c.clause_id].stance == "report"
                         and c.score >= UNKNOWN_BELOW
                         and (c.score >= TODO_NEAR * candidates[0].score or second.get(c.clause_id, 0.0) >= DOUBT_MIN)), lead)
        decision = decide(self.kb, lead, known, text, self._speller.fix)
        doubt = None if facts or decision.clarification else (self._doubt(decision.clause_id, candidates, second) or (
            self._unsure(lead, text, candidates, second) if decision.clause_id == lead else None))
        if doubt is not None and settles(decision.clause_id, known) and _same(decide(self.kb, doubt, known, text), decision):
            doubt = None  # who they are decides it, whichever rule leads ("my colleague added me": friend or parent rule)
        friend = decide(self.kb, FRIEND_RULE, known, text) if {decision.clause_id, doubt} == {FRIEND_RULE, PARENT_RULE} \
            and known.get("relation") in ("current_student", "ex_student") else None
        if friend is not None and friend.clarification is None:  # a student: the rule on students (not a question back)
            decision, doubt = friend, None
        if (doubt is None and decisive is None and not facts and decision.clause_id == lead and hardly(lead, second, self.kb)
                and decision.headline == self.kb.by_id[lead].headline  # unless one of its decisions, who they are or the frame decides
                and not settles(lead, known) and not framed(text, known, self.terms(text), lead)):
            doubt = offered_instead(lead, candidates, second, self.kb, UNKNOWN_BELOW)
            if doubt is None:  # the opinion all but rules it out: a choice of two, or not answered
                return Reply(kind="unknown", candidates=candidates, facts=frozen)
        if doubt is not None:
            return Reply(kind="choose", clause_id=decision.clause_id, choices=(decision.clause_id, doubt), candidates=candidates,
                         facts=frozen)
        return Reply(
            kind="clarify" if decision.clarification else "answer",
            clause_id=decision.clause_id,
            stance=self.kb.by_id[decision.clause_id].stance,
            verdict=decision.verdict,
            headline=wording.for_question(decision.headline, text),  # "is that a problem?": "Not OK — …"
            note=" ".join(filter(None, (drafted, decision.note))) or None,  # what was checked, then why
            also=decision.also, candidates=candidates, clarification=decision.clarification, facts=frozen,
        )

    def changes_subject(self, text: str) -> bool:
        """The last question is about something else than what comes before it, and the policy does not answer it alone."""
        return subject.changes_subject(text, lambda part: uncovered(self._second(part)) < NONE_SURE or self.answer(part).kind != "unknown")

    @staticmethod
    def _none_answers(candidates: tuple[Candidate, ...], second: Mapping[str, float]) -> bool:
        """The second opinion has read many questions like this one that no clause answers ("is it a copyright problem to show a
        youtube clip?") and all but rules out every clause found relevant: the words that touch a clause are a coincidence."""
        return uncovered(second) >= NONE_SURE and all(second.get(c.clause_id, 0.0) < NONE_DOUBT for c in candidates)

    def _backed(self, candidates: tuple[Candidate, ...], text: str, known: Mapping[str, Any]) -> bool:
        """The second opinion's "nothing answers this" does not overrule a rule that says report it ("not covered"
        to a worry about a child is the costlier mistake), nor one the question's frame points at, beyond its words."""
        top = candidates[0]
        pointed = self.kb.by_id[top.clause_id].stance == "report" or framed(text, known, self.terms(text), top.clause_id)
        return top.score >= UNKNOWN_BELOW and pointed

    def _doubt(self, lead: str, candidates: tuple[Candidate, ...], second: Mapping[str, float]) -> str | None:
        """The clause to offer beside `lead` when the second opinion ranks `lead` lower and prefers another the question is about."""
        if not second:
            return None
        ranked = sorted(second, key=second.__getitem__, reverse=True)
        if lead in ranked[:DOUBT_FROM_RANK]:
            return None
        text = self.kb.by_id[lead].text
        better = [c.clause_id for c in candidates if c.score >= UNKNOWN_BELOW and second.get(c.clause_id, 0.0) >= DOUBT_MIN
                  and second.get(c.clause_id, 0.0) > second.get(lead, 0.0) and self.kb.by_id[c.clause_id].text != text]
        return max(better, key=second.__getitem__) if better else None

    def _unsure(self, lead: str, text: str, candidates: tuple[Candidate, ...], second: Mapping[str, float]) -> str | None:
        """The clause to offer beside `lead` when the second opinion all but rules `lead` out (UNSURE) and prefers, UNSURE_BY times over,
        one the words are about too (VOUCH_SCORE, UNSURE_NEAR of `lead`'s score): "left school last yr, 17, snapchat add?"."""
        if not second or second.get(lead, 0.0) >= UNSURE:
            return None
        favourite = max(second, key=second.__getitem__)
        clause = self.kb.by_id.get(favourite)
        if (favourite == lead or clause is None or second[favourite] < max(DOUBT_MIN, UNSURE_BY * second.get(lead, 0.0))
                or clause.text == self.kb.by_id[lead].text or clause.requires.ruled_out(normalise(text))):
            return None
        own_words = self._own_words(text)
        scored = next((c for c in self._scored(text, own_words, None, second) if c.clause_id == favourite), None)
        if scored is None or scored.score - WEIGHT * second[favourite] < VOUCH_SCORE:
            return None
        led = next(c.score for c in candidates if c.clause_id == lead)
        return favourite if scored.score >= UNSURE_NEAR * led else None


def _says_who(facts: Mapping[str, Any] | None) -> bool:
    """The facts name who the other person is (a current or ex-student, a parent, a colleague) or their age."""
    return bool(facts) and (facts.get("relation") in RELATIONS or facts.get("age") is not None)


def _same(one, other) -> bool:
    """Two decisions a person would read as the same answer: the same clause quoted, the same verdict."""
    return (one.clause_id, one.verdict) == (other.clause_id, other.verdict)
