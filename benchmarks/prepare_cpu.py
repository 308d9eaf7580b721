"""CPU time per comment of the import's worker side, in-process: ``python -m benchmarks.prepare_cpu``.

Reads the generated WXR export the import scenario uses (``import_run.export_file``, written once per size into
``--bench-dir``), migrates a fresh SQLite data folder there, and runs the preparing workers' own function
(``importing.preparing._prepare_chunk``: convert, clean, render, sanitise, screen, build the rows) on every comment,
chunk by chunk as a worker gets them, timing it with ``time.process_time``. The reading of the export is left out:
that is the writer's. Repeats ``--rounds`` times and prints each round's CPU per comment and the median; compare
versions by running this for each, alternately. ``--profile`` prints the functions by own and cumulative time.

    python -m benchmarks.prepare_cpu --bench-dir /tmp/bench --articles 200 --comments 20000
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import statistics
import time

from benchmarks.import_run import add_cpu_arguments, in_process_site


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    add_cpu_arguments(parser)
    args = parser.parse_args(argv)
    export, _ = in_process_site(args, "prepare-cpu-data")
    import django

    django.setup()
    from masthead.importing.preparing import CHUNK, _comments_of, _prepare_chunk
    from masthead.importing.sources.wordpress import WordPressSource

    comments = [c for record in WordPressSource(export, {}).records() for c in _comments_of(record)]
    chunks = [comments[start : start + CHUNK] for start in range(0, len(comments), CHUNK)]
    _prepare_chunk(chunks[0])  # warm: the classifier, the settings, the connection
    if args.profile:
        profiler = cProfile.Profile(time.process_time)
        profiler.enable()
        for chunk in chunks:
            _prepare_chunk(chunk)
        profiler.disable()
        stats = pstats.Stats(profiler)
        stats.sort_stats("tottime").print_stats(30)
        stats.sort_stats("cumulative").print_stats(r"masthead", 40)
        return 0
    rounds = []
    for _ in range(args.rounds):
        started = time.process_time()
        for chunk in chunks:
            _prepare_chunk(chunk)
        rounds.append((time.process_time() - started) / len(comments) * 1000)
    print(f"{len(comments)} comments; CPU per comment (ms): {' '.join(f'{r:.4f}' for r in rounds)}; "
          f"median {statistics.median(rounds):.4f}; load {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
