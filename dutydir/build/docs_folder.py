"""A site rendered into a folder of its own: docs/ with every page and chart, and a mkdocs.yml without the hooks.

Plain ``mkdocs build`` of that folder makes the same HTML as the hooks build of the project, so any
engine that reads an MkDocs docs folder can build the directory. Only the steps after the build stay
with the hooks: Material's index rewritten as UTF-8, and Pagefind's index (run ``python -m pagefind
--site SITE`` for a site that uses it).
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import yaml
from mkdocs.utils.yaml import yaml_load

from dutydir.build import charts, documents, search_engine, settings
from dutydir.data.units import Site, load_site
from dutydir.render import search_words

JIEBA_WORDS = "jieba.txt"
"""The data's words for Material's search, as a jieba user dictionary beside mkdocs.yml."""


class FolderError(Exception):
    """The folder could not be written as asked."""


def render_project(
    config_file: Path, out: Path, data: Path | None = None, as_of: dt.date | None = None
) -> tuple[Site, Path]:
    """Render the site a mkdocs.yml builds (or its data replaced by ``data``) into ``out``; the site and new config.

    Raises DataError for the data, PluginError for the settings, FolderError for the folder.
    """
    refuse_files(out)
    with config_file.open(encoding="utf-8") as f:
        config: dict[str, Any] = yaml_load(f)
    s = settings.checked((config.get("extra") or {}).get("dutydir"), str(config_file))
    site, _ = load_site(data or config_file.parent / s.data_file, as_of or s.as_of)
    engine = search_engine.choose(s.search, site)
    templates = config_file.parent / s.templates if s.templates else None
    pdf_cache = config_file.parent / (s.pdf_cache_dir or f"{s.cache_dir}-pdf")
    return site, write_docs(
        site, config_file, out, config_file.parent / s.cache_dir, engine, templates, pdf_cache, s.pdf
    )


def write_docs(
    site: Site,
    config_file: Path,
    out: Path,
    cache: Path,
    engine: str,
    templates: Path | None = None,
    pdf_cache: Path | None = None,
    pdf: bool = True,
) -> Path:
    """Write ``site`` (one unit or several) into ``out`` as docs/ and mkdocs.yml; return that mkdocs.yml.

    ``templates`` is the site's folder of its own page templates, if it has one. The documents (lists and
    their PDFs, spreadsheets, calendars) are written too, PDFs printed into or read from ``pdf_cache``
    (beside ``cache`` by default); ``pdf`` False leaves the PDFs out, and the pages link none.
    """
    refuse_files(out)
    with config_file.open(encoding="utf-8") as f:
        config: dict[str, Any] = yaml_load(f)
    docs = out / "docs"
    shutil.copytree(config_file.parent / config.get("docs_dir", "docs"), docs)
    generated = charts.generated_pages(site, cache, config.get("use_directory_urls", True), templates, pdf)
    made = documents.site_documents(site, pdf_cache or Path(f"{cache}-pdf"), printing=pdf)
    everything: dict[str, str | bytes] = {**generated, **search_engine.extra_pages(engine), **made}
    for src_uri, content in everything.items():
        path = docs / src_uri
        if path.exists():
            raise FolderError(f"docs/{src_uri} 是自动生成的页面；请删去同名的手写文件")
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    words = dict.fromkeys(w for unit in site.units for w in search_words.segmenter_words(unit))
    (out / JIEBA_WORDS).write_text("".join(f"{w} {search_words.frequency(w)}\n" for w in words), encoding="utf-8")
    plain = plain_config(config, config_file.parent, out, engine)
    plain["site_name"] = settings.site_name(str(config.get("site_name", "")), site)
    (out / "mkdocs.yml").write_text(yaml.safe_dump(plain, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return out / "mkdocs.yml"


def refuse_files(out: Path) -> None:
    """Raise FolderError unless ``out`` is new or empty: nothing of the user's is overwritten or mixed in."""
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise FolderError(f"{out} 不是空文件夹；请指定一个新文件夹")


def plain_config(config: dict[str, Any], base: Path, out: Path, engine: str) -> dict[str, Any]:
    """The project's config for the folder: no hooks, no dutydir settings, and what the hooks would set."""
    plain = {k: v for k, v in config.items() if k not in ("hooks", "watch", "docs_dir", "site_dir")}
    plain["extra"] = {k: v for k, v in (config.get("extra") or {}).items() if k != "dutydir"}
    theme = dict(config.get("theme") or {})
    if theme.get("custom_dir"):
        shutil.copytree(base / theme["custom_dir"], out / "overrides")
        theme["custom_dir"] = "overrides"
    plain["theme"] = theme
    plugins = []
    for entry in config.get("plugins") or []:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        if name in ("search", "material/search"):
            # Material's search plugin reads the user dictionary from the working directory: an absolute path.
            options = {**(options or {}), "jieba_dict_user": str((out / JIEBA_WORDS).resolve())}
            if engine == "pagefind":
                options["enabled"] = False
        plugins.append({name: options})
    plain["plugins"] = plugins
    if engine == "pagefind":
        plain["nav"] = [*(config.get("nav") or []), search_engine.NAV_ENTRY]
    return plain
