"""The site plan: what every shard of a site shares, written once before the shards are built.

It is the only thing a shard needs beyond mkdocs.yml and its own unit's data file: the search
engine, the day, the units in order (the first is the main one, at the site's root), each unit's
data file and fingerprint, the rows of the unit index that the main unit's shard writes, whether
the lists are printed to PDF (and where printed lists are kept), and the hash of the site-wide
files (site_wide.py) made beside it, and whether pages are folders (use_directory_urls).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils.yaml import yaml_load

from dutydir.build import fingerprint, search_engine, settings, site_wide
from dutydir.data.units import Site, load_site, unit_files
from dutydir.render.site import UnitRow, unit_index, unit_row

FILE = "plan.json"


@dataclass(frozen=True)
class Plan:
    """What the shards of one site share."""

    engine: str
    """The site's search engine: material or pagefind."""
    as_of: dt.date
    """The day every unit is built as of."""
    units: tuple[UnitRow, ...]
    """Every unit as the unit index lists it, the main unit first."""
    files: dict[str, str]
    """Each unit's data file by unit id (absolute paths)."""
    fingerprints: dict[str, str]
    """Each unit's fingerprint by unit id: its shard is rebuilt when this changes."""
    templates: str = ""
    """The site's folder of its own page templates (absolute), or '' when it has none."""
    pdf: bool = True
    """Whether the lists are printed to PDF and linked (the ``pdf`` setting; off for drafts)."""
    pdf_cache: str = ""
    """The folder of printed lists kept by a hash of their HTML (absolute)."""
    site_wide: str = ""
    """The hash of the inputs of the site-wide files in STORE/site-wide/ (the answer data, the main unit's workbook)."""
    directory_urls: bool = True
    """MkDocs' use_directory_urls: pages as folders (unit/leaders/x/) or files (unit/leaders/x.html)."""

    @property
    def pdf_cache_dir(self) -> Path:
        """The folder of printed lists."""
        return Path(self.pdf_cache)

    @property
    def templates_dir(self) -> Path | None:
        """The site's templates folder, if any."""
        return Path(self.templates) if self.templates else None

    def unit_index(self) -> str:
        """The unit index page."""
        return unit_index(list(self.units), self.templates_dir)

    def write(self, path: Path) -> None:
        """Write the plan as JSON; a file that already says the same is left untouched (make goes by its time)."""
        data = dataclasses.asdict(self)
        data["as_of"] = self.as_of.isoformat()
        text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")

    @classmethod
    def read(cls, path: Path) -> Plan:
        """A plan written by ``write``."""
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            engine=data["engine"],
            as_of=dt.date.fromisoformat(data["as_of"]),
            units=tuple(UnitRow(**row) for row in data["units"]),
            files=data["files"],
            fingerprints=data["fingerprints"],
            templates=data.get("templates", ""),
            pdf=data.get("pdf", True),
            pdf_cache=data.get("pdf_cache", ""),
            site_wide=data.get("site_wide", ""),
            directory_urls=data.get("directory_urls", True),
        )


def make_plan(
    config_file: Path, data: Path | None = None, as_of: dt.date | None = None, loaded: Site | None = None
) -> tuple[Plan, Site]:
    """Load and check every unit of the site a mkdocs.yml builds; its plan and the loaded site.

    ``loaded`` is that site already loaded as of ``as_of`` (not loaded again). Raises DataError for the
    data and PluginError for the settings.
    """
    with config_file.open(encoding="utf-8") as f:
        config = yaml_load(f)
    s = settings.checked((config.get("extra") or {}).get("dutydir"), str(config_file))
    if s.offline:
        # The offline copy is one build of its own (make offline), for a computer without the intranet.
        raise PluginError("分片生成不做离线副本（offline）；离线副本请用 make offline 整体生成")
    data = data or config_file.parent / s.data_file
    site = loaded if loaded is not None and as_of is not None else load_site(data, as_of or s.as_of)[0]
    engine = search_engine.choose(s.search, site)
    rows = tuple(unit_row(u) for u in site.units)
    # load_site reads the files in this order and skips none once it has returned.
    files = {str(u.unit.id): str(f.resolve()) for u, f in zip(site.units, unit_files(data), strict=True)}
    day = site.units[0].as_of
    templates = (config_file.parent / s.templates).resolve() if s.templates else None
    shared = fingerprint.shared(config_file, engine, day, len(site.units) > 1, templates, s.pdf)
    docs = config_file.parent / config.get("docs_dir", "docs")
    main = site.units[0]
    prints = {
        str(u.unit.id): fingerprint.unit(shared, u, *((rows, docs) if u is main else (None, None))) for u in site.units
    }
    pdf_cache = (config_file.parent / (s.pdf_cache_dir or f"{s.cache_dir}-pdf")).resolve()
    directory_urls = bool(config.get("use_directory_urls", True))
    wide = site_wide.inputs(site, directory_urls)
    plan = Plan(engine, day, rows, files, prints, str(templates or ""), s.pdf, str(pdf_cache), wide, directory_urls)
    return plan, site
