"""The servers comparison (benchmarks/servers.py): which servers it accepts, and how rounds are summarised."""

from __future__ import annotations

import pytest

from benchmarks import servers
from benchmarks.scenarios import Bench, Config, Row
from benchmarks.wrk import Result


def bench_with(*rows: tuple[str, str, float, float]) -> Bench:
    bench = Bench(Config(seconds=1, post_seconds=1, connections=8, peer_connections=8, readers=10,
                         reader_pause_ms=1000, post_rate=5, threads=1, workers=1, quick=True))
    for server, label, rps, p99 in rows:
        bench.rows.append(Row("servers", server, label, Result(100, rps, p99 / 2, p99, 0, 0), rss_process=2**27,
                              connections=8))
    return bench


def test_every_server_may_stand_alone_or_behind_nginx():
    args = servers.parse_args(["--server", "gunicorn", "--server", "granian+nginx", "--server", "serve-nocache"])
    assert args.server == ["gunicorn", "granian+nginx", "serve-nocache"]
    assert all(name.removesuffix("+nginx") in servers.KNOWN for name in servers.SERVERS)


def test_an_unknown_server_is_refused(capsys):
    with pytest.raises(SystemExit):
        servers.parse_args(["--server", "waitress"])
    assert "unknown server 'waitress'" in capsys.readouterr().err


def test_rounds_are_summarised_by_their_median_with_every_round_shown():
    bench = bench_with(("gunicorn (SQLite)", "GET page", 10.0, 300.0), ("serve (SQLite)", "GET page", 30.0, 90.0),
                       ("gunicorn (SQLite)", "GET page", 20.0, 100.0), ("gunicorn (SQLite)", "GET page", 40.0, 200.0))
    lines = servers.medians(bench).splitlines()
    assert "| gunicorn (SQLite) | GET page | 20.0 (10, 20, 40) | 200.0 (300, 100, 200) |" in lines
    assert "| serve (SQLite) | GET page | 30.0 (30) | 90.0 (90) |" in lines


def test_the_table_has_a_row_per_measurement():
    table = servers.table(bench_with(("serve (SQLite)", "GET page", 1234.5, 9.87)))
    assert "| serve (SQLite) | GET page | 8 | 1,234.5 | 4.93 | 9.9 | 0 | 128 MiB |" in table.splitlines()
