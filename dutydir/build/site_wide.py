"""What a sharded build makes from every unit at once: the answer box's data and the main unit's workbook.

A shard sees its own unit only. These two files list every unit of the site, so the plan step (which
loads every unit) writes them into the shard store, their hash goes into the plan, and the merge puts
them over what the main unit's shard holds (its workbook there has the main unit's sheet alone, so
that the links of its pages resolve when MkDocs builds it). A change to any unit then rewrites
these two files and the plan, and the merge runs again; no shard but the changed unit's is rebuilt.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from dutydir.data.units import Site
from dutydir.documents import paths, spreadsheet
from dutydir.render import answer_data

FOLDER = "site-wide"
"""The shard store's folder of these files, laid out as in the site."""
PATHS = (answer_data.PATH, paths.XLSX)
"""Their paths in the site: the answer data, and the main unit's workbook (a sheet per unit)."""


class SiteWideError(Exception):
    """The store's site-wide files are missing or were made for another plan."""


def files(site: Site, directory_urls: bool) -> dict[str, bytes]:
    """The site-wide files by their path in the site, as a build of the whole site makes them."""
    return {
        answer_data.PATH: answer_data.script(site, directory_urls).encode("utf-8"),
        paths.XLSX: spreadsheet.xlsx(site.units),
    }


def digest(made: dict[str, bytes]) -> str:
    """A hash of the files with their paths; the plan carries it."""
    h = hashlib.sha256()
    for path in PATHS:
        h.update(path.encode() + b"\0" + made[path] + b"\0")
    return h.hexdigest()[:32]


def write(store: Path, made: dict[str, bytes]) -> None:
    """Write the files into STORE/site-wide/, leaving those that already say the same untouched."""
    for path, data in made.items():
        target = store / FOLDER / path
        if not target.is_file() or target.read_bytes() != data:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)


def read(store: Path, expected: str) -> dict[str, bytes]:
    """The files from STORE/site-wide/, checked against the plan's hash."""
    try:
        made = {path: (store / FOLDER / path).read_bytes() for path in PATHS}
    except FileNotFoundError as e:
        raise SiteWideError(f"全站文件缺失：没有 {e.filename}；请重新运行 dutydir plan") from None
    if digest(made) != expected:
        raise SiteWideError(f"{store / FOLDER} 中的全站文件不是按当前计划生成的；请重新运行 dutydir plan")
    return made
