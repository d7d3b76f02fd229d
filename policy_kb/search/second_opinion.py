"""A second opinion on the clause: a text classifier (scikit-learn: TF-IDF of character and word
n-grams, logistic regression) that learns, offline and deterministically, which clause answers a
question from every clause's example questions, the training questions in policy_kb/training/ and
the labelled questions in `eval/` that may be learnt from (policy_kb/tuning.py).

The matcher is exact where someone wrote a rule and lost where nobody did; on questions written by
people who had not seen the code it quoted the wrong clause about one time in ten. The classifier
has read more ways of asking and is wrong in other places, so the matcher (policy_kb/search/matcher.py)
uses it in eight ways: its probability adds to each candidate's score (WEIGHT); a close call between
clauses goes to the one it is sure of (SURE); when it ranks the clause the matcher would quote
second or lower and prefers another (DOUBT_MIN), the reply is a choice between the two instead of a
confident answer, and so it is when it all but rules that clause out (UNSURE) and prefers, several
times over (UNSURE_BY), one the question's words are about though its relevance rule missed them;
and a clause it is sure of (VOUCH), that the question also shares many words with (VOUCH_SCORE),
may answer even though the clause's hand-written relevance rule missed the wording
("ex pupil 17 insta?" says nothing of a friend request); when it gives a clause at least SEARCH_SURE,
a question is searched even if no word of it is in the synonym tables' list of this policy's
subjects ("first names in captions"). It also learns the questions no clause
answers (the out-of-scope rows, as a class of their own, NOT_COVERED), so it is rarely sure of a
clause for them, and when it is sure none answers (NONE_SURE) and all but rules out every clause the
matcher found relevant (NONE_DOUBT), the matcher says so rather than quote the clause whose words came
nearest; the out-of-scope sets measure that; and a clause it all but rules out (HARDLY) while it prefers
something else (HARDLY_BUT) is offered beside that, or not answered from, unless the clause's own decision,
a fact about the person or the question's frame backs it. Every answer still quotes a clause. The
constants were chosen on rows it never learns from (docs/answers.md).

Trained once per set of clauses, in about 10 s, and kept on disk (MODEL_CACHE_DIR) so that the next
start with the same training data loads it in under a second; without scikit-learn the matcher works
alone.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import pickle
import tempfile
from collections import Counter
from pathlib import Path
from types import MappingProxyType
from typing import Callable, Mapping

from ..model import KnowledgeBase
from ..tuning import jsonl_rows, text_features, tuning_rows

log = logging.getLogger(__name__)

WEIGHT = 15.0  # points (of 100) a probability of 1 adds to a candidate score (chosen in docs/answers.md)
SURE = 0.5  # a close call between clauses goes to the one it gives at least this
DOUBT_FROM_RANK = 1  # it doubts the matcher's clause when it ranks it second or lower (0-based 1)
DOUBT_MIN = 0.2  # and gives the clause it prefers at least this
UNSURE = 0.2  # a clause it gives less than this is offered beside the one it prefers,
UNSURE_BY = 3.0  # if it gives that one at least DOUBT_MIN and this many times as much
UNSURE_NEAR = 0.75  # and the question scores at least this share of the first clause's score against it
VOUCH = 0.5  # a clause it gives at least this may answer a question its relevance rule missed,
VOUCH_SCORE = 15.0  # if its own words also score this against the clause (the matcher's answerable line)
SEARCH_SURE = 0.7  # a clause it gives this has the question searched, even in words the synonym tables don't know
NONE_SURE = 0.7  # when it gives "no clause answers" (NOT_COVERED) at least this
NONE_DOUBT = 0.1  # and every clause the matcher found relevant less than this, no clause is quoted
HARDLY = 0.05  # a clause it gives less than this is offered beside another, not answered from (unless it says report it)
HARDLY_BUT = 0.1  # when it gives another clause (or "not covered") at least this: it prefers something, not merely unsure
NOT_COVERED = "(not covered)"  # its class for the questions no clause answers
TOLERANCE = 1e-3  # the fit stops when the loss improves less than this
C = 20.0  # the regression's inverse regularisation
KEEP = 4  # trained models kept in the cache directory, newest first (about 20 MB each)


class SecondOpinion:
    """A trained pipeline (a union of TF-IDF vectorisers, then logistic regression), asked one question
    at a time. Its probabilities are the model's `predict_proba`, computed from the fitted vocabularies,
    IDF weights and coefficients directly: scikit-learn's checks on every call (`predict_proba`, and even
    each vectoriser's `transform`) cost about a millisecond a question, the arithmetic a tenth of that
    (tests/policy_kb/test_second_opinion.py compares the two)."""

    def __init__(self, model, prepare: Callable[[str], str] = str):
        self.model = model
        self.prepare = prepare  # what the model reads for a question (training and asking alike)
        union, regression = model.steps[0][1], model.steps[-1][1]
        vectorisers = [vectoriser for _, vectoriser in union.transformer_list]
        if any((v.norm, v.use_idf, v.sublinear_tf, v.binary) != ("l2", True, True, False) for v in vectorisers):
            raise ValueError("the second opinion computes TF-IDF as text_features() configures it")
        weights = regression.coef_.T.copy()
        ends = [0]
        for vectoriser in vectorisers:  # the union puts each vectoriser's columns after the last one's
            ends.append(ends[-1] + len(vectoriser.vocabulary_))
        # per vectoriser: how it reads a text, its vocabulary, its IDF weights and the coefficients of its columns
        self._readers = tuple((v.build_analyzer(), v.vocabulary_, v.idf_, weights[start:end])
                              for v, start, end in zip(vectorisers, ends, ends[1:]))
        self._intercept = regression.intercept_
        self._classes = tuple(str(c) for c in regression.classes_)

    def probabilities(self, text: str) -> Mapping[str, float]:
        """How likely each clause is to answer the question (with the chance that none does, NOT_COVERED,
        which is left out, they sum to 1)."""
        import numpy as np

        read = self.prepare(text)
        logits = self._intercept.copy()
        for analyse, vocabulary, idf, weights in self._readers:
            counts = Counter(vocabulary[term] for term in analyse(read) if term in vocabulary)
            if counts:  # TF-IDF as the vectoriser computes it: 1 + log(count) (sublinear), times IDF, L2-normalised
                columns = np.fromiter(counts, dtype=np.intp, count=len(counts))
                values = (1.0 + np.log(np.fromiter(counts.values(), dtype=float, count=len(counts)))) * idf[columns]
                logits = logits + (values / np.sqrt(values @ values)) @ weights[columns]
        exp = np.exp(logits - logits.max())
        chances = dict(zip(self._classes, (exp / exp.sum()).tolist()))
        chances.pop(NOT_COVERED, None)
        return MappingProxyType(chances)


def uncovered(chances: Mapping[str, float]) -> float:
    """The chance that no clause answers the question: what `probabilities` left out."""
    return max(0.0, 1.0 - sum(chances.values())) if chances else 0.0


TRAINING = Path(__file__).resolve().parent.parent / "training"


def examples_for(kb: KnowledgeBase, training: Path = TRAINING) -> tuple[tuple[str, str], ...]:
    """(question, clause id): every clause's examples, the training questions (policy_kb/training/,
    written for learning, never scored) and the eval tuning rows, for the clauses in this book; and
    (question, NOT_COVERED) for the questions among them that no clause answers (rows without a clause)."""
    pairs = [(question, clause.id) for clause in kb.clauses for question in clause.examples]
    known = set(kb.by_id)
    try:
        rows = [row for path in sorted(training.glob("*.jsonl")) for row in jsonl_rows(path)]
        rows = [row for row in [*rows, *tuning_rows()] if "question" in row]  # disclosures are "message"s
        pairs += [(row["question"], row["clause"]) for row in rows if row.get("clause") in known]
        pairs += [(row["question"], NOT_COVERED) for row in rows if "clause" not in row]
    except (OSError, ValueError, KeyError) as exc:
        log.warning("second opinion: the labelled questions could not be read (%s)", type(exc).__name__)
    return tuple(pairs)


def opinion_for(kb: KnowledgeBase, prepare: Callable[[str], str]) -> SecondOpinion | None:
    """Trained once per set of clause ids: a new version of a policy (the console's hot reload) keeps
    the opinion trained on the clauses it had (and the `prepare` it was trained with), until the next
    start learns its new examples. The matcher's `prepare` adds the question's search terms (typos
    fixed, synonyms, stems) to its words: on the rows nothing learns from, the clause it ranks first
    was right for 342 of 364 questions with them, 338 without (docs/answers.md)."""
    return _trained_for(frozenset(kb.by_id), lambda: examples_for(kb), prepare)


_BY_CLAUSES: dict[frozenset, SecondOpinion | None] = {}


def _trained_for(clause_ids: frozenset, pairs, prepare: Callable[[str], str]) -> SecondOpinion | None:
    if clause_ids not in _BY_CLAUSES:
        _BY_CLAUSES[clause_ids] = _trained(pairs(), prepare, cache_dir())
    return _BY_CLAUSES[clause_ids]


def cache_dir() -> Path:
    """Where trained models are kept between starts: $MODEL_CACHE_DIR, else ~/.cache/staff-guidance-bot."""
    return Path(os.environ.get("MODEL_CACHE_DIR") or Path.home() / ".cache" / "staff-guidance-bot")


def _trained(pairs: tuple[tuple[str, str], ...], prepare: Callable[[str], str] = str,
             cache: Path | None = None) -> SecondOpinion | None:
    """Fitted on `pairs` as `prepare` reads them; with `cache`, a model fitted on exactly the same
    texts, labels and settings before (by this or another process) is loaded instead of fitted again
    (training takes about 10 s, loading a fraction of one)."""
    if len({clause_id for _, clause_id in pairs}) < 2:
        return None
    try:
        import sklearn
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline
        features = text_features()
    except ImportError:
        log.warning("second opinion unavailable (no scikit-learn): the matcher works alone")
        return None
    model = make_pipeline(features, LogisticRegression(C=C, tol=TOLERANCE, max_iter=3000))
    texts, labels = [prepare(question) for question, _ in pairs], [clause_id for _, clause_id in pairs]
    settings = [sklearn.__version__, repr(model.get_params(deep=True))]  # any change of model or data: a new file
    digest = hashlib.sha256(json.dumps([settings, texts, labels]).encode()).hexdigest()
    path = cache / f"second-opinion-{digest[:40]}.pickle" if cache is not None else None
    stored = _load(path) if path is not None else None
    if stored is not None:
        model = stored
    else:
        try:
            model.fit(texts, labels)
        except ValueError as exc:  # e.g. examples with no words in common at all
            log.warning("second opinion unavailable (%s): the matcher works alone", exc)
            return None
        if path is not None:
            _store(path, model)
    return SecondOpinion(model, prepare)


def _load(path: Path):
    """A model this bot stored (its own cache directory, named by what it was fitted on), or None."""
    try:
        return pickle.loads(path.read_bytes())
    except FileNotFoundError:
        return None
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError) as exc:
        log.warning("second opinion: the stored model could not be read (%s); training again", type(exc).__name__)
        return None


def _store(path: Path, model) -> None:
    """Written whole or not at all (a temporary file renamed), so a process starting beside this one
    reads a complete model or none."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".tmp-", delete=False) as out:
            out.write(pickle.dumps(model, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(out.name, path)
        for old in sorted(path.parent.glob("second-opinion-*.pickle"), key=_age)[KEEP:]:
            old.unlink(missing_ok=True)  # models of earlier training data
    except OSError as exc:
        log.warning("second opinion: the trained model could not be kept (%s); it will be trained at the next start",
                    type(exc).__name__)


def _age(path: Path) -> float:
    try:
        return -path.stat().st_mtime
    except OSError:
        return 0.0


def hardly(clause_id: str, second: Mapping[str, float], kb: KnowledgeBase) -> bool:
    """The opinion all but rules out the clause the matcher would answer from (less than HARDLY) and prefers
    something else (HARDLY_BUT), and it is not a rule to report something (a missed "report it" costs more
    than a needless one)."""
    return (bool(second) and second.get(clause_id, 0.0) < HARDLY and kb.by_id[clause_id].stance != "report"
            and max(chance for other, chance in second.items() if other != clause_id) >= HARDLY_BUT)


def offered_instead(clause_id: str, candidates, second: Mapping[str, float], kb: KnowledgeBase, floor: float) -> str | None:
    """The other relevant clause (scoring at least `floor`, with other words) the opinion gives most, if any."""
    text = kb.by_id[clause_id].text
    others = [c.clause_id for c in candidates if c.clause_id != clause_id and c.score >= floor and kb.by_id[c.clause_id].text != text]
    return max(others, key=lambda other: second.get(other, 0.0)) if others else None


def vouched(clause_id: str, score: float, second: Mapping[str, float]) -> bool:
    """The second opinion is sure of this clause and the question's own words score well against it
    (its `score` less what the opinion added): enough to answer a wording its relevance rule did not
    foresee (but never one the rule rules out: a veto, or a "!concept")."""
    chance = second.get(clause_id, 0.0)
    return chance >= VOUCH and score - WEIGHT * chance >= VOUCH_SCORE
