"""Strict means strict: a MkDocs warning (here a broken anchor) fails every build the project runs, quiet or not.

MkDocs 1.6 never counts warnings under --quiet (mkdocs issue 4126); the hooks count them (build/strict.py).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.support import ROOT, build_env, copy_project, mkdocs_build

MINIMAL = (ROOT / "tests" / "data" / "minimal.yaml").read_text(encoding="utf-8")
BROKEN = "# 说明\n\n见[首页的某一节](index.md#no-such-section)。\n"
WARNING = (
    "WARNING -  Doc file 'broken.md' contains a link 'index.md#no-such-section', "
    "but the doc 'index.md' does not contain an anchor '#no-such-section'."
)


def project(tmp_path: Path) -> Path:
    """A copy of the project, Makefile included, with a hand-written page whose link names a missing anchor."""
    root = copy_project(tmp_path, MINIMAL, extra=("Makefile", "scripts", "requirements.lock", "pyproject.toml"))
    (root / "docs" / "broken.md").write_text(BROKEN, encoding="utf-8")
    return root


def test_a_broken_anchor_fails_make_site(tmp_path: Path) -> None:
    root = project(tmp_path)
    # The project's own virtualenv; STAMP names a file that exists, so make installs nothing into it.
    (root / "installed").touch()
    done = subprocess.run(
        ["make", "site", f"VENV={ROOT / '.venv'}", "STAMP=installed"],
        cwd=root,
        env=build_env(root, DUTYDIR_DATE="2025-01-01"),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode != 0
    assert WARNING in done.stderr.splitlines()
    assert "built site/" not in done.stdout


def test_a_broken_anchor_fails_a_quiet_strict_build(tmp_path: Path) -> None:
    root = project(tmp_path)
    quiet = mkdocs_build(root, root / "site", "--quiet", DUTYDIR_DATE="2025-01-01")
    assert quiet.returncode == 1
    # Quiet: the warning itself is not printed, but it is counted and fails the build.
    assert WARNING not in quiet.stderr.splitlines()
    errors = [line for line in quiet.stderr.splitlines() if line.startswith("ERROR")]
    assert errors == ["ERROR   -  严格构建：出现了 1 条警告（去掉 --quiet 再运行可看到详情）"]
    (root / "docs" / "broken.md").unlink()
    assert mkdocs_build(root, root / "site", "--quiet", DUTYDIR_DATE="2025-01-01").returncode == 0
