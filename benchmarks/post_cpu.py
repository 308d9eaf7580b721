"""CPU time per post, in-process: ``python -m benchmarks.post_cpu`` in Masthead's environment (the seeded data
folder, database and ``REDIS_URL`` of a measured server).

Posts as the posting goal's load does (``scenarios.masthead_post_load``: a guest's top-level comment on the
200-comment thread, no idempotency key) through Django's whole stack with its test client, and reports the median
process CPU time of a post (``time.process_time``), the SQL statements of one post, and with ``--render`` the
median CPU of the article page rendered right after each post (what each server process does once a second while
posts arrive). CPU time hardly moves when other work shares the machine; compare versions by running this for
each, alternately, on the same data. ``--profile`` prints Masthead's functions by cumulative CPU instead.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import statistics
import sys
import time
from typing import Any

CSRF = "benchmarkcsrftokenbenchmarkcsrf0"  # any 32 characters: Django compares the header with the cookie


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--posts", type=int, default=150)
    parser.add_argument("--render", action="store_true", help="also the article page right after each post")
    parser.add_argument("--show-queries", action="store_true")
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")
    import django

    django.setup()
    from django.db import connection
    from django.test import Client

    from benchmarks.seed import SLUG_PREFIX
    from masthead.discussion.actions import thread_for_article
    from masthead.publishing.models import Article

    article = Article.objects.filter(slug=f"{SLUG_PREFIX}0").first()
    if article is None:
        raise SystemExit("no seeded article: run benchmarks.seed first")
    path, page = f"/api/discussion/threads/{thread_for_article(article).pk}/comments", article.get_absolute_url()
    poster, reader = Client(HTTP_HOST="127.0.0.1"), Client(HTTP_HOST="127.0.0.1")
    poster.cookies["csrftoken"] = CSRF
    number = [time.time_ns() // 1000 % 10**12]  # distinct texts across runs: none is a duplicate

    def post() -> None:
        number[0] += 1
        body = {"body": f"Benchmark comment number {number[0]}: the ferry timetable changes again next week.",
                "author_name": f"Bench reader {number[0]}"}
        answer = poster.post(path, json.dumps(body), content_type="application/json", HTTP_X_CSRFTOKEN=CSRF)
        if answer.status_code != 201:
            raise SystemExit(f"the post answered {answer.status_code}: {answer.content[:300]!r}")

    for _ in range(20):  # warm imports, templates, the classifier, the connection
        post()
        reader.get(page)
    executed: list[str] = []

    def count(execute: Any, sql: str, params: Any, many: bool, context: dict[str, Any]) -> Any:
        executed.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        post()
    if args.profile:
        profiler = cProfile.Profile(time.process_time)
        profiler.enable()
        for _ in range(args.posts):
            post()
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(r"masthead", 40)
        return 0
    posts, renders = [], []
    for _ in range(args.posts):
        began = time.process_time()
        post()
        posts.append((time.process_time() - began) * 1000)
        if args.render:
            began = time.process_time()
            reader.get(page)
            renders.append((time.process_time() - began) * 1000)
    line = (f"{connection.vendor}: {statistics.median(posts):.2f} ms CPU per post (median of {len(posts)}), "
            f"{len(executed)} SQL statements per post")
    if renders:
        line += f"; the article page after a post {statistics.median(renders):.2f} ms"
    print(f"{line}; load average {os.getloadavg()[0]:.2f}")
    if args.show_queries:
        for sql in executed:
            print("  " + sql[:300])
    return 0


if __name__ == "__main__":
    sys.exit(main())
