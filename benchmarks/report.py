"""The results as Markdown: the machine, the commands, the table with ratios, and the goals met or not.

``write`` replaces the block between the two markers in ``docs/benchmarks.md`` and leaves the prose around it.
"""

from __future__ import annotations

import os
import platform
import re
import shutil
import sqlite3
import subprocess
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks.scenarios import (
    POST_WHILE_FLOODED,
    POST_WHILE_READING,
    SCALING_PROCESSES,
    SCENARIOS,
    SIGNED_IN_PAGE,
    Row,
)

BEGIN = "<!-- benchmarks:results:begin (written by `python -m benchmarks`; edits inside are overwritten) -->"
END = "<!-- benchmarks:results:end -->"
# A run of the import scenario alone writes its own block, so it leaves the servers' latest results in place.
IMPORT_BEGIN = "<!-- benchmarks:import:begin (written by `python -m benchmarks --scenario import`) -->"
IMPORT_END = "<!-- benchmarks:import:end -->"

# DESIGN.md's performance goals.
GOAL_WORDPRESS = 300.0  # article page req/s vs WordPress's article page
GOAL_ISSO = 50.0  # article page req/s vs Isso's thread API
GOAL_STATIC = 0.5  # micro-cached article page vs nginx static
GOAL_DEEP = 1.5  # p99 of the 100,000-comment thread's first page vs the 10-comment thread's
GOAL_POST_P99_MS = 50.0
GOAL_RSS_MB = 150.0
GOAL_FRESH_S = 1.0
GOAL_SIGNED_IN_RPS = 500.0  # a signed-in reader's article page (issue #21: 5x the ~100/s of a full render)
PROJECTED_CORES = (4, 8, 16)
PAGE = "GET article page"  # the label of the plain page load, the one the goals compare


def _cmd(args: list[str]) -> str:
    try:
        done = subprocess.run(args, capture_output=True, text=True, timeout=10, check=False)
    except OSError:
        return ""
    return (done.stdout + done.stderr).strip()


def machine() -> dict[str, str]:
    """What the figures were measured on."""
    info: dict[str, str] = {"cpus": str(os.cpu_count())}
    cpuinfo = Path("/proc/cpuinfo").read_text() if Path("/proc/cpuinfo").exists() else ""
    model = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.M)
    info["cpu"] = model.group(1).strip() if model else platform.processor() or "?"
    meminfo = Path("/proc/meminfo").read_text() if Path("/proc/meminfo").exists() else ""
    total = re.search(r"^MemTotal:\s*(\d+) kB", meminfo, re.M)
    info["memory"] = f"{int(total.group(1)) / 2**20:.1f} GiB" if total else "?"
    info["kernel"] = platform.release()
    debian = Path("/etc/debian_version")
    info["os"] = f"Debian {debian.read_text().strip()}" if debian.exists() else platform.platform()
    info["python"] = platform.python_version()
    info["sqlite"] = sqlite3.sqlite_version
    info["wrk"] = _cmd(["wrk", "-v"]).splitlines()[0].split(" [")[0] if shutil.which("wrk") else "not installed"
    nginx = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    info["nginx"] = _cmd([nginx, "-v"]).removeprefix("nginx version: ") if nginx else "not installed"
    try:
        import django

        info["django"] = django.get_version()
    except ImportError:
        info["django"] = "?"
    try:
        import uvicorn

        info["uvicorn"] = uvicorn.__version__
    except ImportError:
        info["uvicorn"] = "?"
    return info


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3]) if Path("/proc/loadavg").exists() else "?"


def _mib(value: int) -> str:
    return f"{value / 2**20:.0f} MiB" if value else "-"


def _ms(value: float) -> str:
    return f"{value:.1f}" if value >= 10 else f"{value:.2f}"


def _find(rows: Iterable[Row], scenario: str, server_prefix: str, label: str | None = None) -> Row | None:
    for row in rows:
        if row.scenario == scenario and row.server.startswith(server_prefix) and row.result is not None and (
            label is None or row.label == label
        ):
            return row
    return None


def _ratio(a: Row | None, b: Row | None) -> float | None:
    if a is None or b is None or a.result is None or b.result is None or not b.result.requests:
        return None
    return a.result.rps / b.result.rps


