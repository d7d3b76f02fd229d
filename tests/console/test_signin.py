"""Signing in to the console: a link from the bot, once, for a few minutes, for people with a role."""
from __future__ import annotations

from datetime import timedelta

import pytest
from yarl import URL

from tests.support.console import DSL, OWNER, QUIZ_ADMIN, STAFF, ConsoleClient, ask_for_link, console_bot, local


@pytest.fixture
async def console(make_bot):
    bot = await console_bot(make_bot)
    client = ConsoleClient(bot)
    yield bot, client
    await client.close()


async def test_a_link_signs_in_once_and_the_session_shows_the_roles(console):
    bot, client = console
    link = local(bot, await ask_for_link(bot, OWNER))
    first = await client.get(link[len(bot.base_url):])
    assert first.status == 200 and "It works once" in first.html  # opening the link uses nothing up
    token = link.split("t=", 1)[1]
    page = await client.post("/console/signin", {"token": token})
    assert page.status == 200 and "Policy owner" in page.html
    other = ConsoleClient(bot)
    again = await other.post("/console/signin", {"token": token})
    await other.close()
    assert again.status == 403 and "already used" in again.html


async def test_an_expired_link_is_refused(console):
    bot, client = console
    link = local(bot, await ask_for_link(bot, DSL))
    later = bot.services.clock() + timedelta(minutes=6)
    bot.services.clock = lambda: later
    page = await client.post("/console/signin", {"token": link.split("t=", 1)[1]})
    assert page.status == 403 and "expired" in page.html
    assert "DSL" not in (await client.get("/console")).html


async def test_someone_without_a_role_gets_no_link(console):
    bot, _ = console
    reply = await bot.send("console-staff", "console", user=STAFF[0])
    assert "console/signin" not in reply.text and "aren't set up" in reply.text


async def test_no_link_in_a_group_chat(console):
    bot, _ = console
    mention = [{"type": "mention", "text": "<at>Guidance bot</at>", "mentioned": {"id": "bot", "name": "Guidance bot"}}]
    reply = await bot.send("group-1", "<at>Guidance bot</at> console", user=OWNER[0], conversation_type="groupChat",
                           entities=mention)
    assert "console/signin" not in reply.text and "1:1 chat" in reply.text


async def test_pages_need_a_session_and_the_right_role(console):
    bot, client = console
    assert (await client.get("/console/policies")).status == 401
    await client.sign_in(QUIZ_ADMIN)
    refused = await client.get("/console/policies")
    assert refused.status == 403
    charts = await client.get("/console/charts")
    assert charts.status == 200 and "Onboarding quiz" in charts.html


async def test_a_form_without_the_csrf_token_is_refused(console):
    bot, client = console
    await client.sign_in(OWNER)
    page = await client.post("/console/review/decide", {"policy": "social_media", "question": "x", "kind": "needs_clause"})
    assert page.status == 403


async def test_a_form_posted_from_another_site_is_refused(console):
    bot, client = console
    token = local(bot, await ask_for_link(bot, OWNER)).split("t=", 1)[1]
    async with client.session.post(bot.base_url + "/console/signin", data={"token": token},
                                   headers={"Origin": "https://attacker.example"}) as resp:
        assert resp.status == 400
    page = await client.post("/console/signin", {"token": token})  # the link was not used up
    assert page.status == 200 and "Policy owner" in page.html


async def test_the_session_cookie_is_httponly_and_scoped_to_the_console(console):
    bot, client = console
    token = local(bot, await ask_for_link(bot, DSL)).split("t=", 1)[1]
    async with client.session.post(bot.base_url + "/console/signin", data={"token": token}, allow_redirects=False,
                                   headers={"Origin": bot.base_url}) as resp:
        cookie = resp.headers["Set-Cookie"]
    assert resp.status == 303 and "HttpOnly" in cookie and "Path=/console" in cookie and "SameSite=Lax" in cookie
    async with client.session.post(bot.base_url + "/console/signin", allow_redirects=False,
                                   data={"token": local(bot, await ask_for_link(bot, DSL)).split("t=", 1)[1]},
                                   headers={"Origin": "https://guidance.example.org", "X-Forwarded-Proto": "https",
                                            "Host": "guidance.example.org"}) as resp:
        assert resp.status == 303, (resp.status, await resp.text())
        cookie = resp.headers["Set-Cookie"]
    assert "Secure" in cookie and "SameSite=None" in cookie and "Partitioned" in cookie


async def test_signing_out_ends_the_session_on_the_server(console):
    bot, client = console
    page = await client.sign_in(OWNER)
    cookie = client.session.cookie_jar.filter_cookies(URL(bot.base_url + "/console"))["console_session"].value
    out = await client.post("/console/signout", {}, page.csrf())
    assert out.status == 401 and "Type console" in out.html.replace("<strong>", "").replace("</strong>", "")
    async with client.session.get(bot.base_url + "/console", cookies={"console_session": cookie}) as resp:
        assert resp.status == 401  # the old cookie, replayed, opens nothing


async def test_links_start_with_console_url_and_a_bad_one_stops_the_start(make_bot, tmp_path):
    bot = await console_bot(make_bot, {"CONSOLE_URL": "https://guidance.example.org/"})
    assert (await ask_for_link(bot, OWNER)).startswith("https://guidance.example.org/console/signin?t=")
    from app import create_app
    from bot.settings import Settings, SettingsError

    with pytest.raises(SettingsError, match="CONSOLE_URL: must be the https:// address"):
        create_app(Settings.from_env({"DATA_DIR": str(tmp_path), "CONSOLE_URL": "http://guidance.example.org"}))
