"""A console bot and a client signed in to it, as the policy owner or the Q&A reviewer."""
from __future__ import annotations

import pytest

from tests.support.console import OWNER, REVIEWER, ConsoleClient, console_bot


async def _signed_in(make_bot, person):
    bot = await console_bot(make_bot)
    client = ConsoleClient(bot)
    await client.sign_in(person)
    return bot, client


@pytest.fixture
async def owner(make_bot):
    bot, client = await _signed_in(make_bot, OWNER)
    yield bot, client
    await client.close()


@pytest.fixture
async def reviewer(make_bot):
    bot, client = await _signed_in(make_bot, REVIEWER)
    yield bot, client
    await client.close()
