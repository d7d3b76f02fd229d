"""`make screenshots`, the console part: a policy owner signs in with the bot's link, uploads a new
version, reviews the queue and looks at the charts; each page is photographed for the README.

The owner is a person the bot knows by their AAD object id (POLICY_OWNERS); they ask the bot for
the link over the Bot Framework protocol, and its reply is caught by a small local Connector.
"""
from __future__ import annotations

import json
import re
import tempfile
import threading
import urllib.request
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from .console_page import ConsolePage
from .webchat_page import DESKTOP, Browser

OWNER_AAD = "5c0a7e1d-2b3f-4a5c-9d8e-0f1a2b3c4d5e"
# The console's pictures, desktop size only (docs/screenshots/<name>-desktop.png).
PICTURES = ("console-diff", "console-clause", "console-review", "console-charts")
# Fictional staff, for the quiz chart (the README's pictures).
ROSTER = ("email,name,school,start date\n"
          "ann@oakfield.example.org,Ann Lee,Oakfield Primary School,2020-01-06\n"
          "bob@oakfield.example.org,Bob Khan,Oakfield Primary School,2026-11-01\n"
          "cat@riverside.example.org,Cat Ray,Riverside Academy,2020-01-06\n"
          "dan@riverside.example.org,Dan Ito,Riverside Academy,2026-11-20\n")
QUESTIONS = ("can I accept a friend request from a current pupil?", "can I text a parent from my own phone?",
             "should my privacy settings be on the highest level?", "can I livestream my cooking on twitch?",
             "is there a limit on how many hours I can spend on tiktok?")
REWORD = ("must be reported to the designated person for Child Protection. ",
          "must be reported to the designated person for Child Protection on the same day. ")
NEW_RULE = "• Staff must not use AI tools to alter photographs of pupils. \n\n"
BEFORE_NEW = "• Members of staff are strongly advised to set all privacy settings"


def environment(data_dir: str) -> dict[str, str]:
    """What the bot is started with for the console's pictures."""
    roster = Path(data_dir) / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8")
    return {"POLICY_OWNERS": OWNER_AAD, "ROSTER_FILE": str(roster), "KB_POLL_SECONDS": "0.5"}


class _Catcher(BaseHTTPRequestHandler):
    """The Connector's side of a reply: keep what the bot sends."""

    sent: list[dict] = []

    def do_POST(self) -> None:  # the http.server API names it
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        _Catcher.sent.append(json.loads(body or b"{}"))
        payload = json.dumps({"id": str(uuid.uuid4())}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args) -> None:
        pass


class Person:
    """Talks to the bot over /api/messages as the emulator does, as the owner."""

    def __init__(self, url: str):
        self.url = url
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _Catcher)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.service_url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def close(self) -> None:
        self.server.shutdown()

    def send(self, text: str | None = None, value: dict | None = None, conversation: str = "console-owner") -> list[dict]:
        before = len(_Catcher.sent)
        activity = {"type": "message", "id": str(uuid.uuid4()), "channelId": "emulator", "serviceUrl": self.service_url,
                    "from": {"id": "owner", "name": "Olive Owner", "aadObjectId": OWNER_AAD},
                    "conversation": {"id": conversation}, "recipient": {"id": "bot"}, "locale": "en-GB"}
        activity.update({k: v for k, v in (("text", text), ("value", value)) if v is not None})
        request = urllib.request.Request(self.url + "/api/messages", data=json.dumps(activity).encode(),
                                         headers={"Content-Type": "application/json"})
        urllib.request.urlopen(request, timeout=30).read()
        return _Catcher.sent[before:]


def _link(replies: list[dict]) -> str:
    found = re.search(r"https?://[^\s\"]+/console/signin\?t=[A-Za-z0-9_-]+", json.dumps(replies))
    if not found:
        raise SystemExit("the bot gave no console link")
    return found.group(0)


def take(url: str, out: Path | None, policy_text: str) -> list[str]:
    """Photograph the console's pages (desktop size) into `out`; the names of the pictures."""
    person = Person(url)
    browser = Browser(DESKTOP)
    taken: list[str] = []
    try:
        for number, question in enumerate(QUESTIONS):
            replies = person.send(question, conversation=f"staff-{number}")
            helpful = re.search(r'"data": (\{"action": "qa.feedback"[^}]*"helpful": true[^}]*\})', json.dumps(replies))
            if helpful:
                person.send(value=json.loads(helpful.group(1)), conversation=f"staff-{number}")
        page = ConsolePage(browser, url)
        page.open(_link(person.send("console")))
        page.click("Sign in")

        def picture(name: str, element=None, whole: bool = False) -> None:
            if out is None:
                return
            path = out / f"console-{name}-desktop.png"
            assert f"console-{name}" in PICTURES
            if element is not None:
                element.screenshot(str(path))
            elif whole:
                page.screenshot(path)
            else:
                page.driver.save_screenshot(str(path))
            taken.append(path.name)

        with tempfile.TemporaryDirectory() as folder:
            document = Path(folder) / "social-media-policy-v1.1.txt"
            document.write_text(policy_text.replace(*REWORD).replace(BEFORE_NEW, NEW_RULE + BEFORE_NEW), encoding="utf-8")
            page.open("/console/policies/social_media/new")
            page.fill({"The document": str(document)})
            page.click("Compare with version 1.0")
        picture("diff")
        picture("clause", page.driver.find_element("id", "clause-personal.report_child_contact"))
        page.open("/console/review")
        picture("review")
        page.open("/console/charts")
        picture("charts", whole=True)
    finally:
        browser.close()
        person.close()
    return taken
