"""`make chat`: talk to the same bot in the terminal.

It serves the app from `create_app` (same wiring, same DATA_DIR storage) on a loopback port,
plays the channel, and prints each card as text with its buttons as numbered choices. Type a
number to click a button; type anything else to send it as a message.
"""
from __future__ import annotations

import asyncio
import itertools
import logging
import sys
import uuid

import aiohttp
from aiohttp import web

from app import create_app
from bot.settings import Settings, SettingsError
from cards.parts import plain
from cards.text import MORE

CHANNEL = "console"
_ids = itertools.count(1)


def card_lines(card: dict) -> list[str]:
    """The readable lines of an Adaptive Card: real lines, no markdown asterisks; a row of columns
    on one line ("1. text", "Platform: Snapchat"); a part hidden behind "Show more" under More:."""
    lines: list[str] = []

    def texts(element: dict) -> list[str]:
        found: list[str] = []

        def collect(e: dict) -> None:
            if e.get("type") == "TextBlock":
                found.append(_plain(e.get("text", "")))
            for child in e.get("items", []) + e.get("columns", []):
                collect(child)

        collect(element)
        return found

    def walk(element: dict) -> None:
        kind = element.get("type")
        if element.get("isVisible") is False:
            lines.extend(["", MORE])
        if kind == "TextBlock":
            lines.extend(_plain(element.get("text", "")).splitlines() or [""])
        elif kind == "ColumnSet":
            cells = [" ".join(texts(column)) for column in element.get("columns", [])]
            joiner = " " if cells and cells[0].rstrip(".").isdigit() else ": "
            lines.append(joiner.join(c for c in cells if c))
            return
        elif kind == "FactSet":
            lines.extend(f"  {f.get('title')}: {_plain(str(f.get('value')))}" for f in element.get("facts", []))
        elif kind in ("Input.Text", "Input.Date", "Input.ChoiceSet", "Input.Toggle"):
            label = element.get("label") or element.get("title") or element.get("id")
            choices = ", ".join(_plain(c["title"]) for c in element.get("choices", []))
            lines.append(f"  [{label}]" + (f" ({choices})" if choices else ""))
        for child in element.get("items", []) + element.get("body", []):
            walk(child)

    walk(card)
    return lines


def _plain(text: str) -> str:
    """Card text as a terminal shows it: no bold markers, no invisible spacing characters."""
    return plain(text).replace("\u200b", "").replace("\u00a0", " ").replace("\r\n", "\n").replace("\r", "\n")


def card_inputs(card: dict) -> list[dict]:
    found: list[dict] = []

    def walk(element: dict) -> None:
        if str(element.get("type", "")).startswith("Input."):
            found.append(element)
        for child in element.get("items", []) + element.get("body", []):
            walk(child)

    walk(card)
    return found


class Console:
    def __init__(self, bot_url: str):
        self.bot_url = bot_url
        self.buttons: list[tuple[str, dict, list[dict]]] = []
        self.conversation = f"console-{uuid.uuid4().hex[:8]}"
        self.service_url = ""

    async def on_activity(self, request: web.Request) -> web.Response:
        """Print a reply from the bot (the Connector API's send/reply/update)."""
        activity = await request.json()
        self.show(activity)
        return web.json_response({"id": activity.get("id") or f"c{next(_ids)}"})

    def show(self, activity: dict) -> None:
        if activity.get("type") != "message":
            return
        if activity.get("text"):
            self.say(_plain(activity["text"]))
        for attachment in activity.get("attachments") or []:
            card = attachment.get("content") or {}
            self.say("\n".join(card_lines(card)))
            inputs = card_inputs(card)
            for action in card.get("actions", []):
                number = len(self.buttons) + 1
                if action.get("type") == "Action.Submit":
                    self.buttons.append((action.get("title", ""), action.get("data") or {}, inputs))
                    self.say(f"  [{number}] {action.get('title')}")
                elif action.get("type") == "Action.OpenUrl":
                    self.say(f"  (link) {action.get('title')}: {action.get('url')}")

    @staticmethod
    def say(text: str) -> None:
        sys.stdout.write(text + "\n")
        sys.stdout.flush()

    def activity(self, text: str | None = None, value: dict | None = None, type_: str = "message") -> dict:
        act = {"type": type_, "id": f"in{next(_ids)}", "channelId": CHANNEL, "serviceUrl": self.service_url,
               "from": {"id": "console-user", "name": "You"}, "recipient": {"id": "bot", "name": "Guidance bot"},
               "conversation": {"id": self.conversation}, "locale": "en-GB"}
        if text is not None:
            act["text"] = text
        if value is not None:
            act["value"] = value
        if type_ == "conversationUpdate":
            act["membersAdded"] = [{"id": "console-user", "name": "You"}]
        return act

    async def ask_inputs(self, inputs: list[dict]) -> dict:
        values = {}
        for field in inputs:
            label = field.get("label") or field.get("title") or field["id"]
            values[field["id"]] = await read_line(f"  {label}: ")
        return values

    async def run(self, session: aiohttp.ClientSession) -> None:
        await session.post(self.bot_url, json=self.activity(type_="conversationUpdate"))
        while True:
            line = await read_line("> ")
            if line is None or line.strip() in ("/quit", "/exit"):
                return
            line = line.strip()
            if not line:
                continue
            if line.isdigit() and 1 <= int(line) <= len(self.buttons):
                title, data, inputs = self.buttons[int(line) - 1]
                value = {**(await self.ask_inputs(inputs)), **data}
                self.buttons = []
                await session.post(self.bot_url, json=self.activity(text=None, value=value))
            else:
                self.buttons = []
                await session.post(self.bot_url, json=self.activity(text=line))


async def read_line(prompt: str) -> str | None:
    loop = asyncio.get_running_loop()
    try:
        return await loop.run_in_executor(None, input, prompt)
    except EOFError:
        return None


async def main() -> int | str:
    logging.basicConfig(level=logging.WARNING)
    try:
        settings = Settings.from_env()
    except SettingsError as exc:
        return f"Cannot start: {exc}"
    bot_runner = web.AppRunner(create_app(settings), access_log=None)
    await bot_runner.setup()
    bot_site = web.TCPSite(bot_runner, "127.0.0.1", 0)
    await bot_site.start()
    bot_port = bot_runner.addresses[0][1]
    console = Console(f"http://127.0.0.1:{bot_port}/api/messages")

    channel = web.Application()
    channel.router.add_post("/v3/conversations/{cid}/activities", console.on_activity)
    channel.router.add_post("/v3/conversations/{cid}/activities/{aid}", console.on_activity)
    channel.router.add_put("/v3/conversations/{cid}/activities/{aid}", console.on_activity)
    channel_runner = web.AppRunner(channel, access_log=None)
    await channel_runner.setup()
    channel_site = web.TCPSite(channel_runner, "127.0.0.1", 0)
    await channel_site.start()
    console.service_url = f"http://127.0.0.1:{channel_runner.addresses[0][1]}"

    console.say("Staff guidance bot — type a question, a number to click a button, /quit to leave.")
    try:
        async with aiohttp.ClientSession() as session:
            await console.run(session)
    finally:
        await channel_runner.cleanup()
        await bot_runner.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
