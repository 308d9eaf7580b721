"""CPU time per comment of the import's writer, in-process: ``python -m benchmarks.writer_cpu``.

Reads the generated WXR export the import scenario uses (``import_run.export_file``, written once per size into
``--bench-dir``), migrates a SQLite data folder there once, and for each round copies that fresh database into
place and runs the importer's ``Loader`` on the export (``--workers 1`` by default, as the import runs on two
cores), timing the writer's own CPU with ``time.process_time`` (the worker's is read from the children's usage
and printed apart). The writer's time is split into what it spends on the articles themselves (their save
through publishing, ``Loader._fill_article``, and their old addresses: ``_redirect``, and ``_write_addresses``
where the loader batches them) and the rest: reading the XML, building the records, handing them to the worker
and back, the id lookups, preparing and inserting the comment rows. Compare versions by running this for
each, alternately. ``--profile`` prints the writer's functions by own and cumulative time.

    python -m benchmarks.writer_cpu --bench-dir /tmp/bench --articles 200 --comments 20000
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import resource
import shutil
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.import_run import add_cpu_arguments, in_process_site


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    add_cpu_arguments(parser)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args(argv)
    export, data_dir = in_process_site(args, "writer-cpu-data")
    database = data_dir / "masthead.sqlite3"
    template = args.bench_dir / "writer-cpu-template.sqlite3"
    _vacuum_into(database, template)
    import django

    django.setup()
    from django.db import connections

    from masthead.importing.loader import Loader
    from masthead.importing.sources.wordpress import WordPressSource

    article_cpu = [0.0]
    inside = [0]

    def timed(function: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*a: Any, **k: Any) -> Any:
            inside[0] += 1
            started = time.process_time()
            try:
                return function(*a, **k)
            finally:
                inside[0] -= 1
                if not inside[0]:  # the outermost only: one may call another
                    article_cpu[0] += time.process_time() - started
        return wrapper

    # The article's own save (publishing) and the old addresses (redirect records, and the batches of them the
    # loader writes together where it does): not the writer's per-comment work.
    for name in ("_fill_article", "_redirect", "_write_addresses"):
        if hasattr(Loader, name):
            setattr(Loader, name, timed(getattr(Loader, name)))

    def fresh() -> None:
        connections.close_all()
        for suffix in ("-wal", "-shm"):
            Path(f"{database}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(template, database)

    def one_round(profiler: cProfile.Profile | None = None) -> tuple[float, float, float, int]:
        fresh()
        article_cpu[0] = 0.0
        children = _children_cpu()
        started = time.process_time()
        if profiler is not None:
            profiler.enable()
        summary = Loader(WordPressSource(export, {}), workers=args.workers).run()
        if profiler is not None:
            profiler.disable()
        writer = time.process_time() - started
        created = summary.count("comment", "created")
        return writer, article_cpu[0], _children_cpu() - children, created

    if args.profile:
        profiler = cProfile.Profile(time.process_time)
        writer, articles, worker, created = one_round(profiler)
        stats = pstats.Stats(profiler)
        stats.sort_stats("tottime").print_stats(45)
        stats.sort_stats("cumulative").print_stats(r"masthead", 50)
        print(f"{created} comments (profiled, so slower): writer {writer * 1000 / created:.4f} ms per comment, "
              f"of which articles {articles * 1000 / created:.4f}; worker {worker * 1000 / created:.4f}")
        return 0
    rows = []
    for _ in range(args.rounds):
        writer, articles, worker, created = one_round()
        rows.append((writer * 1000 / created, (writer - articles) * 1000 / created, worker * 1000 / created))
        print(f"{created} comments; CPU per comment (ms): writer {rows[-1][0]:.4f}, writer outside the articles' "
              f"saves {rows[-1][1]:.4f}, worker {rows[-1][2]:.4f}; load {os.getloadavg()[0]:.2f}", flush=True)
    print("median (ms per comment): writer {:.4f}, outside the articles' saves {:.4f}, worker {:.4f}".format(
        *(statistics.median(column) for column in zip(*rows, strict=True))))
    return 0


def _vacuum_into(database: Path, template: Path) -> None:
    import sqlite3

    template.unlink(missing_ok=True)
    with sqlite3.connect(database) as db:
        db.execute("VACUUM INTO ?", (str(template),))


if __name__ == "__main__":
    raise SystemExit(main())
