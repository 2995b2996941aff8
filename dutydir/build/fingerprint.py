"""A shard's fingerprint: a hash of everything its pages are made from; same fingerprint, same pages.

The inputs: the unit's view on the build's day (the whole model of the unit, which holds its data,
its vocabulary and the day), the site's settings file and hand-written pages, the search engine,
whether the site has several units (the main unit's pages then link to the unit index, and that
index's rows for the main unit), whether lists are printed to PDF, the site's own templates, the code and templates of dutydir that make pages, and the
versions of the tools that write them (MkDocs, Material, jieba, Graphviz).

The day is an input because every page says which day it describes: a site published on a new
day is built whole once, then only what changes that day.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import importlib.metadata
import subprocess
from pathlib import Path

from dutydir.model.directory import Directory
from dutydir.render.site import UnitRow

PACKAGE = Path(__file__).resolve().parents[1]
MAKERS = ("data", "model", "render", "build")
"""The parts of dutydir that make pages (the tools and the command line do not)."""
TOOLS = ("mkdocs", "mkdocs-material", "jieba", "pymdown-extensions", "markdown")


@functools.cache
def code() -> str:
    """A hash of dutydir's code and templates and of the tools' versions, computed once a process."""
    h = hashlib.sha256()
    made_by = [
        p for part in MAKERS for p in (PACKAGE / part).rglob("*") if p.is_file() and "__pycache__" not in p.parts
    ]
    for path in sorted(made_by):
        h.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for tool in TOOLS:
        try:
            h.update(f"{tool}={importlib.metadata.version(tool)}\0".encode())
        except importlib.metadata.PackageNotFoundError:
            h.update(f"{tool}=none\0".encode())
    dot = subprocess.run(["dot", "-V"], capture_output=True, text=True, check=False)
    h.update(dot.stderr.encode())
    return h.hexdigest()


def shared(config_file: Path, engine: str, day: dt.date, several: bool, templates: Path | None, pdf: bool) -> str:
    """The inputs every shard of a site shares, hashed: ``templates`` is the site's own templates folder."""
    h = hashlib.sha256(code().encode())
    h.update(config_file.read_bytes())
    if templates is not None and templates.is_dir():
        h.update(docs_hash(templates).encode())
    h.update(f"\0{engine}\0{day.isoformat()}\0{several}\0pdf={pdf}\0".encode())
    return h.hexdigest()


def unit(shared_hash: str, directory: Directory, rows: tuple[UnitRow, ...] | None, docs: Path | None) -> str:
    """A unit's fingerprint; ``rows`` (the unit index) and ``docs`` (hand-written pages) count for the main unit."""
    h = hashlib.sha256(shared_hash.encode())
    # The model's repr holds every field of the unit as of the day, in the data's order.
    h.update(repr(directory).encode())
    if rows is not None:
        h.update(repr(rows).encode())
    if docs is not None:
        h.update(docs_hash(docs).encode())
    return h.hexdigest()[:32]


def docs_hash(docs: Path) -> str:
    """A hash of every file of a folder (docs/ or the site's templates), with their names."""
    h = hashlib.sha256()
    for path in sorted(p for p in docs.rglob("*") if p.is_file()):
        h.update(path.relative_to(docs).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()
