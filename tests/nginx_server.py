"""nginx with the shipped configuration (deploy/nginx/dutydir.conf) for the tests, and the dutydir command run as a clerk would.

nginx runs in the foreground as a child of the test, on a free port of 127.0.0.1, with a main configuration
written for the test (pid, logs and temporary files in a folder of its own) that includes the shipped file
with only its `listen` and `root` lines changed.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

from tests.support import ROOT

NGINX = Path("/usr/sbin/nginx")
SHIPPED = ROOT / "deploy" / "nginx" / "dutydir.conf"
AS_OF = "2026-01-01"


def free_port() -> int:
    """A port of 127.0.0.1 that nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def render_config(folder: Path, dest: Path, port: int, shipped: str) -> Path:
    """A main nginx.conf for the test around the shipped server block, with its listen and root replaced."""
    for line in ("    listen 80;\n", "    root /srv/www/anquan;\n"):
        assert shipped.count(line) == 1, f"{SHIPPED} should have one line {line.strip()!r}"
    server = shipped.replace("    listen 80;\n", f"    listen 127.0.0.1:{port};\n")
    server = server.replace("    root /srv/www/anquan;\n", f"    root {dest};\n")
    (folder / "dutydir.conf").write_text(server, encoding="utf-8")
    shutil.copy("/etc/nginx/mime.types", folder / "mime.types")
    temp = "\n".join(
        f"    {kind}_temp_path {folder / kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    main = f"""daemon off;
master_process off;
pid {folder / "nginx.pid"};
error_log {folder / "error.log"} warn;
events {{
    worker_connections 512;
}}
http {{
    access_log {folder / "access.log"};
{temp}
    include {folder / "dutydir.conf"};
}}
"""
    (folder / "nginx.conf").write_text(main, encoding="utf-8")
    return folder / "nginx.conf"


def start_nginx(conf: Path, port: int) -> subprocess.Popen[bytes]:
    """nginx in the foreground with that configuration, once it accepts connections on the port."""
    process = subprocess.Popen([str(NGINX), "-p", str(conf.parent), "-c", str(conf)], stderr=subprocess.PIPE)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"nginx stopped: {process.stderr.read().decode() if process.stderr else ''}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return process
        except OSError:
            time.sleep(0.05)
    process.kill()
    raise AssertionError("nginx did not listen within 10 s")


def dutydir(project: Path, *args: str, **settings: str) -> subprocess.CompletedProcess[str]:
    """Run the dutydir command in the project, as a clerk would."""
    env = dict(os.environ, DUTYDIR_DATE=AS_OF, DUTYDIR_CACHE=str(project / "cache"), NO_MKDOCS_2_WARNING="1")
    env.update(settings)
    command = [str(Path(sys.executable).with_name("dutydir")), *args]
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=300)