def times(value: float) -> str:
    """A ratio as people read it: 312x, 4.2x, 0.19x, 0.0019x."""
    if value >= 10:
        return f"{value:,.0f}x"
    return f"{value:.2f}x" if value >= 0.1 else f"{value:.2g}x"


def ratios(row: Row, rows: list[Row]) -> str:
    """The row's requests/s against each peer measured in the same run."""
    parts = []
    if row.server.startswith("Masthead") and row.scenario in ("article", "microcache") and row.label == PAGE:
        for peer, scenario, name in (("WordPress", "article", "WordPress page"), ("Isso", "thread", "Isso thread"),
                                     ("nginx static", "article", "nginx static")):
            value = _ratio(row, _find(rows, scenario, peer))
            if value is not None:
                parts.append(f"{times(value)} {name}")
    if row.server.startswith("Masthead") and row.scenario == "thread":
        value = _ratio(row, _find(rows, "thread", "Isso"))
        if value is not None:
            parts.append(f"{times(value)} Isso thread")
    if row.server.startswith("Masthead") and row.scenario == "post" and row.label.startswith("POST"):
        isso = next((r for r in rows if r.scenario == "post" and r.server.startswith("Isso")
                     and r.label.startswith("POST") and r.result), None)
        if isso is not None and isso.result is not None and isso.result.requests and row.result and row.result.p99_ms:
            parts.append(f"p99 {times(row.result.p99_ms / isso.result.p99_ms)} Isso's")
    return "; ".join(parts)


def table(rows: list[Row]) -> str:
    lines = [
        "| scenario | server | request | conns | requests/s | p50 ms | p99 ms | errors | peak RSS (tree) | "
        "largest process (anon) | vs peers | note |",
        "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---|---|",
    ]
    for row in rows:
        r = row.result
        if r is None:
            continue
        lines.append(
            f"| {row.scenario} | {row.server} | {row.label} | {row.connections} | "
            f"{f'{r.rps:,.1f}' if r.requests else 'none completed'} | {_ms(r.p50_ms)} | "
            f"{_ms(r.p99_ms)} | {r.errors} | {_mib(row.rss_total)} | {_mib(row.rss_process)} "
            f"({_mib(row.rss_process_anon)}) | "
            f"{ratios(row, rows)} | {row.note} |"
        )
    return "\n".join(lines)


