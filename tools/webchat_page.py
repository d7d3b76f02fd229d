"""Drive the local Web Chat page in real headless Chromium and measure what a person sees.

Used by the browser tests (tests/channels/test_webchat_*.py) and by `make screenshots`. Selenium
is given Debian's /usr/bin/chromedriver, so Selenium Manager never downloads anything. Every call
blocks: from async code (a bot served in the same event loop) call them through asyncio.to_thread.
"""
from __future__ import annotations

import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
         "--hide-scrollbars", "--force-device-scale-factor=1")
PHONE, DESKTOP = (420, 800), (1280, 900)
WAIT = 20  # seconds for the page to show something; generous for a 2-core machine
# Seconds without a new activity before a reply counts as complete: a turn's replies are sent together
# at its end, and the page polls every 0.5 s, so one quiet poll and a little more.
SETTLE = 0.7
ACTIVITY = ".webchat__basic-transcript__activity"
CARD = ".ac-adaptiveCard"
SEND_BOX = "[data-id='webchat-sendbox-input']"
# What the page shows that is not an activity: the header above the transcript, the send box below.
_CHECK_JS = (Path(__file__).with_name("webchat_checks.js")).read_text(encoding="utf-8")


def missing() -> str | None:
    """Why a browser cannot run here, or None."""
    import os

    from bot.channels.directline import STATIC_DIR

    for path in (CHROMIUM, CHROMEDRIVER):
        if not os.access(path, os.X_OK):
            return f"{path} is not installed (apt-get install -y chromium chromium-driver, or make test)"
    if not (STATIC_DIR / "webchat" / "webchat.js").is_file():
        return "the Web Chat bundle is missing (make webchat)"
    return None


class Browser:
    """One headless Chromium with its own throwaway profile; `close()` ends it."""

    def __init__(self, size: tuple[int, int] = DESKTOP):
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        self.profile = tempfile.mkdtemp(prefix="webchat-")
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for flag in FLAGS:
            options.add_argument(flag)
        options.add_argument(f"--window-size={size[0]},{size[1]}")
        options.add_argument(f"--user-data-dir={self.profile}")
        self.driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
        self.driver.set_page_load_timeout(WAIT)
        self.resize(size)

    def resize(self, size: tuple[int, int]) -> None:
        """Make the page's viewport exactly `size` (the window adds nothing in headless mode, but check)."""
        self.driver.set_window_size(*size)
        inner = self.driver.execute_script("return [window.innerWidth, window.innerHeight]")
        if inner and tuple(inner) != tuple(size):
            self.driver.set_window_size(2 * size[0] - inner[0], 2 * size[1] - inner[1])

    def close(self) -> None:
        try:
            self.driver.quit()
        finally:
            shutil.rmtree(self.profile, ignore_errors=True)


@dataclass
class CardCheck:
    """What a person would notice about one rendered card."""

    title: str
    height: float
    screen: float
    numbers: list[list[int]] = field(default_factory=list)  # each list or choice set, as numbered on screen
    bad_numbers: list[str] = field(default_factory=list)
    split_words: list[str] = field(default_factory=list)
    clipped: list[str] = field(default_factory=list)
    repeated: list[str] = field(default_factory=list)

    @property
    def screens(self) -> float:
        return self.height / self.screen

    def problems(self, max_screens: float = 1.5) -> list[str]:
        found = [f"numbered wrongly: {n}" for n in self.bad_numbers]
        found += [f"word split across lines: {w!r}" for w in self.split_words]
        found += [f"clipped: {c!r}" for c in self.clipped]
        found += [f"shown more than once: {r!r}" for r in self.repeated]
        if self.screens > max_screens:
            found.append(f"{self.height:.0f} px tall, {self.screens:.2f} screens (at most {max_screens})")
        return [f"{self.title}: {p}" for p in found]


