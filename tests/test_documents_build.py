"""The documents in a built site: printed lists read back with pdftotext and pdftoppm, links from the pages."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from dutydir.documents import paths
from dutydir.model.directory import Directory
from tests.conftest import Build
from tests.support import copy_project, mkdocs_build

# The lists' h2 and h3 headings, and the line that introduces a list of duties.
HEADINGS = re.compile(r"^\s*([一二三四五六]、|责任方式：|依据通知)")


def pdf_pages(pdf: Path) -> list[str]:
    """The text of each page, laid out as printed."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")[:-1]


def page_images(pdf: Path, out: Path) -> list[bytes]:
    """Each page rendered to a greyscale image (PGM) at 30 dpi."""
    out.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-gray", "-r", "30", str(pdf), str(out / "p")], check=True)
    return [p.read_bytes() for p in sorted(out.glob("p-*.pgm"))]


def inked_rows(pgm: bytes) -> list[bool]:
    """For each row of a binary PGM, whether it holds any dark pixel."""
    magic, width, height, _, pixels = pgm.split(maxsplit=4)
    assert magic == b"P5"
    w, h = int(width), int(height)
    return [min(pixels[r * w : (r + 1) * w]) < 128 for r in range(h)]


def flat(text: str) -> str:
    """Text without white space: pdftotext breaks table cells over lines and drops spaces between Chinese."""
    return re.sub(r"\s+", "", text)


def assert_no_heading_ends_a_page(pages: list[str]) -> None:
    """A heading never ends a page, away from its content (without the lists' break-after rules, one does)."""
    for n, text in enumerate(pages, start=1):
        body = [line for line in text.splitlines() if line.strip()][1:-1]
        assert not HEADINGS.match(body[-1]), f"page {n} ends with heading {body[-1]!r}"


def test_each_leader_page_links_its_documents(built: Build, directory: Directory) -> None:
    for post in directory.posts:
        page = (built.site / "leaders" / post.id / "index.html").read_text(encoding="utf-8")
        for target in (paths.list_html(post.id), paths.list_pdf(post.id), paths.calendar(post.id)):
            assert f'href="../../{target}"' in page
            assert (built.site / target).is_file()
    lookup = (built.site / "lookup" / "index.html").read_text(encoding="utf-8")
    assert all(f'href="../{t}"' in lookup for t in (paths.XLSX, paths.CSV, paths.POPOLO))
    mechanisms = (built.site / "mechanisms" / "index.html").read_text(encoding="utf-8")
    assert all(f'href="../{t}"' in mechanisms for t in (paths.UNIT_CALENDAR, paths.UNIT_LISTS_PDF))


