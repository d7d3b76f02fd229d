"""Finding the command a message names: the index gives what a plain scan of every spelling gives."""
from __future__ import annotations

import json
import re
from pathlib import Path

from bot import appkeys
from bot.registry import Registry, argument_after

QUESTIONS = Path(__file__).parent / "policy_kb" / "questions.jsonl"


def scan(registry: Registry, text: str):
    """The plain definition: the longest spelling the message is, or starts (for a command that
    takes an argument); the first registered wins a tie."""
    low = " ".join(text.lower().strip().lstrip("/").split())
    best = None
    for cmd in registry.commands:
        for word in cmd.words:
            fits = low == word or (cmd.takes_argument and low.startswith(word + " "))
            if fits and (best is None or len(word) > len(best[1])):
                best = (cmd, word)
    if best is None:
        return None
    cmd, word = best
    typed = re.match(r"\s*/*\s*" + r"\s+".join(map(re.escape, word.split())) + r"(?:\s+(.*?))?\s*\Z", text,
                     re.IGNORECASE | re.DOTALL)
    return cmd, typed.group(1) or ""


async def test_the_index_finds_what_a_scan_finds(bot):
    registry = bot.app[appkeys.REGISTRY]
    words = [word for cmd in registry.commands for word in cmd.words]
    texts = [json.loads(line)["question"] for line in QUESTIONS.read_text().splitlines() if line.strip()]
    for word in words:
        texts += [word, word.upper(), f"/{word}", f"  {word}  ", f"{word} something else", f"{word}s",
                  f"{word}  with   spaces", word.split()[0], f"{word.split()[0]} x"]
    assert len(texts) > 200
    found = 0
    for text in texts:
        assert registry.find_command(text) == scan(registry, text), text
        found += registry.find_command(text) is not None
    assert found > len(words)  # most of the spellings above name a command


async def test_a_command_added_later_is_found():
    async def handler(turn):
        return None

    registry = Registry()
    registry.command("report", ("report",), handler, takes_argument=True)
    assert registry.find_command("reports open 5") is None
    registry.command("reports", ("reports open",), handler, takes_argument=True)
    cmd, argument = registry.find_command("Reports  open 5")
    assert (cmd.name, argument) == ("reports", "5")
    assert registry.find_command("report a concern")[0].name == "report"


def test_the_argument_is_what_follows_the_spelling_as_typed():
    assert argument_after("Reports  open   Year 9 trip", "reports open") == "Year 9 trip"
    assert argument_after("/situations Friend Request", "situations") == "Friend Request"
    assert argument_after("help", "help") == ""
