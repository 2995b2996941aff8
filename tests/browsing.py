"""What the browser tests of serving, accessibility and the offline copy share: the page kinds of a site, a watch
on everything that goes wrong in a page (CSP violations, console errors, failed requests), and axe-core."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

from playwright.sync_api import Browser, ConsoleMessage, Page, Request, Response, ViewportSize, sync_playwright

from tests.support import CHROMIUM, CHROMIUM_ARGS

AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"
AXE_SHA256 = "29348999450cdf2849a8e70b7912fc2da85a849da39c0d0d5394f51d4a9ed95c"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
PHONE: ViewportSize = {"width": 390, "height": 844}
DESK: ViewportSize = {"width": 1280, "height": 900}

# One page of each kind of the district's site, by its path under the site root (directory URLs).
DISTRICT_PAGES = {
    "home": "",
    "lookup": "lookup/",
    "leaders": "leaders/",
    "leader": "leaders/fuquzhang-jiaotong/",
    "sectors": "sectors/",
    "sector": "sectors/cheng-zhen-ran-qi/",
    "key-areas": "key-areas/",
    "mechanisms": "mechanisms/",
    "notice": "notice/",
    "changes": "changes/",
    "help": "help/",
    "benchmarks": "benchmarks/",
    "list": "documents/lists/fuquzhang-jiaotong.html",
    "lists": "documents/lists.html",
}
# A site of several units (dutydir synth) has these too.
CITY_PAGES = {
    "units": "units/",
    "unit-home": "unit-0002/",
    "unit-leader": "unit-0002/leaders/p-01/",
    "unit-sector": "unit-0002/sectors/cheng-zhen-ran-qi/",
    "unit-lookup": "unit-0002/lookup/",
}

# Collects what the page reports about itself; injected before any of the page's scripts, outside its CSP.
WATCH_SCRIPT = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', function (e) {
  window.__violations.push(e.violatedDirective + ' blocked ' + e.blockedURI + ' ' + (e.sample || ''));
});
"""


def launch() -> Iterator[Browser]:
    """Debian's Chromium, headless, for a fixture to yield."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Watch:
    """Everything that went wrong in the pages of one browser page: CSP violations, errors, failed requests."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.problems: list[str] = []
        page.add_init_script(WATCH_SCRIPT)
        page.on("console", self.on_console)
        page.on("pageerror", lambda error: self.problems.append(f"script error: {error}"))
        page.on("requestfailed", self.on_failed)
        page.on("response", self.on_response)

    def on_console(self, message: ConsoleMessage) -> None:
        """Console errors and warnings (Chromium reports a CSP refusal there, from workers too)."""
        if message.type in ("error", "warning"):
            self.problems.append(f"console {message.type}: {message.text}")

    def on_failed(self, request: Request) -> None:
        """A request that got no answer."""
        self.problems.append(f"failed: {request.url} ({request.failure})")

    def on_response(self, response: Response) -> None:
        """An answer that is an error."""
        if response.status >= 400:
            self.problems.append(f"HTTP {response.status}: {response.url}")

    def collect(self) -> list[str]:
        """The problems so far, with the page's CSP violations; then start afresh."""
        found = self.problems + [f"CSP: {v}" for v in self.page.evaluate("window.__violations || []")]
        self.problems = []
        return found


def axe_source() -> str:
    """axe.min.js as vendored, after checking it is the file npm ships."""
    data = AXE.read_bytes()
    assert hashlib.sha256(data).hexdigest() == AXE_SHA256, f"{AXE} is not axe-core 4.14.1 as npm ships it"
    return data.decode("utf-8")


def axe_violations(page: Page, source: str) -> list[str]:
    """Serious and critical axe-core violations of the page as shown, one line per rule and node.

    The WCAG 2.2 rule target-size (24 px touch targets) is turned on; axe leaves it off by default.
    """
    page.evaluate(source)
    found = page.evaluate(
        """axe.run(document, {resultTypes: ['violations'], rules: {'target-size': {enabled: true}}})
             .then(r => r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
               .flatMap(v => v.nodes.map(n => v.id + ' (' + v.impact + '): ' + n.target.join(' '))))"""
    )
    return list(found)


def site_path(page: Page, root: str) -> str:
    """The page's address relative to the site root."""
    return page.url[len(root) :] if page.url.startswith(root) else page.url
