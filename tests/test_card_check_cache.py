"""The fake Connector checks each distinct card once, and a bad card still fails every time it is sent."""
import uuid

import aiohttp
import pytest
from aiohttp.test_utils import TestServer

from tests.support import schemas
from tests.support.connector import FakeConnector

ADAPTIVE = "application/vnd.microsoft.card.adaptive"


def card(text: str, **block) -> dict:
    """A card no other test sends (so its first check is a real one)."""
    return {"type": "AdaptiveCard", "version": "1.5",
            "body": [{"type": "TextBlock", "text": f"{text} {uuid.uuid4()}", **block}]}


@pytest.fixture
def checks(monkeypatch):
    """Every card the schema check really validates (cache misses), in order."""
    seen: list[dict] = []
    validate = schemas._adaptive_card_errors

    def counting(content):
        seen.append(content)
        return validate(content)

    monkeypatch.setattr(schemas, "_adaptive_card_errors", counting)
    return seen


@pytest.fixture
async def connector():
    fake = FakeConnector()
    server = TestServer(fake.app(), host="127.0.0.1")
    await server.start_server()
    async with aiohttp.ClientSession() as session:
        async def send(content: dict) -> None:
            act = {"type": "message", "attachments": [{"contentType": ADAPTIVE, "content": content}]}
            async with session.post(server.make_url("/v3/conversations/c1/activities"), json=act) as resp:
                assert resp.status == 200
        fake.send = send
        yield fake
    await server.close()


async def test_an_invalid_card_is_refused_the_first_time_and_every_time_after(connector, checks):
    bad = card("Too big", size="gigantic")
    await connector.send(bad)
    assert len(checks) == 1
    assert len(connector.card_errors) == 1
    assert "not valid under any of the given schemas at body/0" in connector.card_errors[0]
    await connector.send(bad)
    await connector.send(dict(reversed(list(bad.items()))))  # the same card, keys in another order
    assert len(checks) == 1  # answered from the cache ...
    assert connector.card_errors == [connector.card_errors[0]] * 3  # ... and refused each time


async def test_two_different_cards_are_each_validated(connector, checks):
    good = card("Hello")
    bad = {**good, "body": [{**good["body"][0], "size": "gigantic"}]}  # one field differs
    for content in (good, bad, good, bad):
        await connector.send(content)
    assert checks == [good, bad]
    assert len(connector.card_errors) == 2 and all("body/0" in e for e in connector.card_errors)


def test_the_version_check_is_cached_with_the_outcome(checks):
    old = {**card("Old"), "version": "1.4"}
    assert schemas.adaptive_card_errors(old) == "card version is '1.4', expected '1.5'"
    assert schemas.adaptive_card_errors(old) == "card version is '1.4', expected '1.5'"
    assert schemas.adaptive_card_errors({**old, "version": "1.5"}) is None
    assert len(checks) == 2


def test_a_card_that_is_not_plain_json_is_never_taken_for_its_json_twin(checks):
    listed = card("Twins")
    tupled = {**listed, "body": tuple(listed["body"])}  # the same JSON text, but not an array
    assert schemas.adaptive_card_errors(listed) is None
    assert schemas.adaptive_card_errors(tupled) == f"{tupled['body']!r} is not of type 'array' at body"
    assert schemas.adaptive_card_errors({**listed, "body": {1, 2}}) is not None  # a set: no JSON text at all
    assert len(checks) == 3
