"""`dutydir render OUT`: the generated pages and charts in a docs folder that plain MkDocs builds into the same HTML."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml
from click.testing import CliRunner

from dutydir.build import docs_folder
from dutydir.cli import cli
from dutydir.data.units import Site, load_site
from tests.conftest import AS_OF, Build
from tests.support import ROOT, mkdocs_build


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_plain_mkdocs_build_of_the_rendered_folder_is_the_hooks_build(built: Build, tmp_path: Path) -> None:
    out = tmp_path / "out"
    env = {"DUTYDIR_CACHE": str(built.cache), "DUTYDIR_DATA": None, "DUTYDIR_SEARCH": None}
    result = CliRunner().invoke(
        cli, ["render", str(out), "--config", str(built.root / "mkdocs.yml"), "--date", AS_OF.isoformat()], env=env
    )
    assert result.exit_code == 0, result.stderr
    config = yaml.safe_load((out / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "hooks" not in config and "dutydir" not in config["extra"]
    pages = sorted(p.relative_to(out / "docs").as_posix() for p in (out / "docs").rglob("*.md"))
    assert (
        result.stdout
        == f"已在 {out}/docs 写出 1 个单位的 {len(pages)} 个页面；生成网站请运行：mkdocs build -f {out}/mkdocs.yml\n"
    )
    assert "index.md" in pages and "leaders/quzhang.md" in pages and "help.md" in pages

    plain = mkdocs_build(out, tmp_path / "site")
    assert plain.returncode == 0, plain.stderr
    hooks, without = files(built.site), files(tmp_path / "site")
    # The search index is rewritten as UTF-8 by the hooks after the build (not HTML), and Material's search
    # worker gets its one fix (dutydir/build/material_search.py); the sitemap holds the time.
    differ = {name for name in hooks.keys() | without.keys() if hooks.get(name) != without.get(name)}
    worker = "assets/javascripts/workers/search.a7633da7.min.js"
    assert differ == {"search/search_index.json", "sitemap.xml.gz", worker} & differ
    html = [name for name in hooks if name.endswith(".html")]
    assert len(html) > 80 and all(hooks[name] == without[name] for name in html)


def test_render_in_a_terminal_says_one_line(built: Build, tmp_path: Path) -> None:
    # A process of its own: jieba writes its notes to the stderr it found when first imported.
    out = tmp_path / "out"
    env = {**os.environ, "DUTYDIR_CACHE": str(built.cache), "DUTYDIR_DATE": AS_OF.isoformat()}
    env.pop("DUTYDIR_DATA", None)
    command = [str(Path(sys.executable).parent / "dutydir"), "render", str(out), "--config", str(ROOT / "mkdocs.yml")]
    result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith(f"已在 {out}/docs 写出 1 个单位的 ")


def test_render_refuses_a_folder_with_files(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "keep.txt").write_text("x")
    result = CliRunner().invoke(cli, ["render", str(tmp_path / "out")])
    assert (result.exit_code, result.stderr) == (1, f"dutydir: {tmp_path / 'out'} 不是空文件夹；请指定一个新文件夹\n")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["keep.txt"]


def test_one_unit_of_a_site_renders_alone(tmp_path: Path) -> None:
    # The base of a build in parts: any one unit written as a site of its own, its pages at the folder's root.
    minimal = (ROOT / "tests" / "data" / "minimal.yaml").read_text(encoding="utf-8")
    (tmp_path / "data" / "units").mkdir(parents=True)
    (tmp_path / "data" / "leaders.yaml").write_text(minimal, encoding="utf-8")
    town = minimal.replace("id: testtown", "id: dongzhen").replace("short_name: 测试镇", "short_name: 东镇")
    (tmp_path / "data" / "units" / "dongzhen.yaml").write_text(town, encoding="utf-8")
    site, _ = load_site(tmp_path / "data")
    config = docs_folder.write_docs(
        Site(site.units[1:]), ROOT / "mkdocs.yml", tmp_path / "out", tmp_path / "cache", "material"
    )
    docs = tmp_path / "out" / "docs"
    assert (docs / "index.md").read_text(encoding="utf-8").splitlines()[:5] == [
        "---",
        'title: "东镇政府领导安全生产责任目录"',
        "---",
        "",
        '# 东镇政府领导安全生产责任目录 { data-pagefind-weight="10" }',
    ]
    assert not (docs / "units.md").exists() and not (docs / "dongzhen").exists()
    assert (tmp_path / "out" / "jieba.txt").read_text(encoding="utf-8").splitlines()[0].split(" ")[0] == "王一"
    assert "hooks" not in yaml.safe_load(config.read_text(encoding="utf-8"))
