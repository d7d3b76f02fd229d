"""The HTTP edge: health, auth, and a battery of malformed requests that must never get a 5xx."""
import io
import json

import pytest

from bot import appkeys
from tests.support.channel import activity


async def test_healthz_reports_policy_version_and_storage(bot):
    async with bot.session.get(bot.base_url + "/healthz") as resp:
        body = await resp.json()
    assert resp.status == 200
    assert body["status"] == "ok"
    assert body["policy_version"] == bot.services.kb.version
    assert body["storage"]["ok"] is True


def _malformed(service_url: str) -> list[tuple[str, bytes | str, dict]]:
    good = activity(service_url, "c-bad", text="hello")

    def mutate(**changes):
        body = dict(good)
        for key, val in changes.items():
            if val is None:
                body.pop(key, None)
            else:
                body[key] = val
        return json.dumps(body)

    deep = "[" * 5000 + "]" * 5000
    json_ct = {"Content-Type": "application/json"}
    return [
        ("no content type", json.dumps(good), {}),
        ("text/plain", json.dumps(good), {"Content-Type": "text/plain"}),
        ("form encoded", "a=b", {"Content-Type": "application/x-www-form-urlencoded"}),
        ("invalid json", "{not json", json_ct),
        ("truncated json", json.dumps(good)[:-5], json_ct),
        ("empty body", "", json_ct),
        ("json array", "[]", json_ct),
        ("json string", '"hello"', json_ct),
        ("json null", "null", json_ct),
        ("json number", "42", json_ct),
        ("deep nesting", deep, json_ct),
        ("deep object", '{"a":' * 100 + "1" + "}" * 100, json_ct),
        ("huge body", json.dumps({**good, "text": "x" * 2_000_000}), json_ct),
        ("not utf-8", b"\xff\xfe{\x00}", json_ct),
        ("no type", mutate(type=None), json_ct),
        ("empty type", mutate(type=""), json_ct),
        ("type not a string", mutate(type=7), json_ct),
        ("no conversation", mutate(conversation=None), json_ct),
        ("conversation without id", mutate(conversation={"name": "x"}), json_ct),
        ("conversation a string", mutate(conversation="c1"), json_ct),
        ("no serviceUrl", mutate(serviceUrl=None), json_ct),
        ("ftp serviceUrl", mutate(serviceUrl="ftp://example.org/"), json_ct),
        ("javascript serviceUrl", mutate(serviceUrl="javascript:alert(1)"), json_ct),
        ("serviceUrl without host", mutate(serviceUrl="http://"), json_ct),
        ("from a string", mutate(**{"from": "u1"}), json_ct),
        ("message without from", mutate(**{"from": None}), json_ct),
        ("text a number", mutate(text=12), json_ct),
        ("attachments an object", mutate(attachments={"a": 1}), json_ct),
        ("entities of strings", mutate(entities=["x"]), json_ct),
        ("bad timestamp", mutate(timestamp="yesterday"), json_ct),
        ("membersAdded a string", mutate(membersAdded="u1"), json_ct),
    ]


async def test_malformed_battery_gets_4xx_and_bot_still_answers(bot):
    cases = _malformed(bot.connector.service_url)
    assert len(cases) >= 20
    statuses = {}
    for name, body, headers in cases:
        data = io.BytesIO(body.encode() if isinstance(body, str) else body)
        async with bot.session.post(bot.channel.bot_url, data=data, headers=headers) as resp:
            statuses[name] = resp.status
            await resp.read()
    bad = {name: status for name, status in statuses.items() if not 400 <= status < 500}
    assert bad == {}
    assert statuses["no content type"] == 415 and statuses["text/plain"] == 415
    assert statuses["huge body"] == 413
    reply = await bot.send("c-after", "hello")
    assert reply.status in (200, 201) and "Hello" in reply.text


async def test_unknown_activity_type_is_accepted_and_ignored(bot):
    reply = await bot.send("c-unknown", type_="somethingNew")
    assert reply.status in (200, 201) and reply.activities == []


async def test_unknown_invoke_gets_501(bot):
    status, _ = await bot.channel.post(activity(bot.connector.service_url, "c-inv", "invoke", name="no/such"))
    assert status == 501


async def test_exception_in_turn_apologises_logs_without_text_and_no_500(bot, monkeypatch, caplog):
    async def boom(turn):
        raise RuntimeError("kaboom")

    bot.app[appkeys.REGISTRY].fallback = boom
    reply = await bot.send("c-err", "my secret words about a child")
    assert reply.status in (200, 201)
    assert "Sorry, something went wrong" in reply.text
    failure = [r for r in caplog.records if r.message.startswith("turn failed")]
    assert failure and failure[0].exc_info is not None
    assert "my secret words" not in caplog.text


@pytest.mark.parametrize("header", [None, "Bearer not-a-jwt", "Basic dXNlcjpwYXNz"])
async def test_requests_without_a_valid_token_get_401_when_app_id_is_set(make_bot, header):
    bot = await make_bot({"MicrosoftAppId": "11111111-2222-3333-4444-555555555555",
                          "MicrosoftAppPassword": "secret"})
    headers = {"Authorization": header} if header else None
    status, _ = await bot.channel.post(activity(bot.connector.service_url, "c-auth", text="hi"), headers=headers)
    assert status == 401
    assert bot.connector.inbox == {}


async def test_a_connector_that_refuses_the_replies_gets_a_clear_502(bot):
    await bot.send("c-refused", "hello")
    bot.connector.down = True
    status, body = await bot.channel.post(activity(bot.connector.service_url, "c-refused", text="thanks"))
    assert status == 502
    assert json.loads(body) == {"error": "the channel's Connector service did not take the bot's replies"}


@pytest.mark.parametrize("body, deeper", [
    ("[" * 32 + "]" * 32, False),  # exactly the limit
    ("[" * 33 + "]" * 33, True),
    (json.dumps({"text": "[" * 40, "n": [[1]]}), False),  # brackets inside a string do not nest
    (json.dumps({"items": [{"a": [1]} for _ in range(40)]}), False),  # many brackets, shallow
    (json.dumps({"a": [{"b": [{"c": "]]]]"}]}]}), False),
    ('{"a":' * 33 + "1" + "}" * 33, True),
])
def test_nesting_depth_is_counted_outside_strings(body, deeper):
    from bot.http import MAX_DEPTH, _depth_exceeds

    assert _depth_exceeds(body, MAX_DEPTH) is deeper
