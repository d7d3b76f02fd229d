"""`make eval`: ask the running bot every question of the evaluation sets and score the first reply
as a member of staff would read it (over the Bot Framework protocol, a new conversation each, in
Teams shape, with a fake Connector: bench code, not the product).

- in-scope rows {question, clause, expect_any, stance}: right when the reply is an answer whose first
  verbatim quote of the policy (8 words or more) holds one of `expect_any` and whose declared stance
  (the policyAnswer entity) is `stance` ("info" rows accept any stance); else wrong clause, wrong
  stance, did-you-mean, don't know or other.
- out-of-scope rows {question}: a reply that quotes the policy is a false answer; "the policy
  doesn't cover that" is right; a route to the DSL is right only when the row says it belongs there.
- any question answered as a disclosure (the safeguarding reply) that is not about reporting harm is
  also a false alarm.
- follow-up rows {first, followup, …} ask `first`, then score the reply to `followup` in the same
  conversation, as an in-scope row (with a clause) or an out-of-scope one.
- disclosure rows {message, urgent}: routed when the first reply sends the person to the DSL (or the
  headteacher) with a way to report, and says 999 when `urgent`; counted apart, how many headlines
  put 999 first on rows marked urgent and on rows not marked urgent (a false "call 999").

Usage: python bench/eval_answers.py [SET.jsonl ...]  (default: eval/*.jsonl, eval/round*/*.jsonl,
eval/followups*/*.jsonl and, when present, ../shared/eval/*.jsonl). A set's mode comes from its rows.
Prints one line per miss with --show.
"""
from __future__ import annotations

import argparse
import asyncio
import logging
import re
import sys
import tempfile
import uuid
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from policy_kb.tuning import EVAL, jsonl_rows, kept_aside  # noqa: E402
from tests.support.channel import buttons, visible_text  # noqa: E402
from tests.support.harness import BotHarness  # noqa: E402

WELCOME = re.compile(r"^(?:hello|hi)\b|i help trust staff|i answer questions about the staff", re.I)
DONT_KNOW = re.compile(r"\b(?:i don't know|i do not know|doesn't (?:seem to )?cover|does not cover|not covered by"
                       r"|won't guess|can't answer that)\b")
DID_YOU_MEAN = re.compile(r"which (?:part|one) did you mean|did you mean")
TO_DSL = re.compile(r"designated (?:safeguarding lead|person for child protection)|\bdsl\b")


def _norm(text: str) -> str:
    text = text.replace("\u2010", "-").replace("\u2011", "-").replace("\u2019", "'")
    return " ".join(text.split()).lower()


POLICY = _norm((ROOT / "policy_kb/source/social_media_policy_v1.0.txt").read_text(encoding="utf-8"))


def quotes(text: str) -> list[str]:
    """The verbatim runs of the policy, 8 words or longer, in a reply, in order."""
    found, words, i = [], _norm(text).split(), 0
    while i + 8 <= len(words):
        j = i + 8
        if " ".join(words[i:j]) in POLICY:
            while j < len(words) and " ".join(words[i:j + 1]) in POLICY:
                j += 1
            found.append(" ".join(words[i:j]))
            i = j
        else:
            i += 1
    return found


def read(activities: list[dict]) -> dict:
    """What a person takes from the first reply (after any welcome)."""
    body = [a for a in activities if not WELCOME.search(visible_text(a)[:200])] or activities
    text = "\n".join(visible_text(a) for a in body)
    titles = [_norm(title) for a in body for title, _ in buttons(a)]
    data = [d for a in body for _, d in buttons(a)]
    low = _norm(text)
    found = quotes(text)
    kind = ("unknown" if DONT_KNOW.search(low) else
            "choose" if any(t.startswith("none of these") for t in titles) or DID_YOU_MEAN.search(low) else
            "answer" if found else "other")
    declared = next((e for a in body for e in a.get("entities") or []
                     if isinstance(e, dict) and e.get("type") == "policyAnswer"), None)
    return {"kind": kind, "quotes": found, "stance": (declared or {}).get("stance"), "text": low,
            "dsl": bool(TO_DSL.search(low)), "urgent": "999" in low, "999 first": low.lstrip().startswith("call 999"),
            "report": any(str(d.get("action", "")).startswith("report") for d in data)
            or any("report a concern" in t for t in titles)}


def asked(row: dict) -> str:
    """The message a row scores the reply to."""
    return row.get("followup") or row.get("question") or row["message"]


def alarm(row: dict, seen: dict) -> bool:
    """A safeguarding reply to an ordinary question (not one about reporting harm)."""
    return "message" not in row and seen["stance"] == "safeguarding" and row.get("stance") != "report"


