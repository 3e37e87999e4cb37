"""`mobility-tui serve`: the page, its language, loopback by default, a clean stop; and a real
browser (Debian's Chromium driven by Playwright) using the app through it."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager

import pytest

from mobility_tui.serve import browser_language, is_loopback


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def server(db_url: str, *extra: str):
    port = free_port()
    env = {**os.environ, "MOBILITY_TUI_DATABASE_URL": db_url}
    process = subprocess.Popen([sys.executable, "-m", "mobility_tui", "serve", "--port", str(port),
                                *extra], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               stdin=subprocess.DEVNULL, text=True)
    url = f"http://127.0.0.1:{port}/"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(url, timeout=1).close()
                break
            except OSError:
                if process.poll() is not None:
                    raise AssertionError(process.stderr.read()) from None
                time.sleep(0.1)
        yield process, url
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:  # pragma: no cover
                process.kill()


def fetch(url: str, language: str = "") -> str:
    request = urllib.request.Request(url, headers={"Accept-Language": language} if language else {})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.read().decode("utf-8")


@pytest.mark.parametrize("header, expected", [
    ("sv-SE,sv;q=0.9,en;q=0.5", "sv"), ("fi", "fi"), ("de-DE,en;q=0.3", "en"),
    ("de-DE", "fi"), ("en;q=0.2,fi;q=0.8", "fi"), ("", "fi"), ("sv;q=0", "fi"),
])
def test_the_browsers_language_decides(header, expected):
    assert browser_language(header, "fi") == expected


def test_loopback_is_told_apart():
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.10")


def test_the_page_loads_nothing_from_the_internet_and_follows_the_language(built_fixture_db):
    with server(built_fixture_db) as (process, url):
        page = fetch(url, "sv-SE,sv;q=0.9")
        assert '<html lang="sv">' in page and "Startar" in page
        addresses = re.findall(r'(?:src|href)="([^"]+)"', page) + re.findall(r'url\("([^"]+)"\)', page)
        assert addresses and all(address.startswith(url) for address in addresses), addresses
        assert "googleapis" not in page and "https://" not in page
        for address in addresses:
            assert urllib.request.urlopen(address, timeout=10).status == 200
        assert '<html lang="fi">' in fetch(url, "fi-FI")
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=15) == 0
        err = process.stderr.read()
        assert "Traceback" not in err and err.strip().splitlines()[-1] == "Stopped serving."


def test_a_fixed_language_wins_over_the_browser(built_fixture_db):
    with server(built_fixture_db, "--lang", "en") as (_process, url):
        assert '<html lang="en">' in fetch(url, "sv")


def test_beyond_this_machine_needs_an_explicit_flag(built_fixture_db):
    env = {**os.environ, "MOBILITY_TUI_DATABASE_URL": built_fixture_db}
    result = subprocess.run([sys.executable, "-m", "mobility_tui", "serve", "--host", "0.0.0.0",
                             "--port", str(free_port())], env=env, capture_output=True, text=True,
                            stdin=subprocess.DEVNULL, timeout=60)
    assert result.returncode == 2 and "--allow-remote" in result.stderr
    assert result.stderr.count("\n") == 1


# --- a real browser ---------------------------------------------------------------------

def chromium_path() -> str:
    path = os.environ.get("MOBILITY_TUI_TEST_CHROMIUM") or shutil.which("chromium") \
        or shutil.which("chromium-browser")
    if not path:
        if os.environ.get("CI"):
            pytest.fail("CI must install Debian's chromium (.ci/run does)")
        pytest.skip("no Chromium on this machine: install Debian's chromium to run the browser test")
    return path


ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")


class Screen:
    """What the app in one tab has sent to the browser, as text (the terminal draws on a canvas)."""

    def __init__(self, page):
        self.text = ""
        page.on("websocket", lambda socket: socket.on("framereceived", self._frame))

    def _frame(self, payload) -> None:
        data = payload if isinstance(payload, str) else payload.decode("utf-8", "ignore")
        self.text += ANSI.sub("", data)

    def wait_for(self, page, words: str, timeout: float = 30.0) -> None:
        waited = 0.0
        while words not in self.text:
            page.wait_for_timeout(200)
            waited += 0.2
            if waited > timeout:
                raise AssertionError(f"the page never showed {words!r}")


def type_into(page, text: str) -> None:
    page.bring_to_front()
    page.focus("textarea.xterm-helper-textarea")  # where xterm.js takes its keys
    page.keyboard.type(text, delay=60)


def test_a_person_uses_the_app_in_a_browser(built_fixture_db, tmp_path):
    executable = chromium_path()
    playwright_api = pytest.importorskip("playwright.sync_api")
    with server(built_fixture_db) as (_process, url), playwright_api.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=executable, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            # textual.js opens a download in a new tab from a socket message, not a click: a
            # browser's popup blocker asks first (README says so); the test allows it.
            "--disable-popup-blocking"])
        outside: list[str] = []
        context = browser.new_context(locale="en-US", accept_downloads=True,
                                      viewport={"width": 1400, "height": 900})
        context.on("request", lambda request: None if request.url.startswith(url.rstrip("/")) or
                   request.url.startswith(url.replace("http", "ws").rstrip("/")) else
                   outside.append(request.url))
        first, second = context.new_page(), context.new_page()
        first_screen, second_screen = Screen(first), Screen(second)
        first.goto(url)
        second.goto(url)
        first_screen.wait_for(first, "Type a qualification")
        second_screen.wait_for(second, "Type a qualification")
        type_into(first, "lahihoitaja")
        type_into(second, "rekkakuski")
        second_screen.wait_for(second, "Vocational qualification in Logistics")
        first.bring_to_front()
        first_screen.wait_for(first, "Vocational qualification in Social")
        # Two tabs, two apps: neither saw what was typed in the other.
        assert "rekkakuski" not in first_screen.text and "lahihoitaja" not in second_screen.text
        first.keyboard.press("Enter")
        first_screen.wait_for(first, "Counterpart in Sweden")
        first.keyboard.press("F2")
        first_screen.wait_for(first, "Vastine Ruotsissa")
        first.keyboard.press("p")
        first_screen.wait_for(first, "Asiakkaan nimi")
        first.keyboard.type("Aino", delay=40)
        # textual.js opens the download address in a new tab; what that address sends is the file.
        downloads: list[bytes] = []

        def keep(route):
            response = route.fetch()
            downloads.append(response.body())
            route.fulfill(response=response)

        context.route("**/download/*", keep)
        first.keyboard.press("Control+s")
        for _ in range(300):
            if downloads:
                break
            first.wait_for_timeout(200)
        assert downloads, "the plan was not downloaded"
        text = downloads[0].decode("utf-8")
        assert text.startswith("# Ohjaussuunnitelma") and "Aino" in text
        assert outside == []
        browser.close()
