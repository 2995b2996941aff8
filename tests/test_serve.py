"""Live preview: with `mkdocs serve --livereload` running, saving the data file rebuilds the served pages."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from click.testing import CliRunner

from dutydir.cli import cli
from tests.support import build_env, copy_project


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return ""


def wait_for(url: str, text: str, seconds: float) -> str:
    """The page once it contains ``text``, polling until the deadline; '' when it never does."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = fetch(url)
        if text in page:
            return page
        time.sleep(0.5)
    return ""


def test_saving_the_data_rebuilds_the_served_site(tmp_path: Path) -> None:
    copy_project(tmp_path)
    port = free_port()
    env = build_env(tmp_path, DUTYDIR_DATE="2026-12-02")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", "-a", f"127.0.0.1:{port}"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        url = f"http://127.0.0.1:{port}/leaders/fuquzhang-jiaotong/"
        before = wait_for(url, "丁力 · 副区长", 90)
        assert before, "the served page never showed the current holder"
        assert "livereload" in before
        result = CliRunner().invoke(
            cli, ["appoint", "丁力", "王五", "--date", "2026-12-01", "--data", str(tmp_path / "data" / "leaders.yaml")]
        )
        assert result.exit_code == 0, result.stderr
        after = wait_for(url, "王五 · 副区长", 60)
        assert after, "the served page was not rebuilt after the data changed"
        sector = fetch(f"http://127.0.0.1:{port}/sectors/jiao-tong-yun-shu/")
        answer = re.search(r"<p>(交通运输的安全生产工作.*?)</p>", sector)
        assert answer is not None
        assert re.sub(r"<[^>]+>", "", answer.group(1)) == (
            "交通运输的安全生产工作由王五（副区长）负责；王五不在时，由AB角邓辉（区委常委、区人民政府党组成员）代理。"
        )
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