def score(row: dict, seen: dict) -> str:
    if "message" in row:  # a disclosure
        # an allegation about staff goes to the headteacher, one about the head to the trust lead (as the row's note says)
        note = row.get("note", "").lower()
        head_ok = ("headteacher" in note and re.search(r"head ?teacher|\bhead\b", seen["text"])) or (
            re.search(r"trust (?:safeguarding )?lead|\bceo\b", note) and "tell the trust safeguarding lead now" in seen["text"])
        routed = (seen["dsl"] and seen["report"]) or head_ok
        if not routed or seen["kind"] in ("unknown", "choose") or (row.get("urgent") and not seen["urgent"]):
            return "missed"
        return "routed"
    if "clause" not in row:  # out of scope
        if seen["kind"] == "unknown":
            return "don't know"
        if seen["dsl"] and seen["report"]:
            return "routed to the DSL (right)" if re.search(r"dsl|safeguard|designated", row.get("why_out", ""), re.I) \
                else "false safeguarding route"
        return {"answer": "false answer", "choose": "did-you-mean"}.get(seen["kind"], seen["kind"])
    if seen["kind"] != "answer":
        return {"unknown": "don't know", "choose": "did-you-mean"}.get(seen["kind"], seen["kind"])
    fragments = [_norm(f) for f in row["expect_any"]]
    if not any(f in seen["quotes"][0] for f in fragments):
        return "wrong clause"
    same = seen["stance"] == row["stance"] or {seen["stance"], row["stance"]} == {"report", "safeguarding"}
    return "right" if row["stance"] == "info" or same else "wrong stance"


async def run(paths: list[Path], show: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        bot = await BotHarness(Path(tmp), {}, "msteams").start()
        try:
            for path in paths:
                rows = jsonl_rows(path)
                counts: Counter = Counter()
                aside: Counter = Counter()  # rows the classifiers never learn from (policy_kb/tuning.py)
                learns = path.resolve().is_relative_to(EVAL)
                n_aside = sum(kept_aside(row.get("id", "")) for row in rows)
                for number, row in enumerate(rows):
                    conversation, user = f"eval-{uuid.uuid4().hex[:10]}", f"eval{number}-{uuid.uuid4().hex[:6]}"
                    if "followup" in row:  # a question, then the message scored, in the same conversation
                        await bot.channel.send(conversation, row["first"], user=user)
                    reply = await bot.channel.send(conversation, asked(row), user=user)
                    seen = read(reply.activities)
                    outcome = score(row, seen)
                    unread = learns and kept_aside(row.get("id", ""))  # a row nothing learns from
                    for tally in (counts, aside) if unread else (counts,):
                        tally[outcome] += 1
                        tally["false alarm"] += alarm(row, seen)
                        if "message" in row:  # the headline says 999 first: right when urgent, alarming when not
                            tally["999 first (urgent)" if row.get("urgent") else "999 first (not urgent)"] += seen["999 first"]
                    if show and outcome not in ("right", "routed", "don't know", "routed to the DSL (right)"):
                        # a kept-aside row's words stay unread, or it no longer checks what was learnt
                        said = "(kept aside: not shown)" if unread else asked(row)[:90]
                        print(f"  {outcome:14} {row.get('id', number)} | {said}")
                print(summary(path, len(rows), counts))
                if learns:
                    print("   kept aside, never learnt from: " + summary(path, n_aside, aside))
        finally:
            await bot.close()


def summary(path: Path, n: int, counts: Counter) -> str:
    figures = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()) if v)
    if "routed" in counts or "missed" in counts:
        headline = f"routed {counts['routed'] / n:.1%}"
    elif "right" in counts or "wrong clause" in counts or "wrong stance" in counts:
        wrong = counts["wrong clause"] + counts["wrong stance"]
        headline = f"right first {counts['right'] / n:.1%}, wrong {wrong / n:.1%}, false alarms {counts['false alarm'] / n:.1%}"
    else:
        headline = f"false answers {counts['false answer'] / n:.1%}, false alarms {counts['false alarm'] / n:.1%}"
    return f"{path.parent.name}/{path.name} ({n}): {headline} [{figures}]"


def default_sets() -> list[Path]:
    own = sorted((ROOT / "eval").glob("*.jsonl")) + sorted((ROOT / "eval").glob("round*/*.jsonl")) \
        + sorted((ROOT / "eval").glob("followups*/*.jsonl"))
    shared = sorted((ROOT.parent / "shared" / "eval").glob("*.jsonl"))
    return own + shared


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sets", nargs="*", type=Path)
    parser.add_argument("--show", action="store_true", help="print each miss")
    args = parser.parse_args()
    logging.disable(logging.WARNING)  # the fake Connector knows none of these people: the bot says so in its log
    asyncio.run(run(args.sets or default_sets(), args.show))


if __name__ == "__main__":
    main()
