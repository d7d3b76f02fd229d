"""Pick near-tied candidates the way botbuilder-ai's QnA Maker active learning does.

ActiveLearningUtils.get_low_score_variation: keep the top answer; then keep each next answer
while it is within 0.7*sqrt(previous score) of the previous one and within 1.0*sqrt(top score)
of the top one. A top score above 95 stands alone; below 20 nothing is clustered.
"""
from __future__ import annotations

import math
from typing import Sequence

from .reply import Candidate

PREVIOUS_MULTIPLIER = 0.7
TOP_MULTIPLIER = 1.0
MAX_SCORE_FOR_VARIATION = 95.0
MIN_SCORE_FOR_VARIATION = 20.0


def _close(reference: float, score: float, multiplier: float) -> bool:
    return (reference - score) < multiplier * math.sqrt(reference)


def low_score_variation(candidates: Sequence[Candidate], limit: int = 3) -> tuple[Candidate, ...]:
    """Return the top candidate plus those clustered with it (scores 0..100, best first)."""
    if not candidates:
        return ()
    top = candidates[0].score
    if len(candidates) == 1 or top > MAX_SCORE_FOR_VARIATION or top <= MIN_SCORE_FOR_VARIATION:
        return (candidates[0],)
    kept = [candidates[0]]
    previous = top
    for candidate in candidates[1:]:
        if len(kept) == limit:
            break
        if _close(previous, candidate.score, PREVIOUS_MULTIPLIER) and _close(top, candidate.score, TOP_MULTIPLIER):
            kept.append(candidate)
            previous = candidate.score
        else:
            break
    return tuple(kept)
