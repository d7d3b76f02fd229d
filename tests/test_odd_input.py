"""Odd shapes a channel (or an attacker) can send: a clear 4xx or a normal answer, never a 5xx or an apology."""
from __future__ import annotations

import pytest

from tests.support.channel import activity, visible_text

QUESTION = "can I accept a friend request from a parent?"
ANSWER = "No — not while you work for the trust"
APOLOGY = "Sorry, something went wrong"


def _message(bot, conversation: str, **changes) -> dict:
    act = activity(bot.connector.service_url, conversation, text=QUESTION, channel="msteams")
    for key, value in changes.items():
        if value is _DROP:
            act.pop(key, None)
        else:
            act[key] = value
    return act


_DROP = object()


async def _post(bot, body: dict) -> tuple[int, str]:
    before = len(bot.connector.inbox.get(body.get("conversation", {}).get("id", ""), []))
    status, _ = await bot.channel.post(body)
    sent = bot.connector.inbox.get(body.get("conversation", {}).get("id", ""), [])[before:]
    return status, "\n".join(visible_text(a) for a in sent)


@pytest.mark.parametrize(
    ("name", "changes"),
    [
        ("a lone surrogate in the text", {"text": QUESTION + " \ud800"}),
        ("value msteams is a string", {"value": {"msteams": "x"}}),
        ("channelData.team is a string", {"channelData": {"team": "general", "tenant": {"id": "t"}}}),
        ("a mention whose text is not a string",
         {"entities": [{"type": "mention", "text": 7, "mentioned": {"id": "bot", "name": "Guidance bot"}}]}),
        ("an entity whose type is null", {"entities": [{"type": None}]}),
    ],
)
async def test_an_odd_shape_gets_a_normal_answer(make_bot, name, changes):
    bot = await make_bot(channel="msteams")
    status, text = await _post(bot, _message(bot, f"odd-{abs(hash(name))}", **changes))
    assert status < 300, name
    assert ANSWER in text and APOLOGY not in text, (name, text)


@pytest.mark.parametrize(
    ("name", "changes"),
    [
        ("an invoke whose value is not an object", {"type": "invoke", "name": "adaptiveCard/action", "value": "x"}),
        ("an invoke whose value is a list", {"type": "invoke", "name": "adaptiveCard/action", "value": [1, 2]}),
        ("a serviceUrl with a DNS label over 63 characters", {"serviceUrl": "https://" + "a" * 70 + ".example.org/"}),
        ("no channelId", {"channelId": _DROP}),
    ],
)
async def test_an_odd_request_gets_a_clear_client_error(make_bot, name, changes):
    bot = await make_bot(channel="msteams")
    status, text = await _post(bot, _message(bot, f"odd-{abs(hash(name))}", **changes))
    assert status == 400, (name, status)
    assert text == "", (name, text)  # nothing was said in the conversation