def goals(rows: list[Row], extras: dict[str, Any]) -> list[str]:
    """Each DESIGN.md goal with the figure from this run, and whether it is met."""
    out: list[str] = []

    def verdict(ok: bool) -> str:
        return "**met**" if ok else "**not met**"

    full = extras.get("articles", 0) >= 10_000 and extras.get("comments", 0) >= 1_000_000
    small_dataset = "" if full else " (a smaller dataset than the goal's: indicative only)"
    for db in sorted({row.server for row in rows if row.server.startswith("Masthead (")}):
        article = _find(rows, "article", db, PAGE)
        wordpress, isso = _find(rows, "article", "WordPress"), _find(rows, "thread", "Isso")
        value = _ratio(article, wordpress)
        if value is not None:
            out.append(f"- {db}: article page {times(value)} WordPress (goal ≥ {GOAL_WORDPRESS:.0f}x): "
                       f"{verdict(value >= GOAL_WORDPRESS)}")
        value = _ratio(article, isso)
        if value is not None:
            out.append(f"- {db}: article page {times(value)} Isso's thread API (goal ≥ {GOAL_ISSO:.0f}x): "
                       f"{verdict(value >= GOAL_ISSO)}")
        cached = _find(rows, "microcache", f"{db} + nginx")
        value = _ratio(cached, _find(rows, "article", "nginx static"))
        if value is not None:
            out.append(f"- {db} behind the nginx micro-cache: {times(value)} nginx static (goal ≥ {GOAL_STATIC}x): "
                       f"{verdict(value >= GOAL_STATIC)}")
        fresh = extras.get(f"freshness {db}")
        trivially = " (trivially: nothing was being cached)" if "HIT" not in extras.get(f"cache {db}", "HIT") else ""
        if fresh:
            out.append(f"- {db}: a new comment appeared through the micro-cache after {max(fresh):.2f} s at worst "
                       f"(trials {', '.join(f'{d:.2f}' for d in fresh)}; goal ≤ {GOAL_FRESH_S:.0f} s plus one "
                       f"origin request): {verdict(max(fresh) <= GOAL_FRESH_S + 0.25)}{trivially}")
        small = _find(rows, "deep", db, "10-comment thread, first page")
        deep = next((r for r in rows if r.scenario == "deep" and r.server == db and r.result
                     and r.label.startswith("deep thread") and r.label.endswith("first page")), None)
        # Both loads must have completed requests: a p99 of nothing is 0 (a division by zero, or a false "met").
        if small and deep and small.result and deep.result and small.result.requests and deep.result.requests:
            value = deep.result.p99_ms / small.result.p99_ms
            smaller = "" if extras.get("deep_size", 0) >= 100_000 else (
                f" (a {extras.get('deep_size', 0):,}-comment thread, not 100,000: indicative only)")
            out.append(f"- {db}: first page p99 of the deep thread {value:.2f}x the 10-comment thread's "
                       f"(goal ≤ {GOAL_DEEP}x): {verdict(value <= GOAL_DEEP)}{smaller}")
        post = _find(rows, "post", db, POST_WHILE_READING)
        readers = next((r for r in rows if r.scenario == "post" and r.server == db and r.label.startswith("GET")
                        and r.result), None)
        if post is not None and post.result is not None:
            fewer = "" if readers is None or readers.connections >= 500 else (
                f" (only {readers.connections} readers: indicative only)")
            out.append(f"- {db}: posting p99 {post.result.p99_ms:.1f} ms at {post.result.rps:.0f} posts/s while "
                       f"{readers.connections if readers else '?'} readers load the article page, each pausing "
                       f"about a second between pages (goal < {GOAL_POST_P99_MS:.0f} ms at 50/s with 500 readers): "
                       f"{verdict(post.result.p99_ms < GOAL_POST_P99_MS and post.result.errors == 0)}{fewer}")
        flooded = _find(rows, "post", db, POST_WHILE_FLOODED)
        if flooded is not None and flooded.result is not None:
            out.append(f"- {db}: stress, not a goal: with the same readers never pausing (the CPU saturated by "
                       f"page loads), posting p99 is {flooded.result.p99_ms:.0f} ms at {flooded.result.rps:.0f} "
                       "posts/s (docs/benchmarks.md, \"Posting while readers read\")")
        out += signed_in_lines(rows, db)
        bar = extras.get(f"bar {db}")
        if bar is not None:
            out.append(f"- {db}: after the webhook burst, the public funding totals included a new donation "
                       f"{bar:.3f} s after its webhook was sent (no numeric goal; the bar must not lag)")
        memory = next((r for r in rows if r.scenario == "memory" and r.server == db), None)
        if memory is not None:
            mb, anon = memory.rss_process / 1e6, memory.rss_process_anon / 1e6
            out.append(f"- {db}: largest app process {mb:.0f} MB resident ({anon:.0f} MB anonymous) with the "
                       f"seeded dataset "
                       f"(goal < {GOAL_RSS_MB:.0f} MB with 10,000 articles and 1,000,000 comments): "
                       f"{verdict(mb < GOAL_RSS_MB)}{small_dataset}")
    return out


def scaling_label(processes: int) -> str:
    return f"{SIGNED_IN_PAGE}, {processes} process{'es' if processes > 1 else ''}"


