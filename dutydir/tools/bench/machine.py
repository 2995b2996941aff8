"""The machine and software a benchmark runs on, as the page lists them."""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import os
import platform
import subprocess
from pathlib import Path

from dutydir.tools.bench.builds import ROOT


def machine() -> dict[str, str]:
    """CPU, memory, system, versions, day and the code's commit."""
    cpu = platform.processor() or platform.machine()
    memory = "未知"
    try:
        cpu = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
        kb = next(
            line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal:")
        )
        memory = f"{int(kb) / 1024**2:.1f} GB"
    except (OSError, StopIteration):
        pass
    dot = subprocess.run(["dot", "-V"], capture_output=True, text=True).stderr.strip()
    return {
        "CPU": f"{cpu}，{os.cpu_count()} 核",
        "内存": memory,
        "系统": f"{platform.system()} {platform.release()} {platform.machine()}",
        "Python": platform.python_version(),
        "MkDocs / Material": f"{importlib.metadata.version('mkdocs')} / {importlib.metadata.version('mkdocs-material')}",
        "Graphviz": dot.removeprefix("dot - graphviz version ") or "未知",
        "日期": dt.date.today().isoformat(),
        "代码版本": commit(),
    }


def commit() -> str:
    """The short commit of the measured code, marked when the measured files have changes not committed."""
    done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        return "未知"
    measured = ["dutydir", "hooks", "scripts", "mkdocs.yml", "data"]
    dirty = subprocess.run(["git", "diff", "--quiet", "HEAD", "--", *measured], cwd=ROOT).returncode != 0
    return done.stdout.strip() + ("（有未提交的改动）" if dirty else "")


def load() -> str:
    """The system's load average over the last minute."""
    return f"{os.getloadavg()[0]:.2f}"
