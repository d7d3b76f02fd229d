"""The fake Connector checks each distinct card once, and a bad card still fails every time it is sent."""
import copy
import random
import uuid

import aiohttp
import pytest
from aiohttp.test_utils import TestServer
from jsonschema.exceptions import best_match

from bot.features.welcome import welcome_card
from cards import render_adaptive
from cards.qa import answer_card
from cards.quiz import question_card
from onboarding.draw import draw
from tests.support import schemas
from tests.support.connector import FakeConnector
from tests.support.kb import bank_for, shipped_kb

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

    def counting(content, validator):
        seen.append(content)
        return validate(content, validator)

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


def test_an_element_checked_in_one_place_is_checked_again_in_another():
    block = {"type": "TextBlock", "text": f"Fine here {uuid.uuid4()}"}
    assert schemas.adaptive_card_errors({"type": "AdaptiveCard", "version": "1.5", "body": [block]}) is None
    misplaced = {"type": "AdaptiveCard", "version": "1.5", "body": [{"type": "ActionSet", "actions": [block]}]}
    assert "not valid under any of the given schemas at body/0" in schemas.adaptive_card_errors(misplaced)
    nested = {"type": "AdaptiveCard", "version": "1.5",
              "body": [{"type": "Container", "items": [block, {**block, "size": "gigantic"}]}]}
    assert "not valid under any of the given schemas at body/0" in schemas.adaptive_card_errors(nested)


def product_cards() -> list[dict]:
    kb = shipped_kb()
    drawn = draw(bank_for(kb), 3, "cache")
    views = [welcome_card(kb), answer_card(kb, kb.clauses[0].id),
             *(question_card(bank_for(kb).by_id[d.question_id], d.option_order, i, 3, "att")
               for i, d in enumerate(drawn))]
    return [render_adaptive(view) for view in views]


def test_remembering_valid_parts_gives_the_plain_validators_answer_for_broken_cards():
    """Break real cards at random places; the error must be the one a fresh plain validation finds."""
    rng = random.Random(15)
    originals = product_cards()
    plain = schemas.adaptive_card_validator()
    invalid = 0
    for _ in range(16):
        card = copy.deepcopy(rng.choice(originals))
        holder = rng.choice(list(typed_parts(card)))
        holder[rng.choice(list(holder))] = rng.choice(["gigantic", 3, None, True, [], {}, "Action.Bogus"])
        expected = best_match(plain.iter_errors(card))
        got = schemas.adaptive_card_errors(card)
        if expected is None:
            assert got is None or got.startswith("card version is")
        else:
            invalid += 1
            assert got == f"{expected.message} at {'/'.join(map(str, expected.absolute_path))}"
    assert invalid >= 10, invalid


def typed_parts(value):
    """Every element and action in a card (each dict with a "type"), the card included."""
    if isinstance(value, dict) and "type" in value:
        yield value
    for child in value.values() if isinstance(value, dict) else value if isinstance(value, list) else ():
        yield from typed_parts(child)
