"""The published site served by a real nginx with the configuration in deploy/nginx/dutydir.conf.

nginx runs in the foreground as a child of the test, on a free port of 127.0.0.1, with a main configuration
written for the test (pid, logs and temporary files in tmp) that includes the shipped file with only its
`listen` and `root` lines changed. The site is published into DEST with `dutydir publish`, browsed in
Chromium under the shipped Content-Security-Policy, then published again and rolled back while readers keep
asking for pages.
"""

from __future__ import annotations

import gzip
import http.client
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from tests.browsing import DISTRICT_PAGES, Watch, launch
from tests.support import ROOT, copy_project

# Real builds, a real nginx or Chromium: tens of seconds (make test-fast leaves them out).
pytestmark = pytest.mark.slow

NGINX = Path("/usr/sbin/nginx")
SHIPPED = ROOT / "deploy" / "nginx" / "dutydir.conf"
AS_OF = "2026-01-01"
# Files of the types the site serves besides pages (the documents wt-docs adds among them), put in docs/files/.
SAMPLES = {
    "files/sample.ics": (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//dutydir//test//ZH\r\nEND:VCALENDAR\r\n" * 40),
    "files/sample.json": b'{"name": "\xe5\x9f\x8e\xe9\x95\x87\xe7\x87\x83\xe6\xb0\x94"}' * 60,
    "files/sample.svg": b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'
    * 20,
    "files/sample.pdf": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n",
    "files/sample.xlsx": b"PK\x03\x04" + b"\x00" * 100,
}
TYPES = {
    "files/sample.ics": "text/calendar; charset=utf-8",
    "files/sample.json": "application/json; charset=utf-8",
    "files/sample.svg": "image/svg+xml; charset=utf-8",
    "files/sample.pdf": "application/pdf",
    "files/sample.xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "": "text/html; charset=utf-8",
    "stylesheets/dutydir.css": "text/css; charset=utf-8",
    "javascripts/lookup.js": "application/javascript; charset=utf-8",
}
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}


def free_port() -> int:
    """A port of 127.0.0.1 that nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def pagefind_variant(shipped: str) -> str:
    """The shipped configuration with the policy for Pagefind sites in force instead of the default one."""
    lines = shipped.splitlines(keepends=True)
    default = [i for i, line in enumerate(lines) if line.startswith("    add_header Content-Security-Policy ")]
    variant = [i for i, line in enumerate(lines) if line.startswith("    #add_header Content-Security-Policy ")]
    assert len(default) == len(variant) == 1
    lines[default[0]] = ""
    lines[variant[0]] = lines[variant[0]].replace("#add_header", "add_header", 1)
    return "".join(lines)


def render_config(folder: Path, dest: Path, port: int, shipped: str) -> Path:
    """A main nginx.conf for the test around the shipped server block, with its listen and root replaced."""
    for line in ("    listen 80;\n", "    root /srv/www/anquan;\n"):
        assert shipped.count(line) == 1, f"{SHIPPED} should have one line {line.strip()!r}"
    server = shipped.replace("    listen 80;\n", f"    listen 127.0.0.1:{port};\n")
    server = server.replace("    root /srv/www/anquan;\n", f"    root {dest};\n")
    (folder / "dutydir.conf").write_text(server, encoding="utf-8")
    shutil.copy("/etc/nginx/mime.types", folder / "mime.types")
    temp = "\n".join(
        f"    {kind}_temp_path {folder / kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    main = f"""daemon off;
master_process off;
pid {folder / "nginx.pid"};
error_log {folder / "error.log"} warn;
events {{
    worker_connections 512;
}}
http {{
    access_log {folder / "access.log"};
{temp}
    include {folder / "dutydir.conf"};
}}
"""
    (folder / "nginx.conf").write_text(main, encoding="utf-8")
    return folder / "nginx.conf"


@dataclass
class Served:
    """A published DEST served by nginx."""

    base: str
    """The site's address, ending in /."""
    port: int
    """nginx's port on 127.0.0.1."""
    project: Path
    """The copied project whose data is published."""
    dest: Path
    """The published symlink nginx serves."""
    log: Path
    """nginx's error log."""


def start_nginx(conf: Path, port: int) -> subprocess.Popen[bytes]:
    """nginx in the foreground with that configuration, once it accepts connections on the port."""
    process = subprocess.Popen([str(NGINX), "-p", str(conf.parent), "-c", str(conf)], stderr=subprocess.PIPE)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"nginx stopped: {process.stderr.read().decode() if process.stderr else ''}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return process
        except OSError:
            time.sleep(0.05)
    process.kill()
    raise AssertionError("nginx did not listen within 10 s")


