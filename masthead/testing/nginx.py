"""nginx from Debian running one of deploy/'s configurations, for the tests: only the places change.

The shipped file is used as written, except the lines that name a place on the operator's machine: the cache
folder, the listen address and the upstream servers. ``nginx -t`` checks the result before it runs.
"""

from __future__ import annotations

import getpass
import re
import shutil
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from masthead.testing.processes import free_port

REPO = Path(__file__).resolve().parents[2]
DEPLOY = REPO / "deploy"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"

# ``user``: as root (CI), workers would switch to www-data and could not write the cache in the test's private
# temporary folder; as anyone else nginx ignores the line.
MAIN = """\
user {user};
worker_processes 1;
daemon off;
pid {root}/nginx.pid;
error_log {root}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {root}/access.log;
    client_body_temp_path {root}/tmp/body;
    proxy_temp_path {root}/tmp/proxy;
    fastcgi_temp_path {root}/tmp/fastcgi;
    uwsgi_temp_path {root}/tmp/uwsgi;
    scgi_temp_path {root}/tmp/scgi;
{http}
}}
"""


def available() -> bool:
    return Path(NGINX).exists()


def configure(name: str, root: Path, port: int, upstream_ports: list[int] | None = None) -> Path:
    """Write ``root/nginx.conf`` around ``deploy/<name>``, with this run's folder, port and upstream servers."""
    text = (DEPLOY / name).read_text()
    text, count = re.subn(r"proxy_cache_path /var/cache/nginx/masthead ", f"proxy_cache_path {root}/cache ", text)
    assert count == 1, f"{name}: expected one proxy_cache_path"
    text, count = re.subn(r"listen 80;", f"listen 127.0.0.1:{port};", text)
    assert count == 1, f"{name}: expected one `listen 80;`"
    if upstream_ports is not None:
        servers = re.findall(r"^ *server 127\.0\.0\.1:\d+(.*);$", text, flags=re.MULTILINE)
        assert servers, f"{name}: no upstream servers"
        options = servers[0]
        text = re.sub(r"^ *server 127\.0\.0\.1:\d+.*;\n", "", text, flags=re.MULTILINE)
        lines = "".join(f"    server 127.0.0.1:{p}{options};\n" for p in upstream_ports)
        text = re.sub(r"(upstream \w+ \{\n(?:.*\n)*?)(    keepalive)", lambda m: m.group(1) + lines + m.group(2),
                      text, count=1)
    (root / "tmp").mkdir(parents=True, exist_ok=True)
    conf = root / "nginx.conf"
    http = "\n".join("    " + line for line in text.splitlines())
    conf.write_text(MAIN.format(root=root, user=getpass.getuser(), http=http))
    return conf


def check(conf: Path) -> subprocess.CompletedProcess[str]:
    """``nginx -t`` on the configuration: its exit status and messages."""
    return subprocess.run([NGINX, "-t", "-e", str(conf.parent / "error.log"), "-c", str(conf)],
                          capture_output=True, text=True, timeout=30, check=False)


def start(conf: Path, port: int, timeout: float = 20) -> subprocess.Popen[bytes]:
    process = subprocess.Popen([NGINX, "-e", str(conf.parent / "error.log"), "-c", str(conf)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"nginx exited with {process.returncode}: {(conf.parent / 'error.log').read_text()}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5):
                return process
        except urllib.error.HTTPError:
            return process  # nginx answers (an upstream may not be ready yet)
        except (urllib.error.URLError, OSError):
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("nginx did not start")


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def balancer(folder: Path, upstream_ports: list[int], name: str = "nginx-scaled.conf") -> Iterator[str]:
    """nginx running ``deploy/<name>`` (by default the scaled shape's) in front of the app servers on
    ``upstream_ports``, its files in ``folder``; yields its base URL and stops it afterwards. The failure drills'
    readers and posters go through it, as they would through the site's balancer."""
    port = free_port()
    folder.mkdir(parents=True, exist_ok=True)
    conf = configure(name, folder, port, upstream_ports)
    checked = check(conf)
    assert checked.returncode == 0, checked.stderr
    process = start(conf, port)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(process)
