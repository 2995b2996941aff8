"""A published site that stays true: the view of a day, its next change, `publish --if-changed`, the timer's units."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from dutydir.build import freshness
from dutydir.build.publish import releases_dir
from dutydir.cli import cli
from tests.support import copy_project

ROOT = Path(__file__).parent.parent
MINIMAL = (ROOT / "tests" / "data" / "minimal.yaml").read_text(encoding="utf-8")
# 王五 succeeds 张三 on 2025-03-01; 李二 stands in for 王一 from 2025-04-01 to 2025-04-05.
DATED = MINIMAL.replace(
    "        title: 副镇长\n        from: 2024-01-02\n",
    "        title: 副镇长\n        from: 2024-01-02\n        to: 2025-02-28\n"
    "      - person: 王五\n        title: 副镇长\n        from: 2025-03-01\n",
).replace(
    "        title: 镇长\n        from: 2024-01-02\n",
    "        title: 镇长\n        from: 2024-01-02\n    acting:\n      - by: fu-a\n        from: 2025-04-01\n"
    "        to: 2025-04-05\n",
)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The site's sources with the dated test unit as data."""
    copy_project(tmp_path, DATED)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DUTYDIR_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("DUTYDIR_DATE", raising=False)
    monkeypatch.setenv("DUTYDIR_PDF", "off")  # printing the lists is tested elsewhere
    return tmp_path


def view(project: Path, day: str) -> freshness.View:
    """The view of the test unit on a day."""
    return freshness.view(project / "data" / "leaders.yaml", project / "mkdocs.yml", dt.date.fromisoformat(day))


def test_the_view_changes_only_on_change_days(project: Path) -> None:
    views = {
        day: view(project, day)
        for day in (
            "2025-02-27",
            "2025-02-28",
            "2025-03-01",
            "2025-03-31",
            "2025-04-01",
            "2025-04-05",
            "2025-04-06",
            "2026-01-01",
        )
    }
    prints = {day: v.fingerprint for day, v in views.items()}
    assert prints["2025-02-27"] == prints["2025-02-28"] != prints["2025-03-01"] == prints["2025-03-31"]
    assert prints["2025-03-31"] != prints["2025-04-01"] == prints["2025-04-05"] != prints["2025-04-06"]
    assert prints["2025-04-06"] == prints["2026-01-01"]
    assert [(day, v.next_change, v.next_changes) for day, v in views.items()] == [
        ("2025-02-27", dt.date(2025, 3, 1), ("王五接替张三任副镇长。",)),
        ("2025-02-28", dt.date(2025, 3, 1), ("王五接替张三任副镇长。",)),
        ("2025-03-01", dt.date(2025, 4, 1), ("2025年4月1日至2025年4月5日，李二代理王一（镇长）的工作。",)),
        ("2025-03-31", dt.date(2025, 4, 1), ("2025年4月1日至2025年4月5日，李二代理王一（镇长）的工作。",)),
        ("2025-04-01", dt.date(2025, 4, 6), ("李二代理王一（镇长）的工作至2025年4月5日结束。",)),
        ("2025-04-05", dt.date(2025, 4, 6), ("李二代理王一（镇长）的工作至2025年4月5日结束。",)),
        ("2025-04-06", None, ()),
        ("2026-01-01", None, ()),
    ]
    # An edit of the data, or of a hand-written page, is a new view on the same day.
    (project / "docs" / "index.md").write_text("改过的首页\n", encoding="utf-8")
    assert view(project, "2025-02-27").fingerprint != prints["2025-02-27"]


def publish(*args: str) -> tuple[int, str, str]:
    """Run `dutydir publish www/anquan ARGS` in the project; release names shown as RELEASE."""
    result = CliRunner().invoke(cli, ["publish", "www/anquan", *args], prog_name="dutydir")
    live = os.readlink("www/anquan") if os.path.islink("www/anquan") else "-"
    return result.exit_code, result.stdout.replace(live, "anquan.releases/RELEASE"), result.stderr