def dutydir(project: Path, *args: str, **settings: str) -> subprocess.CompletedProcess[str]:
    """Run the dutydir command in the project, as a clerk would."""
    env = dict(os.environ, DUTYDIR_DATE=AS_OF, DUTYDIR_CACHE=str(project / "cache"), NO_MKDOCS_2_WARNING="1")
    env.update(settings)
    command = [str(Path(sys.executable).with_name("dutydir")), *args]
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """The district's site published into DEST and served by nginx with the shipped configuration."""
    if not NGINX.is_file():
        pytest.fail(f"{NGINX} is missing; install it with: scripts/install-system-deps.sh --nginx")
    tmp = tmp_path_factory.mktemp("nginx")
    project = copy_project(tmp / "project")
    for name, data in SAMPLES.items():
        (project / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (project / "docs" / name).write_bytes(data)
    dest = tmp / "www" / "anquan"
    done = dutydir(project, "publish", str(dest))
    assert done.returncode == 0, done.stderr
    conf_dir = tmp / "conf"
    conf_dir.mkdir()
    port = free_port()
    conf = render_config(conf_dir, dest, port, SHIPPED.read_text(encoding="utf-8"))
    process = start_nginx(conf, port)
    yield Served(f"http://127.0.0.1:{port}/", port, project, dest, conf_dir / "error.log")
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless."""
    yield from launch()


def get(served: Served, path: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    """Status, headers and body of one GET to nginx."""
    connection = http.client.HTTPConnection("127.0.0.1", served.port, timeout=10)
    try:
        connection.request("GET", "/" + path, headers=headers)
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


def test_security_headers_on_every_answer(served: Served) -> None:
    for path in ("", "sectors/cheng-zhen-ran-qi/", "search/search_index.json", "no/such/page/"):
        status, headers, _ = get(served, path)
        assert status == (404 if path.startswith("no/") else 200)
        assert {name: headers.get(name) for name in SECURITY_HEADERS} == SECURITY_HEADERS, path
        assert "Server" not in headers or headers["Server"] == "nginx"


def test_types_and_charset(served: Served) -> None:
    for path, expected in TYPES.items():
        status, headers, body = get(served, path)
        assert (status, headers["Content-Type"]) == (200, expected), path
        if path.startswith("files/"):
            assert body == SAMPLES[path]


def test_missing_page_gets_the_sites_404(served: Served) -> None:
    status, _, body = get(served, "sectors/no-such-sector/")
    assert status == 404
    assert body == (served.dest / "404.html").read_bytes()


def test_gzip_for_text(served: Served) -> None:
    css = next(served.dest.glob("assets/stylesheets/main.*.min.css")).relative_to(served.dest).as_posix()
    for path in ("", "lookup/", css, "search/search_index.json", "files/sample.ics", "files/sample.svg"):
        status, headers, body = get(served, path, **{"Accept-Encoding": "gzip"})
        assert (status, headers.get("Content-Encoding"), headers.get("Vary")) == (200, "gzip", "Accept-Encoding"), path
        on_disk = served.dest / (path + "index.html" if path.endswith("/") or not path else path)
        assert gzip.decompress(body) == on_disk.read_bytes()
    # Already compressed: sent as it is.
    _, headers, _ = get(served, "files/sample.pdf", **{"Accept-Encoding": "gzip"})
    assert "Content-Encoding" not in headers


def test_pages_revalidate_and_hashed_assets_are_kept(served: Served) -> None:
    bundle = next(served.dest.glob("assets/javascripts/bundle.*.min.js")).relative_to(served.dest).as_posix()
    _, headers, _ = get(served, bundle)
    assert headers["Cache-Control"] == "max-age=31536000"
    for path in (
        "",
        "leaders/fuquzhang-jiaotong/",
        "search/search_index.json",
        "stylesheets/dutydir.css",
        "javascripts/tables.js",
        "assets/javascripts/lunr/min/lunr.zh.min.js",
    ):
        status, headers, _ = get(served, path)
        assert (status, headers["Cache-Control"]) == (200, "no-cache"), path
        # A browser that has the page asks again and gets 304 while it is unchanged.
        again, _, body = get(served, path, **{"If-None-Match": headers["ETag"]})
        assert (again, body) == (304, b""), path


def test_every_page_kind_runs_under_the_csp(served: Served, browser: Browser) -> None:
    context = browser.new_context()
    page = context.new_page()
    watch = Watch(page)
    for kind, path in DISTRICT_PAGES.items():
        page.goto(served.base + path)
        page.wait_for_load_state("networkidle")
        expect(page.locator("h1").first).to_be_visible()  # the lists are plain pages, not the theme's
        assert watch.collect() == [], kind
    # The search worker loads lunr and the index under the same policy, and answers.
    page.goto(served.base)
    page.locator("input.md-search__input").click()
    page.locator("input.md-search__input").press_sequentially("燃气")
    page.locator("input.md-search__input").press("End")
    expect(page.locator(".md-search-result__item").first).to_contain_text("城镇燃气")
    # The lookup filter's script runs too.
    page.goto(served.base + "lookup/")
    page.locator(".dutydir-lookup-filter input").press_sequentially("燃气")
    expect(page.locator(".dutydir-lookup-count")).to_contain_text("显示 2 行")
    page.wait_for_load_state("networkidle")
    assert watch.collect() == []
    # And a page that is not there gets the site's own 404 page, styled, with nothing else failing.
    page.goto(served.base + "no/such/page/")
    expect(page.locator("article h1")).to_have_text("404 - Not found")
    problems = watch.collect()
    assert problems == [
        f"HTTP 404: {served.base}no/such/page/",
        "console error: Failed to load resource: the server responded with a status of 404 (Not Found)",
    ]
    context.close()


def test_the_policy_is_enforced(served: Served, browser: Browser) -> None:
    """The watch sees what the policy blocks: an inline script added to a page is refused and reported."""
    context = browser.new_context()
    page = context.new_page()
    watch = Watch(page)
    page.goto(served.base)
    page.evaluate(
        "() => { const s = document.createElement('script'); s.textContent = 'window.ran = 1'; document.body.append(s); }"
    )
    assert page.evaluate("window.ran") is None
    problems = watch.collect()
    assert any(p.startswith("CSP: script-src-elem blocked inline") for p in problems), problems
    assert any("Content Security Policy" in p for p in problems), problems
    context.close()


READ_WHILE_SWITCHING = (
    "",
    "leaders/fuquzhang-jiaotong/",
    "sectors/jiao-tong-yun-shu/",
    "lookup/",
    "search/search_index.json",
)


Answer = tuple[float, float, str, int, bytes]
"""One request of a reader: when it was sent and answered (monotonic seconds), the path, the status, the body."""


def read_until(served: Served, stop: threading.Event, seen: list[Answer]) -> None:
    """A reader asking for the same pages over and over, a few ms apart, until told to stop (at most 3 minutes)."""
    deadline = time.monotonic() + 180
    n = 0
    while not stop.wait(0.005) and time.monotonic() < deadline:
        path = READ_WHILE_SWITCHING[n % len(READ_WHILE_SWITCHING)]
        n += 1
        sent = time.monotonic()
        try:
            status, _, body = get(served, path)
        except (OSError, http.client.HTTPException) as e:  # kept, so the test says what happened
            status, body = 0, str(e).encode()
        seen.append((sent, time.monotonic(), path, status, body))


def version_of(releases: dict[str, Path], path: str, status: int, body: bytes) -> str:
    """Which release a page came from, by its bytes; 'none' for anything else (an error, a half-written page)."""
    if status != 200:
        return "none"
    file = path + "index.html" if path.endswith("/") or not path else path
    for name, release in releases.items():
        if (release / file).read_bytes() == body:
            return name
    return "none"


def test_publish_and_rollback_while_reading(served: Served, browser: Browser) -> None:
    old = served.dest.resolve()
    page = browser.new_context().new_page()
    page.goto(served.base + "sectors/jiao-tong-yun-shu/")
    expect(page.locator("article p:not(.dutydir-day)").first).to_contain_text("由丁力")
    data = served.project / "data" / "leaders.yaml"
    data.write_text(data.read_text(encoding="utf-8").replace("丁力", "丁立"), encoding="utf-8")

    stop = threading.Event()
    readers: list[list[Answer]] = [[] for _ in range(2)]
    threads = [threading.Thread(target=read_until, args=(served, stop, seen)) for seen in readers]
    for thread in threads:
        thread.start()
    try:
        time.sleep(0.5)
        published = dutydir(served.project, "publish", str(served.dest))
        switched = time.monotonic()
        time.sleep(1)
        new = served.dest.resolve()
        page.reload()
        expect(page.locator("article p:not(.dutydir-day)").first).to_contain_text("由丁立")
        rolling = time.monotonic()
        rolled = dutydir(served.project, "rollback", str(served.dest))
        back = time.monotonic()
        time.sleep(1)
    finally:
        stop.set()
        for thread in threads:
            thread.join()
    assert published.returncode == 0, published.stderr
    assert rolled.returncode == 0, rolled.stderr
    assert served.dest.resolve() == old != new
    page.reload()
    expect(page.locator("article p:not(.dutydir-day)").first).to_contain_text("由丁力")
    page.context.close()

    releases = {"old": old, "new": new}
    for seen in readers:
        versions = [version_of(releases, *answer[2:]) for answer in seen]
        assert [answer[2:4] for answer, v in zip(seen, versions, strict=True) if v == "none"] == []
        # Whatever a reader asks for once a switch is done comes from the release switched to.
        while_new = {
            v for (sent, answered, *_), v in zip(seen, versions, strict=True) if switched < sent and answered < rolling
        }
        after = {v for (sent, *_), v in zip(seen, versions, strict=True) if sent > back}
        assert (while_new, after) == ({"new"}, {"old"}), f"{len(seen)} answers"
        # Each reader sees the old site, then the new one, then the old one again: never one after the other.
        runs = [v for i, v in enumerate(versions) if i == 0 or versions[i - 1] != v]
        assert runs == ["old", "new", "old"], runs
    # nginx logged no error while the symlink was switched under it.
    assert served.log.read_text(encoding="utf-8") == ""


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