@pytest.mark.parametrize("post_id", ["quzhang", "changwu-fuquzhang", "fuquzhang-nongye"])
def test_printed_list_reads_back(built: Build, directory: Directory, post_id: str, tmp_path: Path) -> None:
    post = directory.post(post_id)
    pdf = built.site / paths.list_pdf(post_id)
    pages = pdf_pages(pdf)
    images = page_images(pdf, tmp_path)
    assert len(images) == len(pages) and 1 <= len(pages) <= 3
    for n, text in enumerate(pages, start=1):
        # Every page's margins carry the unit, the day and the notice's number, and its place.
        assert "武汉市新洲区人民政府" in text and "更新日期2022-03-09" in text and "依据新政办〔2022〕4号" in text
        assert f"第{n}页共{len(pages)}页" in text.replace(" ", "")
    assert_no_heading_ends_a_page(pages)
    whole = flat("".join(pages))
    holder = directory.holder(post)
    assert holder is not None and holder.person in whole
    for sector in post.sectors:
        assert sector in whole
    for o in directory.obligations_for(post):
        assert o.frequency in whole
    for image in images:
        rows = inked_rows(image)
        middle = rows[len(rows) // 8 : len(rows) * 7 // 8]
        # No blank page: ink between the header and the footer.
        assert any(middle)


def test_unit_pdf_starts_each_list_on_a_new_page(built: Build, directory: Directory) -> None:
    whole = pdf_pages(built.site / paths.UNIT_LISTS_PDF)
    each = [pdf_pages(built.site / paths.list_pdf(p.id)) for p in directory.posts]
    # A first page lists the leaders; then each list starts a page of its own.
    assert len(whole) == 1 + sum(len(pages) for pages in each)
    assert_no_heading_ends_a_page(whole)
    assert all(leader in flat(whole[0]) for leader in ("刘润长（区长）", "肖新锋（副区长）"))
    at = 1
    for post, pages in zip(directory.posts, each, strict=True):
        holder = directory.holder(post)
        assert holder is not None
        # Each list starts a page: right under the page's header comes its title.
        first = flat(whole[at]).split("更新日期2022-03-09", 1)[1]
        assert first.startswith(f"{holder.person}·{post.name}安全生产权责清单"), first[:40]
        at += len(pages)


def test_pdfs_come_from_the_cache_and_are_the_same(built: Build, rebuilt: Build, pdf_cache: Path) -> None:
    cached = sorted(pdf_cache.iterdir())
    assert cached and all(p.suffix == ".pdf" for p in cached)
    for pdf in sorted((built.site / "documents").rglob("*.pdf")):
        again = rebuilt.site / pdf.relative_to(built.site)
        assert again.read_bytes() == pdf.read_bytes()
    assert sorted(pdf_cache.iterdir()) == cached


@pytest.mark.slow
def test_site_pages_print_with_the_unit_and_without_the_filter_box(built: Build, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    from tests.support import CHROMIUM, CHROMIUM_ARGS

    pdf = tmp_path / "lookup.pdf"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto((built.site / "lookup" / "index.html").as_uri())
        page.pdf(path=str(pdf), prefer_css_page_size=True)
        browser.close()
    pages = pdf_pages(pdf)
    # The 87-row table printed on 8 pages before the print stylesheet; the filter box is gone.
    assert len(pages) <= 4
    assert "筛选" not in "".join(pages)
    for text in pages:
        assert "武汉市新洲区人民政府" in text and "更新日期2022-03-09" in text and "依据新政办〔2022〕4号" in text
    assert_no_heading_ends_a_page(pages)


@pytest.mark.slow
def test_the_same_list_prints_to_the_same_bytes_in_any_session(directory: Directory) -> None:
    # A tagged PDF numbered its structure by the session's DOM nodes: the second list of a session differed.
    from dutydir.build import pdf
    from dutydir.documents import listing

    lists = {p.id: (listing.post_list(directory, p), "20220309000000") for p in directory.posts[:3]}
    one = pdf.print_in_one_browser(lists)
    other = pdf.print_in_one_browser(dict(reversed(list(lists.items()))))
    assert one == other


def test_a_draft_without_pdfs_links_none(tmp_path: Path, built: Build) -> None:
    root = copy_project(tmp_path)
    result = mkdocs_build(root, root / "site", DUTYDIR_DATE="2026-01-01", DUTYDIR_PDF="off")
    assert result.returncode == 0, result.stderr
    site = root / "site"
    assert sorted(p.name for p in site.rglob("*.pdf")) == []
    page = (site / "leaders" / "quzhang" / "index.html").read_text(encoding="utf-8")
    printed = (built.site / "leaders" / "quzhang" / "index.html").read_text(encoding="utf-8")
    assert f'href="../../{paths.list_pdf("quzhang")}"' in printed
    assert ".pdf" not in page
    assert f'href="../../{paths.list_html("quzhang")}"' in page
    mechanisms = (site / "mechanisms" / "index.html").read_text(encoding="utf-8")
    assert ".pdf" not in mechanisms and f'href="../{paths.UNIT_LISTS_HTML}"' in mechanisms


def test_printing_beside_the_build_fails_it_with_one_line(tmp_path: Path) -> None:
    """The lists print while MkDocs converts the pages; a printer that cannot start stops the build with its message."""
    root = copy_project(tmp_path)
    missing = tmp_path / "no-chromium"
    result = mkdocs_build(
        root,
        root / "site",
        DUTYDIR_DATE="2026-01-01",
        DUTYDIR_PDF="on",
        DUTYDIR_PDF_CACHE=str(tmp_path / "empty-cache"),
        DUTYDIR_CHROMIUM=str(missing),
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
    assert errors == [
        f"ERROR   -  找不到 Chromium（{missing}），无法生成权责清单PDF：请运行 scripts/install-system-deps.sh"
    ]


def test_a_pdf_cache_that_cannot_be_written_fails_the_build_with_one_line(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = mkdocs_build(
        root, root / "site", DUTYDIR_DATE="2026-01-01", DUTYDIR_PDF="on", DUTYDIR_PDF_CACHE=str(blocker / "cache")
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
    assert errors == [f"ERROR   -  权责清单PDF无法写入缓存：路径中的某一级是文件，不是文件夹（{blocker / 'cache'}）"]
