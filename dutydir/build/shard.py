"""One unit built on its own (a shard): its pages, built by MkDocs into a folder that holds only them.

A shard needs the unit's data and the shared settings (mkdocs.yml and the site plan: the engine, the
day, which unit is the main one, and for the main one the rows of the unit index). MkDocs is given
the unit's pages and, for the nav, one-line stand-ins of the pages the nav names, so each page comes
out as in a build of the whole site; only the unit's own files are kept. A shard holds its unit's
documents too (lists and their PDFs, calendars, CSV, open data, workbook). The main unit's shard also
keeps the hand-written pages, the unit index, the search page, the documents' stylesheet and the
theme's assets: they are stored once in the merged site, not once per unit. What lists every unit
(the answer data, the main unit's workbook) is written by the plan step instead (site_wide.py).
"""

from __future__ import annotations

import functools
import json
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml
from mkdocs.utils.yaml import yaml_load

from dutydir.build import (
    docs_folder,
    documents,
    link_check,
    material_search,
    pdf,
    reproducible,
    search_engine,
    shard_mkdocs,
    svg,
)
from dutydir.build.charts import Later
from dutydir.build.site_plan import Plan
from dutydir.data.errors import DataError, Problem
from dutydir.data.load import build_checked, check_file
from dutydir.documents import listing, paths
from dutydir.model.directory import Directory
from dutydir.render import pages, search_words
from dutydir.render.site import UNITS, help_page, unit_pages

META = "shard.json"
"""What a shard tells the merge step: its unit, fingerprint, sitemap entries and search entries."""
SITE = "site"
"""The shard's built files, laid out as in the merged site."""
SITEMAP_URL = re.compile(r"<url>.*?</url>", re.S)


def load_unit(data: Path, plan: Plan, unit_id: str) -> Directory:
    """The unit's directory as of the plan's day, read from its own data file only."""
    directory, _ = build_checked(check_file(data), plan.as_of)
    if directory.unit.id != unit_id:
        message = f"单位标识是“{directory.unit.id}”，不是“{unit_id}”"
        raise DataError([Problem(str(data), 1, 1, directory.unit.id, message)])
    return directory


def build_shard(config_file: Path, unit: Directory, plan: Plan, out: Path, cache: Path, fingerprint: str) -> None:
    """Build ``unit``'s shard into ``out`` (new or empty): OUT/site/ and OUT/shard.json."""
    docs_folder.refuse_files(out)
    with config_file.open(encoding="utf-8") as f:
        config: dict[str, Any] = yaml_load(f)
    main = unit.unit.id == plan.units[0].id
    # Page dates as a whole build has them: the plan's day, not the clock's.
    reproducible.pin_build_date(plan.as_of)
    prefix = "" if main else f"{unit.unit.id}/"
    directory_urls = config.get("use_directory_urls", True)
    with search_words.taught_alone([unit]):
        # Material's search (with its engine) cuts the built pages with the unit's words too.
        later = Later(functools.partial(svg.render, cache_dir=cache))
        generated = unit_pages(unit, prefix, len(plan.units) > 1, later, directory_urls, plan.templates_dir, plan.pdf)
        if main:
            generated[pages.HELP] = help_page(unit, directory_urls, plan.templates_dir)
            if len(plan.units) > 1:
                generated[UNITS] = plan.unit_index()
            generated.update(search_engine.extra_pages(plan.engine))
        generated = later.fill(generated)
        made, to_print = unit_documents(unit, prefix)
        # Printed while MkDocs converts the pages; MkDocs waits for them before it copies the documents.
        printing = pdf.Printing(to_print if plan.pdf else {}, plan.pdf_cache_dir)
        out.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix=".shard-", dir=out) as tmp:
            work = Path(tmp)
            docs = work / "docs"
            if main:
                shutil.copytree(config_file.parent / config.get("docs_dir", "docs"), docs)
            write_pages(docs, {**stand_ins(config, plan, main), **generated, **made})
            plain = docs_folder.plain_config(config, config_file.parent, work, plan.engine)
            for entry in plain["plugins"]:
                # The process has taught jieba the unit's words; the whole site's list would cut other words.
                next(iter(entry.values())).pop("jieba_dict_user", None)
            (work / "mkdocs.yml").write_text(yaml.safe_dump(plain, allow_unicode=True, sort_keys=False), "utf-8")
            built = work / "built"
            shard_mkdocs.run(work / "mkdocs.yml", built, prefix, unit.unit.id, printing, cache)
            others = [f"{row.id}/" for row in plan.units[1:]] if main else []
            keep(built, out / SITE, prefix, others)
    if main and plan.engine != "pagefind":
        patch_worker(out / SITE, unit.unit.id)
    meta = {
        "unit": unit.unit.id,
        "fingerprint": fingerprint,
        "sitemap": sitemap_urls(built_sitemap(out / SITE, main), prefix, others),
        "search": search_entries(out / SITE, main, prefix, others),
        # Pagefind's bundle is written by the merge, into the site's root.
        "links": checked_links(out / SITE, prefix, others + search_engine.merged_folders(plan.engine), unit.unit.id),
    }
    (out / META).write_text(json.dumps(meta, ensure_ascii=False, indent=0), encoding="utf-8")


