"""The local web chat's Direct Line endpoint, over HTTP as Web Chat uses it (the browser test is separate)."""
import asyncio

import pytest

from app import create_app
from bot.settings import Settings, SettingsError
from tests.channels import demo
from tests.support.people import reference as reference_of
from tests.support.schemas import adaptive_card_errors


class Page:
    """Speaks to /directline the way botframework-directlinejs does."""

    def __init__(self, bot):
        self.bot, self.watermark, self.seen = bot, 0, []

    async def call(self, method, path, token=None, **kw):
        headers = {"Authorization": f"Bearer {token or self.token}"} if (token or getattr(self, "token", None)) else {}
        async with self.bot.session.request(method, self.bot.base_url + path, headers=headers, **kw) as resp:
            return resp.status, (await resp.json() if resp.content_type == "application/json" else await resp.text())

    async def start(self):
        status, session = await self.call("POST", "/directline/tokens/generate")
        assert status == 200
        self.token, self.cid, self.user = session["token"], session["conversationId"], session["userId"]
        status, started = await self.call("POST", "/directline/conversations", json={"user": {"id": self.user}})
        assert status == 201 and started["conversationId"] == self.cid
        return self

    async def poll(self):
        status, body = await self.call("GET", f"/directline/conversations/{self.cid}/activities?watermark={self.watermark}")
        assert status == 200
        self.watermark = int(body["watermark"])
        self.seen.extend(body["activities"])
        return body["activities"]

    async def say(self, text=None, value=None):
        activity = {"type": "message", "from": {"id": self.user, "role": "user"}, "locale": "en-GB",
                    "channelData": {"clientActivityID": "c1"}}
        if text is not None:
            activity["text"] = text
        if value is not None:
            activity["value"] = value
        status, body = await self.call("POST", f"/directline/conversations/{self.cid}/activities", json=activity)
        assert status == 200, body
        return await self.poll()


def cards(activities):
    return [a["attachments"][0]["content"] for a in activities if a.get("attachments")]


def submit(card, title_part):
    return next(a["data"] for a in card["actions"] if title_part.lower() in a["title"].lower())


async def test_page_is_served_with_web_chat(bot):
    async with bot.session.get(bot.base_url + "/") as resp:
        assert resp.status == 200
        page = await resp.text()
    assert "/static/webchat/webchat.js" in page and "/directline" in page
    async with bot.session.get(bot.base_url + "/static/webchat/LICENSE") as resp:
        assert resp.status == 200 and "MIT License" in await resp.text()
    async with bot.session.get(bot.base_url + "/static/webchat/..%2Findex.html") as resp:
        assert resp.status == 404


async def test_conversation_welcome_question_click_and_update(bot):
    demo.install(bot)
    page = await Page(bot).start()
    welcome = cards(await page.poll())
    assert welcome and welcome[0]["body"][0]["text"].startswith("Staff guidance")
    replies = await page.say("help")
    echo, *answers = replies
    assert echo["from"]["role"] == "user" and echo["text"] == "help" and echo["channelData"]["clientActivityID"] == "c1"
    assert all(a["from"]["role"] == "bot" for a in answers)
    menu = cards(answers)[-1]
    question = cards(await page.say(value=submit(menu, "two-step")))[-1]
    assert adaptive_card_errors(question) is None
    done = await page.say(value={**submit(question, "Go on"), "year": "9"})
    assert any(a.get("text") == "You pressed go with year 9." for a in done)
    alert_activity = [a for a in await page.say(value=submit(menu, "alert")) if a.get("attachments")][-1]
    updated = await page.say(value=submit(cards([alert_activity])[0], "Acknowledge"))
    same = [a for a in updated if a["id"] == alert_activity["id"]]
    assert same and "Acknowledged." in str(same[0]["attachments"][0]["content"])
    assert len({a["id"] for a in page.seen}) < len(page.seen)  # the update reused the card's id


async def test_watermark_returns_only_new_activities(bot):
    page = await Page(bot).start()
    first = await page.poll()
    assert first and await page.poll() == []


async def test_tokens_guard_each_conversation(bot):
    page = await Page(bot).start()
    other = await Page(bot).start()
    status, _ = await page.call("GET", f"/directline/conversations/{other.cid}/activities", token=page.token)
    assert status == 403
    async with bot.session.get(f"{bot.base_url}/directline/conversations/{page.cid}/activities") as resp:
        assert resp.status == 403
    async with bot.session.post(f"{bot.base_url}/directline/connector/wrong-secret/v3/conversations/{page.cid}/activities",
                                json={"type": "message", "text": "forged"}) as resp:
        assert resp.status == 404
    assert all(a.get("text") != "forged" for a in await page.poll())


@pytest.mark.parametrize("body, problem", [
    ("not json", "not JSON"), ([1, 2], "JSON object"), ({"type": ""}, "type"),
    ({"type": "message", "text": "x" * 5000}, "at most"), ({"type": "message", "value": [1]}, "value"),
])
async def test_bad_activities_get_a_clear_400(bot, body, problem):
    page = await Page(bot).start()
    kw = {"data": body} if isinstance(body, str) else {"json": body}
    status, answer = await page.call("POST", f"/directline/conversations/{page.cid}/activities", **kw)
    assert status == 400 and problem in answer["error"]["message"]


async def test_the_page_speaks_as_the_token_user_whatever_the_client_claims(bot):
    page = await Page(bot).start()
    status, _ = await page.call("POST", f"/directline/conversations/{page.cid}/activities",
                                json={"type": "message", "text": "hello", "from": {"id": "someone-else"}})
    assert status == 200
    echo = [a for a in await page.poll() if a.get("text") == "hello"][0]
    assert echo["from"]["id"] == page.user
    assert await reference_of(bot, f"directline:{page.user}") is not None


@pytest.mark.parametrize("env", [
    {"MicrosoftAppId": "3f2a9c1e-8b7d-4e6f-9a0b-1c2d3e4f5a6b", "MicrosoftAppPassword": "secret"},
    {"WEBCHAT": "off"},
])
async def test_web_chat_is_off_with_an_app_id_or_when_turned_off(make_bot, env):
    bot = await make_bot(env)
    for method, path in (("GET", "/"), ("POST", "/directline/tokens/generate")):
        async with bot.session.request(method, bot.base_url + path) as resp:
            assert resp.status in (404, 405), path


def test_a_bad_webchat_setting_stops_the_start(tmp_path):
    with pytest.raises(SettingsError, match="WEBCHAT"):
        create_app(Settings.from_env({"DATA_DIR": str(tmp_path), "WEBCHAT": "maybe"}))


async def test_many_conversations_at_once(bot):
    pages = await asyncio.gather(*(Page(bot).start() for _ in range(5)))
    results = await asyncio.gather(*(p.say("help") for p in pages))
    assert all(cards(r) for r in results)
    assert len({p.cid for p in pages}) == 5


async def test_token_refresh_and_reconnect_keep_the_same_conversation(bot):
    page = await Page(bot).start()
    status, refreshed = await page.call("POST", "/directline/tokens/refresh")
    assert status == 200 and refreshed["conversationId"] == page.cid and refreshed["token"] == page.token
    status, again = await page.call("GET", f"/directline/conversations/{page.cid}?watermark=0")
    assert status == 200 and again["conversationId"] == page.cid
    status, restarted = await page.call("POST", "/directline/conversations", json={})
    assert status == 200 and restarted["conversationId"] == page.cid
    welcomes = [a for a in await page.poll() if a.get("attachments")]
    assert len(welcomes) == 1  # starting twice does not welcome twice