def signed_in_lines(rows: list[Row], db: str) -> list[str]:
    """The signed-in reader's goal next to the anonymous figure, then the scaling run and its projection."""
    out: list[str] = []
    signed = _find(rows, "signed-in", db, SIGNED_IN_PAGE)
    if signed is not None and signed.result is not None:
        rps = signed.result.rps
        anonymous = _find(rows, "article", db, PAGE)
        beside = (f"; the anonymous page, answered from the shared page cache, {anonymous.result.rps:,.0f} req/s"
                  if anonymous is not None and anonymous.result is not None else "")
        ok = rps >= GOAL_SIGNED_IN_RPS and signed.result.errors == 0
        out.append(f"- {db}: a signed-in reader's article page {rps:,.0f} req/s{beside} (goal ≥ "
                   f"{GOAL_SIGNED_IN_RPS:.0f} req/s): {'**met**' if ok else '**not met**'}")
    scaled = [(n, _find(rows, "signed-in", db, scaling_label(n))) for n in SCALING_PROCESSES]
    measured = [(n, r.result.rps) for n, r in scaled if r is not None and r.result is not None and r.result.requests]
    if measured:
        cores = os.cpu_count() or 1
        figures = ", ".join(f"{n} process{'es' if n > 1 else ''} {rps:,.0f} req/s" for n, rps in measured)
        # Per core: the best figure with at most one process per core, divided by the cores it could use.
        usable = [(n, rps) for n, rps in measured if n <= cores] or measured
        n_best, best = max(usable, key=lambda item: item[1])
        per_core = best / min(n_best, cores)
        projected = ", ".join(f"{c} cores ≈ {per_core * c:,.0f} req/s" for c in PROJECTED_CORES)
        out.append(f"- {db}: the signed-in page with app server processes on this {cores}-core machine: {figures}. "
                   f"Projected by cores ({per_core:,.0f} req/s per core, from {n_best} process"
                   f"{'es' if n_best > 1 else ''}): {projected}. Caveat: a projection, not a measurement; here wrk, "
                   "PostgreSQL and the app servers share the same cores (so per core is understated), while on a "
                   "bigger machine PostgreSQL's own CPU, its connections (each process has a pool) and the memory "
                   "bandwidth are shared by more processes and scaling stays below linear; measure on the target "
                   "machine before sizing it")
    return out


def render(*, rows: list[Row], skipped: list[tuple[str, str]], extras: dict[str, Any], command: str,
           info: dict[str, str], versions: list[str], notes: list[str], quick: bool,
           profiles: list[str] | None = None, imports: list[str] | None = None) -> str:
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    import_only = bool(imports) and not rows
    begin, end = (IMPORT_BEGIN, IMPORT_END) if import_only else (BEGIN, END)
    lines = [
        begin, "",
        f"### Latest {'import ' if import_only else ''}run: {when}{' (quick smoke run)' if quick else ''}", "",
        f"Command: `{command}`", "",
        f"Machine: {info['cpus']} CPUs ({info['cpu']}), {info['memory']} memory, {info['os']}, "
        f"Linux {info['kernel']}. Load average at start / end: {extras.get('load_start', '?')} / "
        f"{extras.get('load_end', '?')}.", "",
        f"Software: Python {info['python']}, Django {info['django']}, uvicorn {info['uvicorn']}, "
        f"SQLite {info['sqlite']}, {info['nginx']}, {info['wrk']}"
        + "".join(f", {v}" for v in versions) + ".", "",
    ]
    if extras.get("seed"):
        lines += [f"Seeded data: {extras['seed']}", ""]
    if rows or not imports:
        lines += [table(rows), "", "Goals (DESIGN.md), from this run:", ""]
        lines += goals(rows, extras) or ["- no goal could be evaluated from the scenarios run"]
    lines += imports or []
    if skipped:
        lines += ["", "Skipped in this run:", ""]
        lines += [f"- {scenario} ({SCENARIOS.get(scenario, scenario)}): {reason}" for scenario, reason in skipped]
    if notes:
        lines += ["", "Notes:", ""] + [f"- {note}" for note in notes]
    if profiles:
        lines += ["", "Where Masthead's time goes (cProfile, `python -m benchmarks.hotspots`):", ""]
        lines += [f"<details><summary>{p.split(':', 1)[0]}</summary>\n\n{p.split(':', 1)[1].strip()}\n\n</details>\n"
                  for p in profiles]
    lines += ["", end]
    return "\n".join(lines)


def write(doc: Path, block: str) -> None:
    """Replace the results block of ``doc`` that ``block`` is (the servers' or the import's), or append it."""
    begin, end_marker = (IMPORT_BEGIN, IMPORT_END) if block.startswith(IMPORT_BEGIN) else (BEGIN, END)
    text = doc.read_text() if doc.exists() else "# Benchmarks\n"
    start, end = text.find(begin), text.find(end_marker)
    if start != -1 and end != -1:
        text = text[:start] + block + text[end + len(end_marker):]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    doc.write_text(text)