def checked_links(site: Path, prefix: str, others: list[str], unit_id: str) -> list[list[str]]:
    """The shard's links checked inside it; those that leave it, for the merge to check (link_check.py)."""
    broken, leaving = link_check.shard_links(site, prefix, others)
    if broken:
        shown = "\n".join(broken[:20]) + (f"\n……另有{len(broken) - 20}个" if len(broken) > 20 else "")
        raise shard_mkdocs.ShardError(f"单位 {unit_id} 的分片有{len(broken)}个失效的内部链接：\n{shown}")
    return [[link.page, link.link, link.target, link.fragment] for link in leaving]


def unit_documents(unit: Directory, prefix: str) -> tuple[dict[str, bytes], dict[str, tuple[str, str]]]:
    """The unit's documents as a whole build makes them but the PDFs, and the HTML to print for each PDF.

    The main unit's workbook here has its own sheet only (the merge puts the site's in its place);
    the main unit's shard also writes the documents' stylesheet, made from the main unit as in a whole build.
    """
    made, to_print = documents.own_documents(unit, prefix, [unit])
    if not prefix:
        made[paths.SITE_PAGE_CSS] = listing.site_page_css(unit).encode("utf-8")
    return made, to_print


def patch_worker(site: Path, unit_id: str) -> None:
    """Material's search worker fixed as a whole build fixes it (the main unit's shard holds the theme's assets)."""
    try:
        material_search.patch_worker(site)
    except material_search.PatchError as e:
        # Every build is strict: a worker left unfixed stops the shard as it stops a whole build.
        raise shard_mkdocs.ShardError(f"单位 {unit_id} 的分片生成失败：{e}") from None


def stand_ins(config: dict[str, Any], plan: Plan, main: bool) -> dict[str, str]:
    """One-line pages for what the shard's pages link to outside the unit, so links and nav come out as in a whole build.

    Another unit's shard needs the pages the nav names; the main unit's needs the home page of every
    other unit (the unit index links to them). MkDocs' output for them is not kept.
    """
    if main:
        return {f"{row.id}/index.md": "# —\n" for row in plan.units[1:]}
    nav = [*(config.get("nav") or []), *([search_engine.NAV_ENTRY] if plan.engine == "pagefind" else [])]
    return dict.fromkeys(nav_files(nav), "# —\n")


def write_pages(docs: Path, pages: dict[str, str | bytes]) -> None:
    """Write the pages and documents into the docs folder; a hand-written page of the same name is an error."""
    for src_uri, content in pages.items():
        path = docs / src_uri
        if path.exists():
            raise docs_folder.FolderError(f"docs/{src_uri} 是自动生成的页面；请删去同名的手写文件")
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def nav_files(nav: object) -> list[str]:
    """Every page a nav names (titles and nesting stripped; external links left out)."""
    if isinstance(nav, str):
        return [] if "://" in nav else [nav]
    if isinstance(nav, dict):
        return [f for value in nav.values() for f in nav_files(value)]
    if isinstance(nav, list):
        return [f for item in nav for f in nav_files(item)]
    return []


def keep(built: Path, dest: Path, prefix: str, others: list[str]) -> None:
    """Move what the shard owns out of MkDocs' output: the main unit's all but ``others``, another's its folder."""
    if not prefix:
        for other in others:
            shutil.rmtree(built / other)
        shutil.move(built, dest)
        return
    dest.mkdir()
    shutil.move(built / prefix.rstrip("/"), dest / prefix.rstrip("/"))
    for name in ("sitemap.xml", "search/search_index.json"):
        if (built / name).is_file():
            (dest / ".built" / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.move(built / name, dest / ".built" / name)


def built_sitemap(site: Path, main: bool) -> str:
    """The sitemap MkDocs wrote for the shard's build."""
    path = site / ("sitemap.xml" if main else ".built/sitemap.xml")
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def sitemap_urls(sitemap: str, prefix: str, others: list[str]) -> list[str]:
    """The sitemap's entries of the shard's own pages (for the main unit: all but ``others``' stand-ins)."""
    found = SITEMAP_URL.findall(sitemap)
    if prefix:
        return [u for u in found if f"/{prefix}" in u]
    return [u for u in found if not any(f"/{other}</loc>" in u for other in others)]


def search_entries(site: Path, main: bool, prefix: str, others: list[str]) -> list[dict[str, Any]]:
    """Material's search entries of the shard's own pages; none with Pagefind, which indexes the merged site."""
    path = site / ("search/search_index.json" if main else ".built/search/search_index.json")
    if not path.is_file():
        return []
    docs: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["docs"]
    if not main:
        shutil.rmtree(site / ".built")
    if main:
        return [d for d in docs if not d["location"].startswith(tuple(others))]
    return [d for d in docs if d["location"].startswith(prefix)]
