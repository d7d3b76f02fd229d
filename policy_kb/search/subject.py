"""A last question that changes the subject: "we put the sports day photos up on the school insta, consent
all checked. is there an expenses form for the ice lollies?" The background is about something the policy
covers, so every clause-matching signal points at the photo rules; the question asked is about expenses.

Staff often end a message with a question that leans on what came before ("can it wait till monday?", "do I
have to report it myself?"), which read alone look just as uncovered; what tells the two apart is whether the
last question carries a subject of its own. A small text classifier (scikit-learn: TF-IDF of character and
word n-grams, logistic regression) learns that from 800 messages written for it by a helper who read no code
and no eval rows (`policy_kb/training/subject/`): 400 last questions that carry on from a social-media
background and 400 that change the subject to one of 65 other topics (pay, leave, exams, trips, the site…).
It reads only the last question. A message is "not covered" when the classifier is sure that question changes
the subject (PROBABILITY), the question is long enough to have a subject of its own (MIN_WORDS), and read alone
the policy does not answer it: the second opinion is sure no clause does and the matcher finds none
(`Matcher.changes_subject`).

Chosen on the labelled rows other than round 67's (docs/answers.md, "Rounds 66 to 68"): on every answered row
with a separate last question, it turned 13 false answers to out-of-scope questions into "not covered" and
one wrong answer, for 4 right answers lost; on round 67, scored before it existed, 12 of its 24 false answers.
Without scikit-learn or the data it says 0 and nothing changes.
"""
from __future__ import annotations

import logging
import math
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Callable

from ..relevance import normalise
from ..tuning import jsonl_rows, text_features
from .stance import question_part

log = logging.getLogger(__name__)

TRAINING = Path(__file__).resolve().parent.parent / "training" / "subject"
PROBABILITY = 0.9  # how sure the classifier must be that the last question changes the subject
MIN_WORDS = 5  # "are they?", "where?", "my hoy?": too few words to carry a subject of their own
PART = 0.8  # the last question is a separate part: shorter than this share of the message
C = 16.0  # the regression's inverse regularisation


def changes_subject(text: str, answered_alone: Callable[[str], bool]) -> bool:
    """The message's last question is about something else than its background, and read alone
    (`answered_alone`: does the policy answer it?) the policy does not answer it."""
    part = question_part(text)
    if len(part.split()) < MIN_WORDS or len(part) >= PART * len(normalise(text)):
        return False
    return probability(part) >= PROBABILITY and not answered_alone(part)


def probability(question: str) -> float:
    """How likely this last question changes the subject, 0..1 (0 when the classifier is unavailable)."""
    model = _model()
    return model.probability(question) if model is not None and question.strip() else 0.0


class LinearText:
    """A fitted pipeline (a union of TF-IDF vectorizers, then a logistic regression of two classes) read as
    the sum it is: the probability of the second class, as `predict_proba` gives it, in about 0.1 ms a
    question instead of 1.6 (scikit-learn's checks and sparse matrices cost the rest; retrieval's p99 went
    from about 4.5 to 5.4 ms with them)."""

    def __init__(self, model):
        union, regression = model.steps[0][1], model.steps[-1][1]
        weights, offset = regression.coef_[0], 0
        self.parts = []
        for _, vectorizer in union.transformer_list:
            terms = {term: (vectorizer.idf_[index], weights[offset + index]) for term, index in vectorizer.vocabulary_.items()}
            self.parts.append((vectorizer.build_analyzer(), terms))
            offset += len(vectorizer.vocabulary_)
        self.intercept = float(regression.intercept_[0])

    def probability(self, text: str) -> float:
        z = self.intercept
        for analyse, terms in self.parts:
            counts = Counter(term for term in analyse(text) if term in terms)
            tf_idf = {term: (1.0 + math.log(n)) * terms[term][0] for term, n in counts.items()}  # sublinear tf
            norm = math.sqrt(sum(value * value for value in tf_idf.values()))
            z += sum(value / norm * terms[term][1] for term, value in tf_idf.items()) if norm else 0.0
        return 1.0 / (1.0 + math.exp(-z))


@cache
def _model() -> LinearText | None:
    try:
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline
        features = text_features()
        rows = [(row["question"], path.stem == "new_topic") for path in sorted(TRAINING.glob("*.jsonl"))
                for row in jsonl_rows(path)]
    except (ImportError, OSError, ValueError, KeyError) as exc:
        log.warning("change of subject unavailable (%s): the matcher works alone", type(exc).__name__)
        return None
    if len({changes for _, changes in rows}) < 2:
        log.warning("change of subject unavailable (no labelled questions): the matcher works alone")
        return None
    model = make_pipeline(features, LogisticRegression(C=C, class_weight="balanced", max_iter=3000))
    model.fit([question for question, _ in rows], [changes for _, changes in rows])
    return LinearText(model)


def warm() -> None:
    """Train now (start-up), not on the first message someone types."""
    _model()
