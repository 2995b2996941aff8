"""What several test modules share: copying the project to build it elsewhere, building it, and Chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
# Debian's Chromium, headless; without the networking flags it tries to reach Google at start.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def copy_project(root: Path, data: str | None = None) -> Path:
    """Copy mkdocs.yml, docs/, hooks/ and overrides/ into ``root``, with data/ copied or given as leaders.yaml text."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    for name in ("docs", "hooks", "overrides"):
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    if data is None:
        shutil.copytree(ROOT / "data", root / "data")
    else:
        (root / "data").mkdir()
        (root / "data" / "leaders.yaml").write_text(data, encoding="utf-8")
    return root


def mkdocs_build(root: Path, site: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Run ``mkdocs build --strict`` in ``root`` into ``site``, with a chart cache of its own and extra settings."""
    variables = {k: v for k, v in os.environ.items() if k != "DUTYDIR_DATA"}
    variables.update({"DUTYDIR_CACHE": str(root / "cache"), "NO_MKDOCS_2_WARNING": "1", **env})
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
        cwd=root,
        env=variables,
        capture_output=True,
        text=True,
        timeout=600,
    )
