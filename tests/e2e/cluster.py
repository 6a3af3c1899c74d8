"""Start app servers and nginx in front of them (the two-server test and the benchmark).

The proxy uses the shipped snippets in ``deploy/nginx/``; it runs without root,
every file in a work folder.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.e2e.rendering import ROOT

NGINX_DIR = ROOT / "deploy" / "nginx"
UPSTREAM_HEADER = "X-Hedensted-Upstream"
STICKY_COOKIE = "hedensted_server"


def nginx_binary() -> str:
    """The nginx program, or "" when it is not installed."""
    found = shutil.which("nginx")
    if found:
        return found
    return "/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else ""


def nginx_config(workdir: Path, listen: int, servers: list[int]) -> str:
    """A complete nginx.conf (no root, files in ``workdir``) using the shipped snippets."""
    upstream = "\n".join(f"        server 127.0.0.1:{port};" for port in servers)
    temp = "\n".join(
        f"    {kind}_temp_path {workdir / kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return f"""daemon off;
master_process off;
worker_processes 1;
pid {workdir / "nginx.pid"};
error_log {workdir / "error.log"} warn;
events {{ worker_connections 512; }}
http {{
    access_log {workdir / "access.log"};
{temp}
    include {NGINX_DIR / "hedensted-sticky.conf"};
    upstream hedensted_app {{
        hash $hedensted_sticky consistent;
{upstream}
    }}
    server {{
        listen 127.0.0.1:{listen};
        location / {{
            include {NGINX_DIR / "hedensted-proxy.conf"};
            # Test only: which app server answered.
            add_header {UPSTREAM_HEADER} $upstream_addr always;
        }}
    }}
}}
"""


def start_app(port: int, database_url: str | None, log: Path) -> subprocess.Popen:
    """`streamlit run app.py` on a loopback port with ``DATABASE_URL`` (None: the default)."""
    env = {**os.environ, "STREAMLIT_SERVER_COOKIE_SECRET": "two-servers-test-secret"}
    if database_url is not None:
        env["DATABASE_URL"] = database_url
    env.pop("HEDENSTED_DEMO", None)
    env.pop("JOBINDSATS_TOKEN", None)
    log.parent.mkdir(parents=True, exist_ok=True)
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
            "--server.fileWatcherType",
            "none",
        ],
        cwd=ROOT,
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )


def start_nginx(workdir: Path, listen: int, servers: list[int], log: Path) -> subprocess.Popen:
    """nginx on 127.0.0.1:``listen`` in front of the app servers on ``servers``."""
    (workdir / "nginx.conf").write_text(nginx_config(workdir, listen, servers))
    return subprocess.Popen(
        [nginx_binary(), "-e", str(workdir / "error.log"), "-p", str(workdir), "-c", "nginx.conf"],
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
