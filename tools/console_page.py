"""Drive the console in real headless Chromium, as a person would: open the sign-in link, click,
type, choose, upload. Used by tests/console/test_console_browser.py and `make screenshots`.

Every call blocks (Selenium): from async code serving the bot in the same event loop, call them
through asyncio.to_thread.
"""
from __future__ import annotations

import time
from pathlib import Path

from .webchat_page import WAIT, Browser

OPEN_ITEM = "//div[@class='card'][.//span[contains(@class, 'status') and contains(@class, 'open')]]"


class ConsolePage:
    def __init__(self, browser: Browser, base_url: str):
        self.browser, self.base_url = browser, base_url
        self.driver = browser.driver

    def until(self, condition, what: str, timeout: float = WAIT):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                found = condition()
            except Exception:  # noqa: BLE001 - the page may be between two loads
                found = None
            if found:
                return found
            time.sleep(0.1)
        raise AssertionError(f"timed out waiting for {what}; the page shows:\n{self.text()[-2000:]}")

    def open(self, path_or_url: str) -> None:
        url = path_or_url if path_or_url.startswith("http") else self.base_url + path_or_url
        self.driver.get(url)

    def text(self) -> str:
        try:
            return self.driver.find_element("tag name", "body").text
        except Exception:  # noqa: BLE001 - no page yet
            return ""

    def html(self) -> str:
        return self.driver.page_source

    def click(self, label: str, within=None, wait: float = WAIT) -> None:
        """Click the button or link with this text, and wait for the page it leads to (up to `wait` seconds: publishing
        a version trains its second opinion from scratch, which takes a quarter of a minute on a busy 2-core machine)."""
        scope = within or self.driver
        target = self.until(lambda: next((e for e in scope.find_elements(
            "xpath", f".//button[normalize-space()={_quote(label)}] | .//a[normalize-space()={_quote(label)}]")
            if e.is_displayed()), None), f"a button or link {label!r}")
        old = self.driver.find_element("tag name", "html")
        self.driver.set_page_load_timeout(wait)
        try:
            target.click()
            self.until(lambda: _stale(old), f"the page after {label!r}", wait)
            self.until(lambda: self.driver.execute_script("return document.readyState") == "complete", "the page to load", wait)
        finally:
            self.driver.set_page_load_timeout(WAIT)

    def fill(self, values: dict[str, str], within=None) -> None:
        """Type into fields by their label's text (the start of it), or choose in a select."""
        scope = within or self.driver
        for label, value in values.items():
            element = scope.find_element("xpath", f".//label[starts-with(normalize-space(), {_quote(label)})]")
            field = self.driver.find_element("id", element.get_attribute("for"))
            if field.tag_name == "select":
                from selenium.webdriver.support.select import Select

                Select(field).select_by_visible_text(value) if not value.startswith("value=") \
                    else Select(field).select_by_value(value[6:])
            elif field.get_attribute("type") in ("date", "file"):
                if field.get_attribute("type") == "file":
                    field.send_keys(str(Path(value).resolve()))
                else:
                    self.driver.execute_script("arguments[0].value = arguments[1]", field, value)
            else:
                field.clear()
                field.send_keys(value)

    def first_open_item(self):
        """The first card still to review on a draft page, or None."""
        found = self.driver.find_elements("xpath", OPEN_ITEM)
        return found[0] if found else None

    def screenshot(self, path: Path) -> None:
        """The whole page (the window grown to its height for the picture)."""
        height = self.driver.execute_script("return document.documentElement.scrollHeight")
        original = self.driver.get_window_size()
        self.driver.set_window_size(original["width"], max(height, 300))
        try:
            self.driver.save_screenshot(str(path))
        finally:
            self.driver.set_window_size(original["width"], original["height"])


def _stale(element) -> bool:
    try:
        element.tag_name  # noqa: B018 - touching a replaced page's element raises
        return False
    except Exception:  # noqa: BLE001 - StaleElementReferenceException: the new page is there
        return True


def _quote(text: str) -> str:
    """An XPath string literal for any text."""
    if "'" not in text:
        return f"'{text}'"
    if '"' not in text:
        return f'"{text}"'
    return "concat(" + ", \"'\", ".join(f"'{part}'" for part in text.split("'")) + ")"
