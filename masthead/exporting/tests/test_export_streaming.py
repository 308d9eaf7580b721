"""The exporters stream: memory stays flat as the site grows, because rows are read a chunk at a time.

The site is generated straight into the tables (``bulk_create``, as benchmarks/seed.py does) because only its size
matters here; every comment carries 4 KB of text, so holding the rows would show at once in the peak.
"""

from __future__ import annotations

import io
import tracemalloc
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from masthead.discussion.actions import thread_for_article
from masthead.discussion.models import Comment, Thread, path_segment
from masthead.exporting import bundle
from masthead.exporting.wxr import write_wxr
from masthead.testing.articles import make_article

TEXT = ("A long reader comment about the council budget and the river path. " * 30)[:2000]
START = datetime(2026, 3, 4, 9, 30, tzinfo=UTC)


def grow(count: int) -> None:
    """``count`` more comments, spread over three articles' threads (made on the first call)."""
    threads = list(Thread.objects.order_by("pk")) or [
        thread_for_article(make_article(f"Article {n}", related=False)) for n in range(3)]
    start = Comment.objects.count()
    rows = [
        Comment(thread=threads[n % 3], author_name=f"Reader {n}", body=TEXT, body_html=f"<p>{TEXT}</p>",
                created_at=START + timedelta(seconds=n), path=path_segment(n + 1))
        for n in range(start, start + count)
    ]
    Comment.objects.bulk_create(rows, batch_size=500)


def peak_bytes(run: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("form", ["jsonl", "wxr"])
def test_peak_memory_does_not_grow_with_the_number_of_comments(db, tmp_path: Path, form: str) -> None:
    counter = iter(range(10))

    def export() -> int:
        if form == "jsonl":
            outdir = tmp_path / f"out{next(counter)}"
            return peak_bytes(lambda: bundle.export(outdir, chunk=100))

        class Discard(io.StringIO):
            def write(self, text: str) -> int:  # measure the exporter, not a buffer of its output
                return len(text)

        return peak_bytes(lambda: write_wxr(Discard(), chunk=100))

    grow(500)
    small = export()
    grow(2500)  # six times the comments: 3,000 of 4 KB each, 12 MB of text
    large = export()
    assert Comment.objects.count() == 3000
    # Holding the rows would cost well over 12 MB; a chunk of 100 costs about 0.5 MB whatever the total.
    assert large < 4_000_000, large
    assert large < small * 1.5 + 500_000, (small, large)
