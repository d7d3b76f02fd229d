"""End to end in real headless Chromium: open the page, ask a question, see the cited answer, click a button.

Needs Debian's chromium and chromium-driver (the Makefile `test` target installs them) and the
Web Chat bundle (`make webchat`). Outside CI the test is skipped, saying why, when either is
missing; in CI (CI=true) it must run, so a missing piece fails it.
"""
from __future__ import annotations

import asyncio
import os
import re
import shutil
import tempfile
import time

import pytest

from bot.channels.directline import STATIC_DIR
from policy_kb.text import collapse
from tests.channels import demo

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1000,900")
WAIT = 20  # seconds for the page to show something; generous for a 2-core CI machine


def _missing() -> str | None:
    for path in (CHROMIUM, CHROMEDRIVER):
        if not os.access(path, os.X_OK):
            return f"{path} is not installed (apt-get install -y chromium chromium-driver, or make test)"
    if not (STATIC_DIR / "webchat" / "webchat.js").is_file():
        return "the Web Chat bundle is missing (make webchat)"
    return None


@pytest.fixture
def browser():
    problem = _missing()
    if problem:
        if os.environ.get("CI") == "true":
            pytest.fail(f"in CI the browser test must run: {problem}")
        pytest.skip(problem)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="webchat-test-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    # An explicit driver path: Selenium Manager never runs, so nothing is downloaded.
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(WAIT)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


async def wait_until(driver, condition, what: str):
    """Poll the page (in a thread, so the bot keeps serving) until condition(driver) is truthy."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + WAIT
    while loop.time() < deadline:
        found = await asyncio.to_thread(condition, driver)
        if found:
            return found
        await asyncio.sleep(0.2)
    text = await asyncio.to_thread(lambda: driver.find_element("id", "webchat").text)
    raise AssertionError(f"timed out waiting for {what}; the page shows:\n{text[-1500:]}")


def page_text(driver) -> str:
    return driver.find_element("id", "webchat").text


def quoted_clause(kb, text: str) -> str | None:
    """The id of a policy clause whose verbatim text the page shows, if any."""
    shown = collapse(text)
    for clause in kb.clauses:
        if len(clause.text) > 40 and collapse(clause.text) in shown:
            return clause.id
    return None


ACTIVITY = ".webchat__basic-transcript__activity"


def settled(driver, element) -> bool:
    """True once the element is in view and stays put for a moment.

    Web Chat scrolls the transcript smoothly to each new card; a click sent while it is still
    scrolling lands where the button was, not where it is, and is lost (seen once in CI).
    """
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    before = element.rect
    time.sleep(0.3)
    return element.rect == before


def last_card_button(driver):
    """The first enabled button of the newest card in the transcript."""
    cards = driver.find_elements("css selector", ".ac-adaptiveCard")
    if not cards:
        return None
    buttons = [b for b in cards[-1].find_elements("css selector", "button.ac-pushButton") if b.is_enabled()]
    return buttons[0] if buttons else None


async def test_ask_a_question_see_the_cited_answer_and_click_a_button(bot, browser):
    demo.install(bot)  # a stand-in answer only if no Q&A feature is registered yet
    kb = bot.services.kb
    await asyncio.to_thread(browser.get, bot.base_url + "/")
    await wait_until(browser, lambda d: "Staff guidance" in page_text(d), "the welcome card")

    box = await wait_until(browser, lambda d: d.find_element("css selector", "[data-id='webchat-sendbox-input']"),
                           "the send box")
    await asyncio.to_thread(box.send_keys, "Can I accept a friend request from a pupil on my personal account?\n")
    clause_id = await wait_until(browser, lambda d: quoted_clause(kb, page_text(d)), "a quoted policy clause")
    clause = kb.by_id[clause_id]
    assert re.search(re.escape(clause.section.split()[0]), page_text(browser)), "the answer names its section"

    # Click a button on the answer card: the bot must answer the click (a new activity appears).
    before = await asyncio.to_thread(lambda: len(browser.find_elements("css selector", ACTIVITY)))
    answer_button = await wait_until(browser, last_card_button, "a button on the answer card")
    await wait_until(browser, lambda d: settled(d, answer_button), "the transcript to stop scrolling")
    await asyncio.to_thread(answer_button.click)
    await wait_until(browser, lambda d: len(d.find_elements("css selector", ACTIVITY)) > before,
                     "the bot's answer to the click")
    assert "belongs to a conversation that has finished" not in page_text(browser), "the click was not understood"
