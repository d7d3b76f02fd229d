"""`make screenshots`: photograph each flow in the local Web Chat page with real headless Chromium.

Starts the bot (`python app.py`, its own DATA_DIR in a temporary directory, on a free loopback
port), runs the scripts of tools/tours.py at phone (420×800) and desktop (1280×900) size, saves a
PNG of each named step to docs/screenshots/<step>-<size>.png and prints every card's height and
anything wrong with it. Needs Debian's chromium and chromium-driver, and the Web Chat bundle
(`make webchat`). The bot process is stopped by the id this script started it with.
"""
from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tools import console_tour, tours  # noqa: E402
from tools.webchat_page import DESKTOP, PHONE, Browser, WebChatPage, missing  # noqa: E402

SIZES = {"phone": PHONE, "desktop": DESKTOP}
# One picture per step for the README (of the first card of the step whose title has this in it);
# the other steps are measured only.
PICTURES = {"welcome": "", "help": "", "answer": "", "follow-on": "", "situations": "", "situation-outcome": "",
            "report-form": "Report a safeguarding concern", "report-summary": "", "report-received": "",
            "quiz-question": "Question 1", "quiz-feedback": "feedback", "quiz-result": "Certificate",
            "disclosure": "A child may be at risk", "who-to-tell": "Who to tell"}


def small(path: Path) -> None:
    """Keep the committed PNG small: 256 colours are plenty for a chat page."""
    from PIL import Image

    with Image.open(path) as image:
        image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT).save(path, optimize=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_bot(data_dir: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {**os.environ, "HOST": "127.0.0.1", "PORT": str(port), "DATA_DIR": data_dir, "QUIZ_QUESTIONS": "4",
           "WEBCHAT": "auto", **console_tour.environment(data_dir)}
    for name in ("MicrosoftAppId", "DATABASE_URL", "CONTACTS_FILE"):
        env.pop(name, None)  # the local page, with the fictional contacts
    bot = subprocess.Popen([sys.executable, str(ROOT / "app.py")], env=env, cwd=ROOT,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            urllib.request.urlopen(url + "/healthz", timeout=1)
            return bot, url
        except OSError:
            time.sleep(0.2)
    bot.terminate()
    raise SystemExit("the bot did not start (python app.py)")


def run(url: str, size_name: str, out: Path | None, bank) -> list[str]:
    """Every tour at one size; returns the problems found."""
    problems: list[str] = []
    browser = Browser(SIZES[size_name])
    taken: set[str] = set()

    def on_card(name: str, check, element) -> None:
        limit = 1.0 if name in tours.ANSWER_LOOKS else 1.5
        found = check.problems(limit)
        problems.extend(f"{size_name}: {p}" for p in found)
        print(f"{size_name:8} {name:28} {check.height:6.0f} px {check.screens:4.2f} screens  {check.title[:50]}"
              + ("  <- " + "; ".join(found) if found else ""))
        if out is not None and name in PICTURES and name not in taken and PICTURES[name] in check.title:
            taken.add(name)
            path = out / f"{name}-{size_name}.png"
            page.screenshot(path, element)
            small(path)

    try:
        for script in (tours.welcome, tours.question, tours.situation, tours.friend_request, tours.worried, tours.report,
                       tours.quiz, tours.quiz_missed, tours.practice):
            page = WebChatPage(browser, url)
            tour = tours.Tour(page, on_card)
            if script is not tours.welcome:
                page.open()
                page._until(lambda p=page: p.cards(), "the welcome card")
                tour.seen = len(page.cards())
            script(tour, bank)
    finally:
        browser.close()
    if out is not None and set(PICTURES) - taken:
        problems.append(f"{size_name}: no picture of {sorted(set(PICTURES) - taken)}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--measure-only", action="store_true", help="print the measurements, save no pictures")
    parser.add_argument("--sizes", default="phone,desktop")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a card has a problem")
    parser.add_argument("--console-only", action="store_true", help="only the console's pictures")
    args = parser.parse_args()
    if missing():
        return f"Cannot take screenshots: {missing()}"
    from onboarding.bank import load_bank
    from policy_kb import load_knowledge_base

    bank = load_bank(load_knowledge_base())
    with tempfile.TemporaryDirectory(prefix="screenshots-") as data_dir:
        bot, url = start_bot(data_dir)
        try:
            problems = []
            for size in () if args.console_only else args.sizes.split(","):
                problems += run(url, size, None if args.measure_only else args.out, bank)
            for name in console_tour.take(url, None if args.measure_only else args.out,
                                          load_knowledge_base().source_text):
                small(args.out / name)
                print(f"console  {name}")
        finally:
            bot.terminate()
            bot.wait(10)
    for problem in problems:
        print("PROBLEM", problem)
    return 1 if problems and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
