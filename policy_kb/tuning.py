"""The labelled rows in `eval/` the bot may learn from: every row whose id number is not a multiple of
three. The rows kept aside (a multiple of three) are never learnt from, so they still measure what
was learnt honestly (`make eval` prints them on a line of their own).
The id number is all the digits of the id read as one number: round 7's r7i014 is 7014, kept aside.
Rounds 8 to 96 (ids `r8…` to `r96…`) are kept aside whole: learning round 8's rows made the second
opinion worse on the rows of earlier rounds it never learns from (docs/answers.md), so they measure new
registers instead.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Iterator

EVAL = Path(__file__).resolve().parent.parent / "eval"


# rounds nothing learns from at all, by id prefix
WHOLLY_ASIDE = ("r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15", "r16", "r17", "r18", "r19", "r20", "r21", "r22", "r23",
                "r24", "r25", "r26", "r27", "r28", "r29", "r30", "r31", "r32",
                "r33", "r34", "r35", "r36", "r37", "r38", "r39", "r40", "r41",
                "r42", "r43", "r44", "r45", "r46", "r47", "r48", "r49", "r50", "r51", "r52", "r53",
                "r54", "r55", "r56", "r57", "r58", "r59", "r60", "r61", "r62", "r63", "r64", "r65",
                "r66", "r67", "r68", "r69", "r70", "r71", "r72", "r73", "r74",
                "r75", "r76", "r77", "r78", "r79", "r80", "r81", "r82", "r83", "r84",
                "r85", "r86", "r87", "r88",
                "r89", "r90", "r91", "r92", "r93", "r94", "r95", "r96")


def kept_aside(row_id: str) -> bool:
    return row_id.startswith(WHOLLY_ASIDE) or int(re.sub(r"\D", "", row_id) or 0) % 3 == 0


def jsonl_rows(path: Path) -> list[dict]:
    """The rows of a JSONL file (blank lines skipped)."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def tuning_rows(folder: Path = EVAL, name: str = "*.jsonl") -> Iterator[dict]:
    """Every row of eval/NAME and eval/round*/NAME that may be learnt from, in a fixed order."""
    for path in sorted(folder.glob(name)) + sorted(folder.glob(f"round*/{name}")):
        yield from (row for row in jsonl_rows(path) if not kept_aside(row["id"]))


def text_features():
    """What the bot's text classifiers read (scikit-learn, imported here; ImportError without it): TF-IDF of
    character 3-5-grams within words and of words and word pairs."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import make_union
    return make_union(TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=2, sublinear_tf=True),
                      TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True))
