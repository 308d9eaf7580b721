"""The peers a publisher would pick instead of Masthead, installed into the bench folder and started there.

Each module exposes a ``start(...)`` returning a ``Peer``: the URLs to load and the PIDs whose process trees
count for memory. Packages come from the registries through their ordinary clients (apt-get, pip).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass, field


@dataclass
class Peer:
    name: str
    urls: dict[str, str]  # scenario -> URL
    pids: list[int]  # process-tree roots counted for memory
    notes: list[str] = field(default_factory=list)


def apt_install(*packages: str) -> None:
    """Install Debian packages that are missing (root only; otherwise say what to install)."""
    missing = [p for p in packages if subprocess.run(
        ["dpkg-query", "-W", "-f=${Status}", p], capture_output=True, text=True, check=False
    ).stdout.strip() != "install ok installed"]
    if not missing:
        return
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        raise RuntimeError(f"install these Debian packages first: apt-get install {' '.join(missing)}")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    # --no-install-recommends: WordPress would otherwise pull in Apache and a local MySQL server.
    install = ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing]
    if subprocess.run(install, check=False, env=env).returncode != 0:
        subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)  # package lists missing or stale
        subprocess.run(install, check=True, env=env)
