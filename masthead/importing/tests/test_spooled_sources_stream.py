"""Disqus and Remark42 exports list comments in any order; their adapters gather them per thread in a spool on disk,
so reading an export holds one thread at a time, not the whole file. Measured with tracemalloc while the records
are read (nothing is written: this is the adapter alone)."""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

import pytest

from masthead.importing.records import ArticleRecord
from masthead.importing.sources.base import Source
from masthead.importing.sources.disqus import DisqusSource
from masthead.importing.sources.remark42 import Remark42Source

THREADS = 60
PER_THREAD = 50  # 3,000 comments of 2 KB: 6 MB of text, listed round-robin across the threads
TEXT = ("A reader's long comment about the river path and the council budget. " * 30)[:2000]


def disqus_export(path: Path) -> Path:
    with path.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="utf-8"?>\n<disqus xmlns="http://disqus.com" '
                  'xmlns:dsq="http://disqus.com/disqus-internals">\n')
        for t in range(THREADS):
            out.write(f'<thread dsq:id="{t}"><link>https://old.example/{t}/</link><title>T{t}</title>'
                      "<createdAt>2020-01-01T00:00:00Z</createdAt></thread>\n")
        for n in range(THREADS * PER_THREAD):
            out.write(f'<post dsq:id="p{n}"><message><![CDATA[<p>{TEXT}</p>]]></message>'
                      f'<createdAt>2020-01-02T00:00:00Z</createdAt><author><name>R{n}</name></author>'
                      f'<thread dsq:id="{n % THREADS}"/></post>\n')
        out.write("</disqus>\n")
    return path


def remark42_export(path: Path) -> Path:
    with path.open("w", encoding="utf-8") as out:
        out.write(json.dumps({"version": 1, "users": [], "posts": []}) + "\n")
        for n in range(THREADS * PER_THREAD):
            out.write(json.dumps({"id": f"c{n}", "pid": "", "text": f"<p>{TEXT}</p>", "user": {"name": f"R{n}"},
                                  "locator": {"site": "s", "url": f"https://old.example/{n % THREADS}/"},
                                  "time": "2020-01-02T00:00:00Z"}) + "\n")
    return path


@pytest.mark.parametrize(("source_class", "make"), [(DisqusSource, disqus_export),
                                                     (Remark42Source, remark42_export)])
def test_reading_holds_one_thread_not_the_export(source_class: type[Source], make: object, tmp_path: Path) -> None:
    export = make(tmp_path / "export")  # type: ignore[operator]
    source = source_class(export, {})
    source.check()
    tracemalloc.start()
    comments = articles = 0
    try:
        for record in source.records():
            if isinstance(record, ArticleRecord):
                articles += 1
                comments += len(record.comments)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert (articles, comments) == (THREADS, THREADS * PER_THREAD)
    # All 3,000 comments held at once would take well over 6 MB; one thread's 50 take about 100 KB.
    assert peak < 2_000_000, peak
