"""A built site served on 127.0.0.1 and read in headless Chromium: shared by the benchmark and the browser tests."""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Playwright, Route

CHROMIUM = Path("/usr/bin/chromium")
"""Debian's Chromium (scripts/install-system-deps.sh --browser installs it)."""
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    # Without these, Chromium tries to reach Google when it starts.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a folder without a log line per request."""

    def log_message(self, format: str, *args: object) -> None:
        """Log nothing."""


class QuietServer(http.server.ThreadingHTTPServer):
    """A server that prints no traceback when the browser drops a connection it no longer needs."""

    def handle_error(self, request: object, client_address: object) -> None:
        """Report only errors other than a dropped connection."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


@contextmanager
def served(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on a free port of 127.0.0.1 while the block runs; yields its base URL."""
    httpd = QuietServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def launch(playwright: Playwright) -> Browser:
    """Headless Chromium; a missing Chromium is one clear line."""
    if not CHROMIUM.is_file():
        raise FileNotFoundError(f"{CHROMIUM} is missing; install it with: scripts/install-system-deps.sh --browser")
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


class Guard:
    """Lets requests to 127.0.0.1 through; blocks and records every other."""

    def __init__(self) -> None:
        self.passed: list[str] = []
        """Every URL let through."""
        self.blocked: list[str] = []
        """Every URL blocked: the site asked for something outside itself."""

    def __call__(self, route: Route) -> None:
        url = route.request.url
        if urlsplit(url).hostname == "127.0.0.1":
            self.passed.append(url)
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort("blockedbyclient")

    def watch(self, context: BrowserContext) -> BrowserContext:
        """Route every request of the context (its pages and their workers) through the guard."""
        context.route(lambda url: True, self)
        return context
