"""deploy/: the nginx configurations pass `nginx -t` as shipped (only the places changed), and the systemd units
say what the runbook says (one app server per port, no embedded worker, the shared environment file)."""

from __future__ import annotations

import re

import pytest

from masthead.testing import nginx

DEPLOY = nginx.DEPLOY
needs_nginx = pytest.mark.skipif(not nginx.available(), reason="nginx is not installed (.ci/run installs it)")


@needs_nginx
@pytest.mark.parametrize("name", ["nginx-scaled.conf", "nginx-microcache.conf"])
def test_the_nginx_configuration_passes_nginx_t(name, tmp_path):
    upstreams = [8101, 8102, 8103] if name == "nginx-scaled.conf" else None
    conf = nginx.configure(name, tmp_path, 8080, upstreams)
    result = nginx.check(conf)
    assert result.returncode == 0, result.stderr
    assert "syntax is ok" in result.stderr
    if upstreams:
        assert conf.read_text().count("max_fails=2 fail_timeout=10s;") == 3


def test_the_scaled_nginx_configuration_balances_streams_and_bypasses_the_cache_for_readers():
    text = (DEPLOY / "nginx-scaled.conf").read_text()
    upstream = re.search(r"upstream masthead_app \{(.*?)\n\}", text, re.DOTALL)
    assert upstream
    servers = re.findall(r"^\s*server (\S+) (.*);", upstream.group(1), re.MULTILINE)
    assert len(servers) >= 3
    assert all("max_fails=" in options and "fail_timeout=" in options for _, options in servers)
    # Not http_503: a database outage makes every server answer 503, and nginx would then mark them all down.
    assert "proxy_next_upstream error timeout http_502 http_504;" in text
    events = re.search(r"location ~ \^/\(discussion/threads.*?\{(.*?)\n    \}", text, re.DOTALL)
    assert events
    assert "proxy_buffering off;" in events.group(1)
    assert "proxy_cache off;" in events.group(1)
    for cookie in ("sessionid", "mh_reader", "mh_edit"):
        assert re.search(rf'"~\*\(\^\|;\\s\*\){cookie}="\s+1;', text), cookie
    assert "proxy_cache_bypass $masthead_personal $masthead_unsafe;" in text
    assert "proxy_no_cache     $masthead_personal $masthead_unsafe;" in text


def _service(name: str) -> dict[str, str]:
    """The [Service] section of a unit; a key given on several lines (Environment=) has them joined by spaces."""
    section, found = "", dict[str, str]()
    for line in (DEPLOY / "systemd" / name).read_text().splitlines():
        if line.startswith("["):
            section = line.strip("[]")
        elif section == "Service" and "=" in line and not line.startswith("#"):
            key, value = line.split("=", 1)
            found[key] = f"{found[key]} {value}" if key in found else value
    return found


def test_the_app_server_unit_serves_one_port_per_instance_without_a_worker_or_migrations():
    service = _service("masthead@.service")
    assert service["ExecStart"] == "/srv/masthead/.venv/bin/masthead serve --port %i"
    assert "EMBEDDED_WORKER=false" in service["Environment"]
    assert "ExecStartPre" not in service  # migrations run once per release, not by every server
    assert service["EnvironmentFile"] == "/etc/masthead/masthead.env"
    assert service["KillSignal"] == "SIGTERM"
    assert int(service["TimeoutStopSec"]) >= 20  # drain, in-flight requests and the 5 s stream grace


def test_the_worker_unit_runs_masthead_worker_with_the_same_environment():
    service = _service("masthead-worker@.service")
    assert service["ExecStart"] == "/srv/masthead/.venv/bin/masthead worker"
    assert service["EnvironmentFile"] == "/etc/masthead/masthead.env"


def test_the_example_environment_names_only_documented_settings():
    guide = (DEPLOY.parent / "docs" / "operations.md").read_text()
    names = re.findall(r"^([A-Z0-9_]+)=", (DEPLOY / "systemd" / "masthead.env.example").read_text(), re.MULTILINE)
    assert "MEDIA_S3_BUCKET" in names
    assert [name for name in names if f"`{name}`" not in guide] == []
