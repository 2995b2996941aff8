"""What several test modules share: copying the project to build it elsewhere, building it, and a local browser.

Serving a site and starting Chromium live in dutydir.tools.bench.local_site, which the benchmark uses too.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from dutydir.tools.bench.local_site import CHROMIUM, CHROMIUM_ARGS, Guard, launch, served

__all__ = ["CHROMIUM", "CHROMIUM_ARGS", "Guard", "ROOT", "copy_project", "launch", "mkdocs_build", "served"]

ROOT = Path(__file__).resolve().parents[1]


def copy_project(root: Path, data: str | None = None, extra: tuple[str, ...] = ()) -> Path:
    """Copy mkdocs.yml, docs/, hooks/ and overrides/ (and ``extra`` paths) into ``root``, with data/ copied or given."""
    root.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "docs", "hooks", "overrides", *extra):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(ROOT / name, root / name)
    if data is None:
        shutil.copytree(ROOT / "data", root / "data")
    else:
        (root / "data").mkdir()
        (root / "data" / "leaders.yaml").write_text(data, encoding="utf-8")
    return root


def build_env(root: Path, **env: str) -> dict[str, str]:
    """The environment of a build in a copied project: a chart cache of its own, no PDFs, no data from the caller's shell."""
    # The PDF cache is shared on purpose (tests/conftest.py): a list is printed once a run, not once a build.
    variables = {k: v for k, v in os.environ.items() if not k.startswith("DUTYDIR_") or k == "DUTYDIR_PDF_CACHE"}
    # Lists are printed to PDF only where a test asks for it (DUTYDIR_PDF="on"): printing is the slowest part of a build.
    variables.update({"DUTYDIR_CACHE": str(root / "cache"), "DUTYDIR_PDF": "off", "NO_MKDOCS_2_WARNING": "1", **env})
    return variables


def mkdocs_build(root: Path, site: Path, *options: str, **env: str) -> subprocess.CompletedProcess[str]:
    """Run ``mkdocs build --strict`` in ``root`` into ``site`` with extra options and settings."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", *options, "-d", str(site)],
        cwd=root,
        env=build_env(root, **env),
        capture_output=True,
        text=True,
        timeout=600,
    )
