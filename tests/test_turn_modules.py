"""A help turn runs few project modules: a newcomer can follow one message through the code."""
from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIMIT = 12


async def test_a_help_turn_runs_at_most_twelve_project_modules(make_bot):
    bot = await make_bot(channel="msteams")
    bot.connector.add_member("29:u1", "Ann Lee", "ann@alpha.example.org")
    await bot.send("c-help", "hello", user="29:u1")  # known person, stored state: a returning user's turn
    ran: set[str] = set()

    def record(frame, event, arg):
        if event == "call":
            path = frame.f_code.co_filename
            if path.startswith(str(ROOT)) and "/tests/" not in path and "/.venv/" not in path:
                ran.add(os.path.relpath(path, ROOT))

    sys.setprofile(record)
    try:
        reply = await bot.send("c-help", "help", user="29:u1")
    finally:
        sys.setprofile(None)
    assert "Staff guidance" in reply.text
    assert len(ran) <= LIMIT, " ".join(sorted(ran))
    assert "bot/turn.py" in ran and "bot/http.py" in ran  # the profile did see the turn
