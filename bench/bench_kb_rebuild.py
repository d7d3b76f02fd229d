"""What a console change costs each instance: rebuilding the knowledge base and its matcher (done in
a thread, turns go on meanwhile), and how much slower a turn's matching is while it runs.

    .venv/bin/python bench/bench_kb_rebuild.py
"""
from __future__ import annotations

import statistics
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app import default_knowledge_base
from bot.features.quiz import bank_for
from console.knowledge import build, shipped_bundle
from console.library import Decision, Snapshot
from onboarding.bank import bank_for_version
from policy_kb.search import Matcher

QUESTIONS = ["can I accept a friend request from a current pupil?", "can I text a parent from my own phone?",
             "should my privacy settings be on the highest level?", "can I post photos of pupils on our class account?"]


def rebuild(decisions: int) -> float:
    shipped = default_knowledge_base()
    links = tuple(Decision(n, "social_media", "link", "personal.consider_reputation", f"question number {n} about tiktok",
                           None, "bench") for n in range(decisions))
    started = time.perf_counter()
    live = build(Snapshot(1, {}, {}, links), shipped)
    Matcher(live.primary.kb)
    bank_for_version(bank_for(shipped), live.primary.kb)
    return time.perf_counter() - started


def matching_ms(matcher: Matcher, rounds: int = 400) -> tuple[float, float]:
    """Median and 95th percentile of one question's matching, in ms."""
    times = []
    for n in range(rounds):
        started = time.perf_counter()
        matcher.answer(QUESTIONS[n % len(QUESTIONS)])
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), statistics.quantiles(times, n=20)[-1]


def main() -> None:
    shipped_bundle()  # read once, as an instance does
    matcher = Matcher(default_knowledge_base())
    first = rebuild(1)
    print(f"first rebuild in a process (cold caches): {first:.2f} s")
    for decisions in (1, 50, 500):
        times = [rebuild(decisions) for _ in range(5)]
        print(f"rebuild with {decisions:3d} linked questions: best of 5 {min(times):.2f} s, worst {max(times):.2f} s")
    quiet = matching_ms(matcher)
    running = threading.Event()
    running.set()

    def rebuilding() -> None:
        while running.is_set():
            rebuild(1)

    worker = threading.Thread(target=rebuilding)
    worker.start()
    busy = matching_ms(matcher)
    running.clear()
    worker.join()
    print(f"a question's matching: median {quiet[0]:.2f} ms (p95 {quiet[1]:.2f} ms); while rebuilds run in a thread "
          f"median {busy[0]:.2f} ms (p95 {busy[1]:.2f} ms)")


if __name__ == "__main__":
    main()
