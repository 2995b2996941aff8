"""What a sharded build makes from every unit at once: the answer box's data and the main unit's workbook.

A shard sees its own unit only. These two files list every unit of the site, so they are made from the
loaded units into the shard store (by the plan step, or beside the shards in a sharded build), the
hash of their inputs goes into the plan, and the merge puts them over what the main unit's shard
holds (its workbook there has the main unit's sheet alone, so that the links of its pages resolve
when MkDocs builds it). A change to any unit then remakes these two files and the plan, and the
merge runs again; no shard but the changed unit's is rebuilt.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from dutydir.build import fingerprint
from dutydir.data.units import Site
from dutydir.documents import paths, spreadsheet
from dutydir.render import answer_data

FOLDER = "site-wide"
"""The shard store's folder of these files, laid out as in the site."""
PATHS = (answer_data.PATH, paths.XLSX)
"""Their paths in the site: the answer data, and the main unit's workbook (a sheet per unit)."""
STAMP = ".made"
"""The file beside them naming the inputs they were made from and their own hash."""


class SiteWideError(Exception):
    """The store's site-wide files are missing or were made for another plan."""


def files(site: Site, directory_urls: bool) -> dict[str, bytes]:
    """The site-wide files by their path in the site, as a build of the whole site makes them."""
    return {
        answer_data.PATH: answer_data.script(site, directory_urls).encode("utf-8"),
        paths.XLSX: spreadsheet.xlsx(site.units),
    }


def inputs(site: Site, directory_urls: bool) -> str:
    """A hash of what the files are made from: the code, every unit as of the day, and the URL style; the plan carries it.

    The files need not be made to know it, so a plan is written at once and the files are made
    beside the shards (or not at all, when the store already holds them for the same inputs).
    """
    h = hashlib.sha256(fingerprint.code().encode())
    h.update(f"\0directory_urls={directory_urls}\0".encode())
    for unit in site.units:
        # The model's repr holds every field of the unit as of the day (fingerprint.unit hashes it too).
        h.update(hashlib.sha256(repr(unit).encode()).digest())
    return h.hexdigest()[:32]


def digest(made: dict[str, bytes]) -> str:
    """A hash of the files with their paths, recorded beside them so that a file changed since is refused."""
    h = hashlib.sha256()
    for path in PATHS:
        h.update(path.encode() + b"\0" + made[path] + b"\0")
    return h.hexdigest()[:32]


def current(store: Path, expected: str) -> bool:
    """Whether the store holds the files made from these inputs, unchanged since."""
    try:
        read(store, expected)
    except SiteWideError:
        return False
    return True


def ensure(store: Path, expected: str, site: Site, directory_urls: bool) -> None:
    """Make the files into STORE/site-wide/ unless they are there for these inputs."""
    if not current(store, expected):
        write(store, expected, site, directory_urls)


def write(store: Path, expected: str, site: Site, directory_urls: bool) -> None:
    """Make the files into STORE/site-wide/ for these inputs; the stamp is written last."""
    made = files(site, directory_urls)
    stamp = store / FOLDER / STAMP
    stamp.unlink(missing_ok=True)
    for path, data in made.items():
        target = store / FOLDER / path
        if not target.is_file() or target.read_bytes() != data:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    stamp.write_text(f"{expected} {digest(made)}\n", encoding="utf-8")


def read(store: Path, expected: str) -> dict[str, bytes]:
    """The files from STORE/site-wide/, checked against the plan's inputs and against what was made."""
    stale = SiteWideError(f"{store / FOLDER} 中的全站文件不是按当前计划生成的；请重新运行 dutydir plan")
    try:
        made = {path: (store / FOLDER / path).read_bytes() for path in PATHS}
        recorded = (store / FOLDER / STAMP).read_text(encoding="utf-8").split()
    except FileNotFoundError as e:
        raise SiteWideError(f"全站文件缺失：没有 {e.filename}；请重新运行 dutydir plan") from None
    if recorded != [expected, digest(made)]:
        raise stale
    return made
