"""The local web chat keeps its Connector secret from the page, and answers only the Host and Origin
it is served under (DNS rebinding), over HTTP as Web Chat and a hostile page would call it."""
import json

import pytest

from bot import appkeys
from bot.channels.directline import STORE
from bot.features.reach import Target
from tests.channels import demo
from tests.channels.test_directline import Page, cards, submit
from tests.support.people import reference as reference_of


class RecordingPage(Page):
    """A page that keeps every body the app gave it, and can send extra headers."""

    def __init__(self, bot):
        super().__init__(bot)
        self.bodies: list[str] = []

    async def call(self, method, path, token=None, headers=None, **kw):
        token = token or getattr(self, "token", None)
        sent = {**({"Authorization": f"Bearer {token}"} if token else {}), **(headers or {})}
        async with self.bot.session.request(method, self.bot.base_url + path, headers=sent, **kw) as resp:
            body = await (resp.json() if resp.content_type == "application/json" else resp.text())
            status = resp.status
        self.bodies.append(body if isinstance(body, str) else json.dumps(body))
        return status, body


def walk(value, found: list):
    if isinstance(value, dict):
        found.extend(value)
        for item in value.values():
            walk(item, found)
    elif isinstance(value, list):
        for item in value:
            walk(item, found)
    return found


async def test_nothing_the_page_is_given_carries_the_connector_secret(bot):
    demo.install(bot)
    secret = bot.app[STORE].secret
    page = await RecordingPage(bot).start()
    await page.poll()
    menu = cards(await page.say("help"))[-1]
    question = cards(await page.say(value=submit(menu, "two-step")))[-1]
    await page.say(value={**submit(question, "Go on"), "year": "9"})
    alert = [a for a in await page.say(value=submit(menu, "alert")) if a.get("attachments")][-1]
    await page.say(value=submit(cards([alert])[0], "Acknowledge"))  # an update of a card
    await page.say("what does the policy say about texting a parent?")
    await page.call("POST", "/directline/tokens/refresh")
    await page.call("GET", f"/directline/conversations/{page.cid}")
    async with bot.session.get(bot.base_url + "/") as resp:
        page.bodies.append(await resp.text())
    # A proactive card (an alert, a reminder) to this web chat user goes through the same routes.
    reference = await reference_of(bot, f"directline:{page.user}")
    assert secret in reference.service_url  # the bot needs it; the page must not see it
    await bot.services.reach.send(bot.app[appkeys.ADAPTER], Target(user_key=f"directline:{page.user}"),
                                            demo.alert_card(False))
    await page.poll()
    assert len(page.seen) > 10 and len(page.bodies) > 10
    assert not [body for body in page.bodies if secret in body]
    assert "serviceUrl" not in walk(page.seen, []) and "serviceurl" not in " ".join(page.bodies).lower()


@pytest.mark.parametrize("path, method", [
    ("/", "GET"), ("/static/webchat/LICENSE", "GET"), ("/directline/tokens/generate", "POST"),
    ("/directline/conversations", "POST"),
])
async def test_a_request_for_another_host_name_is_refused(bot, path, method):
    port = bot.server.port
    for host in (f"evil.example:{port}", "evil.example", f"127.0.0.1.evil.example:{port}", f"localhost:{port + 1}"):
        async with bot.session.request(method, bot.base_url + path, headers={"Host": host}) as resp:
            assert resp.status == 403, (host, resp.status)
            assert "Host" in (await resp.text())
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"LOCALHOST:{port}"):
        async with bot.session.request("GET", bot.base_url + "/", headers={"Host": host}) as resp:
            assert resp.status == 200, host


async def test_a_request_from_another_origin_is_refused(bot):
    port = bot.server.port
    page = await RecordingPage(bot).start()
    for origin in ("http://evil.example", f"http://evil.example:{port}", "null", f"https://127.0.0.1:{port + 1}",
                   "file://"):
        status, _ = await page.call("POST", f"/directline/conversations/{page.cid}/activities",
                                    json={"type": "message", "text": "hello"}, headers={"Origin": origin})
        assert status == 403, origin
        async with bot.session.post(bot.base_url + "/directline/tokens/generate", headers={"Origin": origin}) as resp:
            assert resp.status == 403, origin
    for origin in (f"http://127.0.0.1:{port}", f"http://localhost:{port}"):
        status, _ = await page.call("POST", f"/directline/conversations/{page.cid}/activities",
                                    json={"type": "message", "text": "hello"}, headers={"Origin": origin})
        assert status == 200, origin
    assert [a.get("text") for a in await page.poll()].count("hello") == 2  # only the two allowed ones arrived


async def test_extra_host_names_can_be_allowed(make_bot):
    bot = await make_bot({"WEBCHAT_HOSTS": "bot.lan, chat.school.example:8443"})
    port = bot.server.port
    for host, origin, status in ((f"bot.lan:{port}", f"http://bot.lan:{port}", 200),
                                 ("chat.school.example:8443", "https://chat.school.example:8443", 200),
                                 ("chat.school.example:9000", None, 403),
                                 (f"other.lan:{port}", None, 403)):
        headers = {"Host": host, **({"Origin": origin} if origin else {})}
        async with bot.session.post(bot.base_url + "/directline/tokens/generate", headers=headers) as resp:
            assert resp.status == status, host


def test_a_bad_webchat_hosts_setting_stops_the_start(tmp_path):
    from bot.settings import Settings, SettingsError

    with pytest.raises(SettingsError) as caught:
        Settings.from_env({"DATA_DIR": str(tmp_path), "WEBCHAT_HOSTS": "http://bot.lan/"})
    assert caught.value.variable == "WEBCHAT_HOSTS"