class WebChatPage:
    """The local page at `base_url`/ in a Browser: type, click, fill in forms, check cards."""

    def __init__(self, browser: Browser, base_url: str):
        self.browser, self.driver, self.base_url = browser, browser.driver, base_url

    # ---- waiting ------------------------------------------------------------------------
    def _until(self, condition, what: str, timeout: float = WAIT):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                found = condition()
            except Exception:  # noqa: BLE001 - the page is still changing under us; look again
                found = None
            if found:
                return found
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {what}; the page shows:\n{self.text()[-1500:]}")

    def activities(self) -> int:
        return len(self.driver.find_elements("css selector", ACTIVITY))

    def _settle(self, before: int, what: str) -> None:
        """Wait for at least one new activity, then until none has arrived for SETTLE seconds."""
        self._until(lambda: self.activities() > before, what)
        count, quiet_since = self.activities(), time.monotonic()
        while time.monotonic() - quiet_since < SETTLE:
            time.sleep(0.1)
            now = self.activities()
            if now != count:
                count, quiet_since = now, time.monotonic()
        self.driver.execute_script("document.activeElement && document.activeElement.blur && "
                                   "document.activeElement.blur()")

    # ---- acting -------------------------------------------------------------------------
    def open(self) -> None:
        """Load the page and wait for the welcome card."""
        self.driver.get(self.base_url + "/")
        self._until(lambda: self.driver.find_elements("css selector", SEND_BOX), "the send box")

    def send(self, text: str) -> None:
        """Type a message and press Enter; wait for the bot's replies to settle."""
        before = self.activities()
        box = self._until(lambda: self.driver.find_element("css selector", SEND_BOX), "the send box")
        box.send_keys(text + "\n")
        # the message itself is an activity too: wait for it, then for what the bot says
        self._settle(before + 1, f"the bot's answer to {text!r}")

    def buttons(self, card=None) -> list:
        card = card if card is not None else self.cards()[-1]
        return [b for b in card.find_elements("css selector", "button.ac-pushButton") if b.is_displayed()]

    def click(self, title: str, card=None) -> None:
        """Click the button called `title` (or, if none is, whose title contains it) on the newest card
        that has one."""
        cards = [card] if card is not None else list(reversed(self.cards()))
        for candidate in cards:
            buttons = self.buttons(candidate)
            named = [b for b in buttons if (b.get_attribute("title") or b.text).strip().lower() == title.lower()]
            for button in named or buttons:
                if title.lower() in (button.get_attribute("title") or button.text).lower():
                    before = self.activities()
                    self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
                    button.click()
                    self._settle(before, f"the bot's answer to the {title!r} button")
                    return
        raise AssertionError(f"no button like {title!r}; the newest card has "
                             f"{[b.text for b in self.buttons()] if self.cards() else 'no cards'}")

    def toggle(self, title: str = "Show more", card=None) -> None:
        """Click a button that changes the card in place (Show more): no message goes to the bot."""
        card = card if card is not None else self.cards()[-1]
        for button in self.buttons(card):
            if title.lower() in button.text.lower():
                button.click()
                time.sleep(0.3)
                return
        raise AssertionError(f"no {title!r} button on the card")

    def fill(self, values: dict[str, str], card=None) -> None:
        """Fill in form fields by their label (text boxes, drop-downs by option title, radio buttons)."""
        card = card if card is not None else self.cards()[-1]
        for label, value in values.items():
            ok = self.driver.execute_script(_CHECK_JS + "\nreturn fillField(arguments[0], arguments[1], arguments[2]);",
                                            card, label, value)
            if ok is not True:
                raise AssertionError(f"could not fill {label!r}: {ok}")

    # ---- reading ------------------------------------------------------------------------
    def text(self) -> str:
        return self.driver.find_element("id", "webchat").text

    def cards(self) -> list:
        return self.driver.find_elements("css selector", CARD)

    def check(self, card=None) -> CardCheck:
        """Measure a rendered card: height, list numbers, split words, clipped labels, repeated lines."""
        card = card if card is not None else self.cards()[-1]
        found = self.driver.execute_script(_CHECK_JS + "\nreturn checkCard(arguments[0]);", card)
        return CardCheck(**found)

    def screenshot(self, path: Path, card=None, whole: bool = False) -> None:
        """Save the page as a person sees it, scrolled so the card (the newest by default) starts at the top."""
        card = card if card is not None else (self.cards()[-1] if self.cards() else None)
        if card is not None and not whole:
            for _ in range(2):  # Web Chat may still be scrolling to the bottom by itself: settle, then again
                self.driver.execute_script("arguments[0].scrollIntoView({block: 'start'})", card)
                time.sleep(0.4)
        path.parent.mkdir(parents=True, exist_ok=True)
        self.driver.save_screenshot(str(path))