@pytest.mark.slow
def test_publish_if_changed_rebuilds_only_on_change_days(project: Path) -> None:
    assert publish("--date", "2025-02-27") == (
        0,
        "已发布：www/anquan → www/anquan.releases/RELEASE（按2025年2月27日的任职情况）。\n"
        "下次变动：2025年3月1日（王五接替张三任副镇长）。"
        "届时须重新发布，已安装定时任务（make install-timer）时会自动完成。\n",
        "",
    )
    first = os.readlink("www/anquan")
    assert "张三" in (project / "www/anquan/leaders/fu-b/index.html").read_text(encoding="utf-8")
    assert publish("--date", "2025-02-28", "--if-changed") == (
        0,
        "www/anquan 已是按2025年2月28日任职情况的最新版本，未重新构建。\n"
        "下次变动：2025年3月1日（王五接替张三任副镇长）。"
        "届时须重新发布，已安装定时任务（make install-timer）时会自动完成。\n",
        "",
    )
    assert os.readlink("www/anquan") == first
    code, out, _ = publish("--date", "2025-03-01", "--if-changed")
    assert (code, out.splitlines()[0]) == (
        0,
        "已发布：www/anquan → www/anquan.releases/RELEASE（按2025年3月1日的任职情况）。",
    )
    assert os.readlink("www/anquan") != first
    assert "王五" in (project / "www/anquan/leaders/fu-b/index.html").read_text(encoding="utf-8")
    assert len([p for p in releases_dir(project / "www/anquan").iterdir() if not p.name.startswith(".")]) == 2


def test_a_release_without_a_recorded_view_is_rebuilt(tmp_path: Path) -> None:
    (tmp_path / "old").mkdir()
    assert freshness.live_fingerprint(tmp_path / "old") is None
    assert freshness.live_fingerprint(None) is None
    (tmp_path / "old" / freshness.VIEW_FILE).write_text("{not json", encoding="utf-8")
    assert freshness.live_fingerprint(tmp_path / "old") is None


def test_the_timer_units_name_this_checkout(tmp_path: Path) -> None:
    out = subprocess.run(
        [ROOT / "scripts" / "install-timer.sh", "--print", "/srv/www/anquan", "data/leaders.yaml"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env=dict(os.environ, RUN_AS="www-data"),
    ).stdout
    lines = [line for line in out.splitlines() if line and not line.startswith("# ")]
    assert lines == [
        "[Unit]",
        "Description=dutydir: republish the work-safety responsibility directory if today's view changed",
        "After=local-fs.target",
        "[Service]",
        "Type=oneshot",
        "User=www-data",
        f"WorkingDirectory={ROOT}",
        "Environment=NO_MKDOCS_2_WARNING=1",
        f"ExecStart={ROOT}/.venv/bin/dutydir publish /srv/www/anquan --if-changed --data {ROOT}/data/leaders.yaml",
        "[Unit]",
        "Description=dutydir: daily check that the published directory shows today's view",
        "[Timer]",
        "OnCalendar=*-*-* 00:05:00",
        "Persistent=true",
        "RandomizedDelaySec=60",
        "[Install]",
        "WantedBy=timers.target",
        f"5 0 * * * cd {ROOT} && .venv/bin/dutydir publish /srv/www/anquan --if-changed --data {ROOT}/data/leaders.yaml"
        f" >>{ROOT}/.dutydir-publish.log 2>&1",
    ]


def test_systemd_accepts_the_units(tmp_path: Path) -> None:
    if shutil.which("systemd-analyze") is None:
        pytest.skip("systemd-analyze is not installed here; the units' text is checked above")
    out = subprocess.run(
        [ROOT / "scripts" / "install-timer.sh", "--print", str(tmp_path / "www")],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env=dict(os.environ, RUN_AS="root"),
    ).stdout
    service, timer = out.split("# dutydir-publish.timer\n")[0], out.split("# dutydir-publish.timer\n")[1]
    (tmp_path / "dutydir-publish.service").write_text(service, encoding="utf-8")
    (tmp_path / "dutydir-publish.timer").write_text(timer.split("# crontab\n")[0], encoding="utf-8")
    units = [str(tmp_path / "dutydir-publish.service"), str(tmp_path / "dutydir-publish.timer")]
    result = subprocess.run(["systemd-analyze", "verify", *units], capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stderr) == (0, "")
