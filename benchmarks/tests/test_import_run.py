"""The import scenario's pieces that need no database: the generated export (written once per size), the goal
judged from a measured or extrapolated rate, and its results block written beside the servers' block."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import import_run, report
from benchmarks.import_run import ImportResult
from benchmarks.report import BEGIN, END, IMPORT_BEGIN, IMPORT_END

INFO = {"cpus": "2", "cpu": "test CPU", "memory": "4.0 GiB", "os": "Debian 12", "kernel": "6.1", "python": "3.11",
        "django": "5.2", "uvicorn": "0.30", "sqlite": "3.40", "nginx": "nginx/1.22", "wrk": "wrk 4.1.0"}


def measured(comments: int, seconds: float, peak_mb: float = 200.0) -> ImportResult:
    return ImportResult(database="SQLite", posts=comments // 100, comments=comments, seconds=seconds,
                        cpu_seconds=seconds * 1.5,
                        peak_total=int(peak_mb * 1e6), peak_process=int(peak_mb * 0.6e6), workers=1,
                        load_before="0.10 0.20 0.30", load_after="1.00 1.00 1.00", summary="")


def test_the_export_is_generated_once_per_size(tmp_path: Path) -> None:
    path = import_run.export_file(tmp_path, 3, 4)
    text = path.read_text()
    assert text.count("<item>") == 3
    assert text.count("<wp:comment>") == 12
    path.write_text("kept")  # a later run with the same sizes reuses the file
    assert import_run.export_file(tmp_path, 3, 4).read_text() == "kept"


def test_the_goal_from_a_full_run_and_from_a_smaller_one() -> None:
    lines = "\n".join(import_run.lines([measured(1_000_000, 250.0), measured(100_000, 50.0, peak_mb=350.0)]))
    assert "| SQLite | 10,000 | 1,000,000 | 250.0 s | 4,000 | 375.0 s |" in lines
    assert "CPU time 0.38 ms per comment" in lines
    assert "a million comments in 4.2 min (measured): **met**; peak memory 200 MB" in lines
    assert "a million comments in 8.3 min (extrapolated from 100,000 comments at the same rate): **not met**" in lines
    assert "peak memory 350 MB for all the importer's processes (210 MB the largest): **not met**" in lines


def test_an_import_only_run_writes_its_own_block(tmp_path: Path) -> None:
    block = report.render(rows=[], skipped=[], extras={}, command="python -m benchmarks --scenario import",
                          info=INFO, versions=[], notes=[], quick=True,
                          imports=import_run.lines([measured(20_000, 10)]))
    assert block.startswith(IMPORT_BEGIN)
    assert block.endswith(IMPORT_END)
    doc = tmp_path / "benchmarks.md"
    doc.write_text(f"# Benchmarks\n\n{BEGIN}\nservers\n{END}\n")
    report.write(doc, block)
    report.write(doc, block)  # replaced, not appended twice
    assert doc.read_text() == f"# Benchmarks\n\n{BEGIN}\nservers\n{END}\n\n{block}\n"


def test_each_run_has_its_own_database_dropped_even_when_the_import_fails(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    created: list[str] = []
    dropped: list[str] = []

    def recreate(name: str) -> str:
        created.append(name)
        return f"postgres://127.0.0.1/{name}"

    monkeypatch.setattr(import_run.masthead_server, "recreate_pg_database", recreate)
    monkeypatch.setattr(import_run.masthead_server, "drop_pg_database", dropped.append)

    def failing(procs, data_dir, pg_name, *args, **kwargs):
        import_run.masthead_server.recreate_pg_database(pg_name)
        assert data_dir.is_dir()
        raise RuntimeError("the import failed")

    monkeypatch.setattr(import_run, "_run_import", failing)
    with pytest.raises(RuntimeError, match="the import failed"):
        import_run.run_import(None, tmp_path, "postgresql", tmp_path / "x.xml", 1, 1)  # type: ignore[arg-type]
    assert created == dropped
    assert created[0] != import_run.PG_IMPORT_DATABASE  # not the one name every checkout shares
    assert created[0].startswith(import_run.PG_IMPORT_DATABASE)
    assert import_run.run_name("postgresql", 1) != import_run.run_name("postgresql", 2)
    assert not list(tmp_path.glob("import-*"))  # the run's data folder is gone too
