"""Pagefind sites under nginx: the shipped Content-Security-Policy refuses Pagefind's WebAssembly, and the
variant the configuration carries for Pagefind sites allows it and nothing more.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.browsing import Watch, launch
from tests.nginx_server import SHIPPED, dutydir, free_port, render_config, start_nginx
from tests.support import copy_project

# Real builds, a real nginx and Chromium: tens of seconds (make test-fast leaves them out).
pytestmark = pytest.mark.slow


def pagefind_variant(shipped: str) -> str:
    """The shipped configuration with the policy for Pagefind sites in force instead of the default one."""
    lines = shipped.splitlines(keepends=True)
    default = [i for i, line in enumerate(lines) if line.startswith("    add_header Content-Security-Policy ")]
    variant = [i for i, line in enumerate(lines) if line.startswith("    #add_header Content-Security-Policy ")]
    assert len(default) == len(variant) == 1
    lines[default[0]] = ""
    lines[variant[0]] = lines[variant[0]].replace("#add_header", "add_header", 1)
    return "".join(lines)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless."""
    yield from launch()


@pytest.fixture(scope="module")
def pagefind_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The district published as a large site would be: searched with Pagefind."""
    tmp = tmp_path_factory.mktemp("pagefind")
    project = copy_project(tmp / "project")
    dest = tmp / "www" / "anquan"
    done = dutydir(project, "publish", str(dest), DUTYDIR_SEARCH="pagefind")
    assert done.returncode == 0, done.stderr
    return dest


def search_with_pagefind(browser: Browser, dest: Path, shipped: str, folder: Path) -> list[str]:
    """Serve DEST with that configuration, search for 燃气 on the search page; what went wrong."""
    folder.mkdir()
    port = free_port()
    process = start_nginx(render_config(folder, dest, port, shipped), port)
    try:
        page = browser.new_context().new_page()
        watch = Watch(page)
        page.goto(f"http://127.0.0.1:{port}/search/")
        page.locator(".pagefind-ui__search-input").fill("燃气")
        try:
            expect(page.locator(".pagefind-ui__result-link").first).to_have_text("城镇燃气", timeout=10_000)
        except AssertionError:
            watch.problems.append("no result for 燃气")
        page.wait_for_load_state("networkidle")
        problems = watch.collect()
        page.context.close()
        return problems
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_pagefind_sites_need_wasm_and_nothing_more(pagefind_site: Path, browser: Browser, tmp_path: Path) -> None:
    shipped = SHIPPED.read_text(encoding="utf-8")
    assert search_with_pagefind(browser, pagefind_site, pagefind_variant(shipped), tmp_path / "variant") == []
    # Under the default policy Pagefind's WebAssembly is refused: the variant is needed.
    refused = search_with_pagefind(browser, pagefind_site, shipped, tmp_path / "default")
    assert "no result for 燃气" in refused
    assert any("WebAssembly" in problem and "Content Security Policy" in problem for problem in refused), refused
