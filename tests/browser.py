"""Opening graph.html in Debian's Chromium through Playwright, with every
network request blocked and counted."""
from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import pytest

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_path() -> str | None:
    return shutil.which("chromium") or (os.path.exists("/usr/bin/chromium") and "/usr/bin/chromium") or None


def require_chromium() -> str:
    """In CI a missing browser fails the run; elsewhere the browser tests skip."""
    path = chromium_path()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("Debian's chromium is not installed (.ci/run installs it)")
        pytest.skip("chromium is not installed: apt-get install chromium")
    return path


@dataclass
class Visit:
    page: object
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@contextmanager
def open_view(html: Path, width: int = 1400, height: int = 900) -> Iterator[Visit]:
    from playwright.sync_api import sync_playwright

    executable = require_chromium()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        try:
            # bypass_csp lets the test harness evaluate its probes; the page itself keeps its policy
            page = browser.new_page(viewport={"width": width, "height": height}, bypass_csp=True)
            visit = Visit(page)

            def route(r):
                if r.request.url.startswith("file://") and r.request.url.endswith(html.name):
                    r.continue_()
                else:
                    visit.requests.append(r.request.url)
                    r.abort()

            page.route("**/*", route)
            page.on("console", lambda m: m.type == "error" and visit.errors.append(m.text))
            page.on("pageerror", lambda e: visit.errors.append(str(e)))
            page.goto(html.resolve().as_uri())
            page.wait_for_function("window.kgView && window.kgView.ready", timeout=30_000)
            yield visit
        finally:
            browser.close()
