"""MkDocs hooks: glue only. Settings are declared in settings.py; the pages come from charts.generated_pages."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from dutydir.build import charts, compiled, documents, offline, pdf, reproducible, search_engine, settings, strict, svg
from dutydir.render import escape

if TYPE_CHECKING:
    from jinja2 import Environment
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.files import Files

# Read in on_config, used by the later events of the same build (`mkdocs serve` runs on_config at each rebuild).
state: dict[str, Any] = {}


def on_config(config: MkDocsConfig, **kwargs: Any) -> MkDocsConfig:
    """Check the settings, load and check the site's units; a problem stops the build with its message."""
    strict.start(config.strict)
    s, site = settings.load(config)
    base = Path(config.config_file_path).parent
    # Page dates and the sitemap's gzip header: the directory's as-of day, not the build's clock.
    reproducible.pin_build_date(site.units[0].as_of)
    if s.offline:
        offline.configure(config)
    # Pagefind cannot run from files; the offline copy keeps Material's search.
    engine = search_engine.choose("material" if s.offline else s.search, site)
    search_engine.configure(config, engine)
    state.update(site=site, data=base / s.data_file, cache=base / s.cache_dir, engine=engine, offline=s.offline)
    state["pdf_cache"] = base / (s.pdf_cache_dir or f"{s.cache_dir}-pdf")
    state["templates"] = base / s.templates if s.templates else None
    state["pdf"] = s.pdf
    # Material prints the site name unescaped in <title>, the header and an aria-label, and as HTML in a tooltip.
    try:
        config.site_name = escape.site_name(settings.site_name(config.site_name, site))
    except ValueError as e:
        raise PluginError(f"dutydir: {e}") from None
    return config


def on_files(files: Files, config: MkDocsConfig, **kwargs: Any) -> Files:
    """Add every generated page and document, in memory, beside the hand-written ones in docs/."""
    try:
        generated = charts.generated_pages(
            state["site"], state["cache"], config.use_directory_urls, state["templates"], state["pdf"]
        )
    except svg.ChartError as e:
        raise PluginError(str(e)) from None
    made, to_print = documents.documents_to_print(state["site"])
    # The lists print while MkDocs converts the pages; it copies the PDFs once they are printed.
    printing = pdf.Printing(to_print if state["pdf"] else {}, state["pdf_cache"])
    everything: dict[str, str | bytes] = {**generated, **search_engine.extra_pages(state["engine"]), **made}
    added = [File.generated(config, src_uri, content=text) for src_uri, text in everything.items()]
    for file in [*added, *printing.files(config)]:
        if files.get_file_from_path(file.src_uri) is not None:
            raise PluginError(f"docs/{file.src_uri} 是自动生成的页面；请删去同名的手写文件")
        files.append(file)
    return files


def on_env(env: Environment, config: MkDocsConfig, **kwargs: Any) -> Environment:
    """The theme's templates compiled once and kept with the charts, not compiled anew at every build."""
    return compiled.use(env, state["cache"])


def on_post_build(config: MkDocsConfig, **kwargs: Any) -> None:
    """Write the search index; in a strict build, fail if anything logged a warning."""
    search_engine.write_index(state["engine"], Path(config.site_dir))
    if state["offline"]:
        offline.write_search_script(Path(config.site_dir))
    strict.finish()


def on_serve(server: LiveReloadServer, config: MkDocsConfig, **kwargs: Any) -> LiveReloadServer:
    """Rebuild when the data changes during `mkdocs serve`, wherever the data lives."""
    server.watch(str(state["data"] if state["data"].is_dir() else state["data"].parent))
    return server
