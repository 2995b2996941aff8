"""HTML to PDF with headless Chromium, cached by a hash of the HTML so an unchanged list is printed once.

A browser prints many PDFs one after another: starting Chromium costs about a second, printing a list
a third to one second (most of it embedding the Chinese fonts). A large site's lists are shared among
one browser per core.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import threading
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from dutydir.data.errors import write_reason

# Bumped whenever the printing changes, so old cache entries are not reused.
CACHE_VERSION = "2"
CHROMIUM = os.environ.get("DUTYDIR_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
PER_BROWSER = 8
"""Lists one browser prints before a second one is worth its start-up."""
PDF_DATE = re.compile(rb"/(CreationDate|ModDate) \(D:\d{14}")


class PdfError(Exception):
    """Chromium is missing or failed to print."""


def cache_key(html: str) -> str:
    """The cache file name for an HTML text."""
    return hashlib.sha256((CACHE_VERSION + "\n" + html).encode("utf-8")).hexdigest() + ".pdf"


def fixed_dates(pdf: bytes, stamp: str) -> bytes:
    """The PDF with its creation and modification dates set to ``stamp`` (14 digits): same HTML, same bytes.

    Both dates are written with the same number of digits, so every offset in the file stays right.
    """
    return PDF_DATE.sub(lambda m: b"/" + m.group(1) + b" (D:" + stamp.encode("ascii"), pdf)


def print_all(htmls: Mapping[str, tuple[str, str]], cache_dir: Path) -> dict[str, bytes]:
    """PDF bytes for each key's (HTML, 14-digit date stamp); printed only where the cache lacks them."""
    out: dict[str, bytes] = {}
    missing: dict[str, tuple[str, str]] = {}
    for key, (html, stamp) in htmls.items():
        cached = cache_dir / cache_key(html)
        if cached.is_file():
            out[key] = cached.read_bytes()
        else:
            missing[key] = (html, stamp)
    if missing:
        for key, pdf in print_with_chromium(missing).items():
            out[key] = pdf
            store(cache_dir / cache_key(missing[key][0]), pdf)
    return {key: out[key] for key in htmls}


class Printing:
    """Lists printed in a thread while MkDocs turns the pages' Markdown into HTML; ``wait`` before the files are copied.

    Chromium runs in processes of its own and this thread only waits on them, so on two cores the
    printing costs a publish little more than its longest part. A printed PDF lands in the cache, and
    MkDocs copies it from there.
    """

    def __init__(self, htmls: Mapping[str, tuple[str, str]], cache_dir: Path) -> None:
        self.ready: dict[str, bytes] = {}
        """PDFs the cache already holds, by their path in the site."""
        self.coming: dict[str, Path] = {}
        """Where each PDF being printed will be, by its path in the site."""
        self.error: PdfError | None = None
        missing = {}
        for key, (html, stamp) in htmls.items():
            cached = cache_dir / cache_key(html)
            if cached.is_file():
                self.ready[key] = cached.read_bytes()
            else:
                missing[key] = (html, stamp)
                self.coming[key] = cached
        self.thread = threading.Thread(target=self.run, args=(missing, cache_dir), daemon=True)
        if missing:
            self.thread.start()

    def run(self, missing: Mapping[str, tuple[str, str]], cache_dir: Path) -> None:
        """Print into the cache; keep the error for ``wait``."""
        try:
            print_all(missing, cache_dir)
        except PdfError as e:
            self.error = e
        except OSError as e:
            reason = write_reason(e)
            self.error = PdfError(f"权责清单PDF无法写入缓存：{reason}（{e.filename or cache_dir}）")

    def wait(self) -> None:
        """Block until every PDF is in the cache; raise the printing's PdfError."""
        if self.thread.is_alive():
            self.thread.join()
        if self.error is not None:
            raise self.error

    def files(self, config: MkDocsConfig) -> list[File]:
        """The PDFs as MkDocs files: those in the cache with their bytes, the others copied once printed."""
        ready = [File.generated(config, key, content=data) for key, data in self.ready.items()]
        coming = []
        for key, path in self.coming.items():
            file = PrintedFile.generated(config, key, abs_src_path=str(path))
            assert isinstance(file, PrintedFile)  # generated() makes the class it is called on
            file.printing = self
            coming.append(file)
        return [*ready, *coming]


class PrintedFile(File):
    """A PDF being printed: MkDocs copies it after the pages' Markdown is converted, and it waits for the printing then."""

    printing: Printing

    def copy_file(self, dirty: bool = False) -> None:
        """Wait for the printing, then copy the PDF from the cache; a printing failure stops the build with its message."""
        try:
            self.printing.wait()
        except PdfError as e:
            raise PluginError(str(e)) from None
        if self.abs_src_path is None or not Path(self.abs_src_path).is_file():
            raise PluginError(f"权责清单PDF已打印，却不在缓存中（{self.abs_src_path}）；请重新生成")
        super().copy_file(dirty)


def print_with_chromium(htmls: Mapping[str, tuple[str, str]]) -> dict[str, bytes]:
    """Print every HTML, in one browser per core when there are many; the same PDFs either way."""
    if not Path(CHROMIUM).is_file():
        raise PdfError(f"找不到 Chromium（{CHROMIUM}），无法生成权责清单PDF：请运行 scripts/install-system-deps.sh")
    items = list(htmls.items())
    workers = max(1, min(os.cpu_count() or 1, len(items) // PER_BROWSER))
    if workers == 1:
        return print_in_one_browser(dict(items))
    chunks = [dict(items[i::workers]) for i in range(workers)]
    out: dict[str, bytes] = {}
    # Playwright's synchronous API wants one instance per thread; each thread drives its own browser.
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for done in pool.map(print_in_one_browser, chunks):
            out.update(done)
    return {key: out[key] for key in htmls}


def print_in_one_browser(htmls: Mapping[str, tuple[str, str]]) -> dict[str, bytes]:
    """Print each HTML in one headless Chromium; A4 and margins come from the pages' own @page rules."""
    if not Path(CHROMIUM).is_file():
        raise PdfError(f"找不到 Chromium（{CHROMIUM}），无法生成权责清单PDF：请运行 scripts/install-system-deps.sh")
    from playwright.sync_api import Error, sync_playwright

    out = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page()
            for key, (html, stamp) in htmls.items():
                page.set_content(html, wait_until="load")
                # Untagged: a tagged PDF numbers its structure by the browser's DOM nodes, different in each session.
                pdf = page.pdf(prefer_css_page_size=True, print_background=True, outline=True, tagged=False)
                out[key] = fixed_dates(pdf, stamp)
            browser.close()
    except Error as e:
        raise PdfError(f"Chromium 生成PDF失败：{str(e).splitlines()[0]}") from None
    return out


def store(path: Path, data: bytes) -> None:
    """Write a cache entry whole: write a temporary file, then rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    os.replace(tmp, path)
