"""The report (benchmarks/report.py): each DESIGN.md goal judged at its threshold, from rows as the scenarios
record them, and the results block of docs/benchmarks.md replaced without touching the prose around it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from benchmarks import report
from benchmarks.report import BEGIN, END, PAGE
from benchmarks.scenarios import POST_WHILE_FLOODED, POST_WHILE_READING, SIGNED_IN_PAGE, Row
from benchmarks.wrk import Result

DB = "Masthead (SQLite)"
FULL = {"articles": 10_000, "comments": 1_000_000, "deep_size": 100_000}
MET, NOT_MET = "**met**", "**not met**"


def result(rps: float = 100.0, p99_ms: float = 10.0, *, requests: int = 1000, errors: int = 0) -> Result:
    return Result(requests=requests, rps=rps, p50_ms=p99_ms / 2, p99_ms=p99_ms, errors=errors, non_2xx=errors)


def row(scenario: str, server: str, label: str, res: Result | None, **fields: Any) -> Row:
    return Row(scenario, server, label, res, **fields)


def goal_line(rows: list[Row], extras: dict[str, Any], words: str) -> str:
    lines = [line for line in report.goals(rows, extras) if words in line]
    assert len(lines) == 1, report.goals(rows, extras)
    return lines[0]


def verdict(line: str) -> str:
    assert (MET in line) != (NOT_MET in line), line
    return MET if MET in line else NOT_MET


@pytest.mark.parametrize(("masthead_rps", "expected"), [(600.0, MET), (599.9, NOT_MET)])
def test_article_page_must_answer_300_times_wordpress(masthead_rps: float, expected: str) -> None:
    rows = [row("article", DB, PAGE, result(masthead_rps)),
            row("article", "WordPress", "GET article page", result(2.0))]
    line = goal_line(rows, FULL, "WordPress")
    assert verdict(line) == expected
    assert "goal ≥ 300x" in line


@pytest.mark.parametrize(("masthead_rps", "expected"), [(150.0, MET), (149.9, NOT_MET)])
def test_article_page_must_answer_50_times_issos_thread_api(masthead_rps: float, expected: str) -> None:
    rows = [row("article", DB, PAGE, result(masthead_rps)), row("thread", "Isso", "GET thread API", result(3.0))]
    assert verdict(goal_line(rows, FULL, "Isso's thread API")) == expected


@pytest.mark.parametrize(("cached_rps", "expected"), [(500.0, MET), (499.9, NOT_MET)])
def test_micro_cached_page_must_answer_half_as_fast_as_nginx_static(cached_rps: float, expected: str) -> None:
    rows = [row("article", DB, PAGE, result(800.0)),
            row("microcache", f"{DB} + nginx micro-cache", PAGE, result(cached_rps)),
            row("article", "nginx static (same bytes)", PAGE, result(1000.0))]
    assert verdict(goal_line(rows, FULL, "nginx static")) == expected


@pytest.mark.parametrize(("worst", "expected"), [(1.25, MET), (1.26, NOT_MET)])
def test_new_comment_must_show_through_the_micro_cache_within_a_second_and_one_request(
        worst: float, expected: str) -> None:
    extras = {**FULL, f"freshness {DB}": [0.2, worst, 0.9], f"cache {DB}": "cache status MISS/HIT/HIT"}
    line = goal_line([row("article", DB, PAGE, result())], extras, "micro-cache after")
    assert verdict(line) == expected
    assert f"{worst:.2f} s at worst" in line
    assert "trivially" not in line


def test_freshness_without_cache_hits_is_called_trivial() -> None:
    extras = {**FULL, f"freshness {DB}": [0.1], f"cache {DB}": "cache status MISS/MISS/MISS"}
    assert "trivially" in goal_line([row("article", DB, PAGE, result())], extras, "micro-cache after")


@pytest.mark.parametrize(("deep_p99", "expected"), [(30.0, MET), (30.01, NOT_MET)])
def test_deep_thread_first_page_p99_must_stay_within_1_5_times_the_small_threads(
        deep_p99: float, expected: str) -> None:
    rows = [row("deep", DB, "10-comment thread, first page", result(p99_ms=20.0)),
            row("deep", DB, "deep thread (100,000 comments), first page", result(p99_ms=deep_p99)),
            row("deep", DB, "deep thread (100,000 comments), load more 90% down", result(p99_ms=500.0))]
    line = goal_line(rows, FULL, "deep thread")
    assert verdict(line) == expected
    assert "indicative only" not in line


@pytest.mark.parametrize("empty", ["10-comment thread, first page", "deep thread (100,000 comments), first page"])
def test_deep_thread_goal_is_not_judged_when_a_load_completed_no_request(empty: str) -> None:
    rows = [row("deep", DB, label, result(0.0, 0.0, requests=0, errors=8) if label == empty else result(p99_ms=20.0))
            for label in ("10-comment thread, first page", "deep thread (100,000 comments), first page")]
    assert report.goals(rows, FULL) == []


def test_a_smaller_deep_thread_than_the_goals_is_marked_indicative() -> None:
    rows = [row("deep", DB, "10-comment thread, first page", result(p99_ms=20.0)),
            row("deep", DB, "deep thread (1,000 comments), first page", result(p99_ms=21.0))]
    line = goal_line(rows, {**FULL, "deep_size": 1_000}, "deep thread")
    assert "a 1,000-comment thread, not 100,000: indicative only" in line


@pytest.mark.parametrize(("p99_ms", "errors", "expected"), [(49.9, 0, MET), (50.0, 0, NOT_MET), (12.0, 1, NOT_MET)])
def test_posting_p99_must_stay_under_50_ms_without_errors(p99_ms: float, errors: int, expected: str) -> None:
    rows = [row("post", DB, POST_WHILE_READING, result(50.0, p99_ms, errors=errors), connections=50),
            row("post", DB, "GET article page (500 readers, reading)", result(480.0), connections=500),
            row("post", DB, POST_WHILE_FLOODED, result(49.0, 900.0), connections=50)]
    line = goal_line(rows, FULL, "goal < 50 ms")
    assert verdict(line) == expected
    assert "500 readers load" in line
    # The flooded run is reported as a stress figure, never judged.
    stress = goal_line(rows, FULL, "stress, not a goal")
    assert MET not in stress
    assert NOT_MET not in stress


def test_posting_with_fewer_readers_than_the_goals_is_marked_indicative() -> None:
    rows = [row("post", DB, POST_WHILE_READING, result(50.0, 10.0), connections=50),
            row("post", DB, "GET article page (100 readers, reading)", result(90.0), connections=100)]
    assert "only 100 readers: indicative only" in goal_line(rows, FULL, "goal < 50 ms")


@pytest.mark.parametrize(("resident", "expected"), [(149_999_999, MET), (150_000_000, NOT_MET)])
def test_largest_app_process_must_stay_under_150_mb(resident: int, expected: str) -> None:
    rows = [row("memory", DB, "GET random article of 10,000", result(), rss_process=resident,
                rss_process_anon=resident // 2)]
    line = goal_line(rows, FULL, "largest app process")
    assert verdict(line) == expected
    assert "indicative only" not in line
    small = goal_line(rows, {"articles": 500, "comments": 20_000}, "largest app process")
    assert "a smaller dataset than the goal's: indicative only" in small


def test_goals_are_judged_per_database_and_only_from_what_was_measured() -> None:
    postgres = "Masthead (PostgreSQL)"
    rows = [row("article", DB, PAGE, result(900.0)), row("article", postgres, PAGE, result(300.0)),
            row("article", "WordPress", "GET article page", result(2.0)),
            row("thread", "Isso", "GET thread API", None)]  # Isso measured nothing: no Isso goal
    lines = report.goals(rows, FULL)
    assert lines == [f"- {postgres}: article page 150x WordPress (goal ≥ 300x): {NOT_MET}",
                     f"- {DB}: article page 450x WordPress (goal ≥ 300x): {MET}"]


def test_a_peer_that_completed_no_request_gives_no_ratio() -> None:
    rows = [row("article", DB, PAGE, result(900.0)),
            row("article", "WordPress", "GET article page", result(0.0, 0.0, requests=0))]
    assert report.goals(rows, FULL) == []


def test_write_replaces_only_the_results_block(tmp_path: Path) -> None:
    before = "# Benchmarks\n\nProse above, with `code` and a table.\n\n| a | b |\n|---|---|\n\n"
    after = "\n\n## After the results\n\nMore prose.\n"
    doc = tmp_path / "benchmarks.md"
    doc.write_text(f"{before}{BEGIN}\n\nold table\n\n- old goal: **met**\n\n{END}{after}")

    report.write(doc, f"{BEGIN}\n\nnew table\n\n{END}")
    assert doc.read_text() == f"{before}{BEGIN}\n\nnew table\n\n{END}{after}"

    report.write(doc, f"{BEGIN}\n\nnewer table\n\n{END}")  # the next run replaces it again: still one block
    assert doc.read_text() == f"{before}{BEGIN}\n\nnewer table\n\n{END}{after}"


def test_write_appends_a_block_to_a_document_without_one(tmp_path: Path) -> None:
    doc = tmp_path / "benchmarks.md"
    doc.write_text("# Benchmarks\n\nNo results yet.\n\n")
    report.write(doc, f"{BEGIN}\nfirst\n{END}")
    assert doc.read_text() == f"# Benchmarks\n\nNo results yet.\n\n{BEGIN}\nfirst\n{END}\n"


def test_rendered_report_is_one_block_write_can_replace(tmp_path: Path) -> None:
    info = {"cpus": "2", "cpu": "test CPU", "memory": "4.0 GiB", "os": "Debian 12", "kernel": "6.1", "python": "3.11",
            "django": "5.2", "uvicorn": "0.30", "sqlite": "3.40", "nginx": "nginx/1.22", "wrk": "wrk 4.1.0"}
    rows = [row("article", DB, PAGE, result(600.0)), row("article", "WordPress", "GET article page", result(2.0))]
    block = report.render(rows=rows, skipped=[("funding", "no campaign")], extras=FULL, command="python -m benchmarks",
                          info=info, versions=[], notes=[], quick=False)
    assert block.startswith(BEGIN)
    assert block.endswith(END)
    assert f"- {DB}: article page 300x WordPress (goal ≥ 300x): {MET}" in block
    doc = tmp_path / "benchmarks.md"
    doc.write_text(f"# Benchmarks\n\n{BEGIN}\nold\n{END}\n\nTail.\n")
    report.write(doc, block)
    assert doc.read_text() == f"# Benchmarks\n\n{block}\n\nTail.\n"


@pytest.mark.parametrize(("signed_in_rps", "expected"), [(500.0, MET), (499.9, NOT_MET)])
def test_signed_in_page_must_answer_500_a_second_next_to_the_anonymous_figure(signed_in_rps: float,
                                                                             expected: str) -> None:
    rows = [row("article", DB, PAGE, result(40_000.0)),
            row("signed-in", DB, SIGNED_IN_PAGE, result(signed_in_rps))]
    line = goal_line(rows, FULL, "signed-in reader")
    assert verdict(line) == expected
    assert "goal ≥ 500 req/s" in line
    assert "anonymous page" in line
    assert "40,000 req/s" in line


def test_signed_in_errors_fail_the_goal() -> None:
    rows = [row("signed-in", DB, SIGNED_IN_PAGE, result(900.0, errors=3))]
    assert verdict(goal_line(rows, FULL, "signed-in reader")) == NOT_MET


def test_scaling_by_processes_is_projected_by_cores_with_its_caveat(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(report.os, "cpu_count", lambda: 2)
    pg = "Masthead (PostgreSQL)"
    rows = [row("signed-in", pg, report.scaling_label(n), result(rps))
            for n, rps in ((1, 400.0), (2, 700.0), (3, 650.0))]
    line = goal_line(rows, FULL, "app server processes")
    assert "1 process 400 req/s, 2 processes 700 req/s, 3 processes 650 req/s" in line
    # 700 req/s from 2 processes on 2 cores: 350 per core; the third process has no core of its own.
    assert "350 req/s per core, from 2 processes" in line
    assert "8 cores ≈ 2,800 req/s" in line
    assert "16 cores ≈ 5,600 req/s" in line
    assert "Caveat: a projection, not a measurement" in line
    assert MET not in line
    assert NOT_MET not in line
