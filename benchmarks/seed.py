"""Fast bulk seeding of a benchmark site: ``python -m benchmarks.seed [options]`` in Masthead's environment.

Run by the harness in a subprocess with the same ``MASTHEAD_DATA_DIR`` / ``DATABASE_URL`` as the ``masthead
serve`` it benchmarks (after ``masthead migrate``). It writes straight to the tables with ``bulk_create`` in
large transactions, so the full dataset (10,000 articles, 1,000,000 comments, one thread of 100,000) takes
seconds to a couple of minutes instead of the hours that going through the actions one comment at a time would.
Rendering is done once per distinct text with the same renderers the actions use, so stored HTML is identical.

What it creates, in order (article numbers are stable, so every server gets the same content):
- article 0: the 200-comment article (150 top-level comments, 50 replies; the same texts Isso and WordPress get);
- article 1: a 10-comment thread; article 2: the deep thread (``--deep-thread`` comments);
- the other articles share the rest of ``--comments`` evenly.

The last line printed is ``SEED_JSON {...}``: the paths and ids the harness loads.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

BATCH = 2000  # rows per INSERT (well under SQLite's bound-variable limit for these tables)
TRANSACTION_ROWS = 100_000  # rows per transaction: large for speed, bounded for memory and WAL size
TEXT_POOL = 1000  # distinct comment texts beyond the first 200 (rendered once each, then reused)
SLUG_PREFIX = "bench-"


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")
    import django

    django.setup()


def _batches(rows: Iterator[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _bulk(model: Any, rows: Iterator[Any]) -> int:
    """Insert ``rows`` in batches, committing every ``TRANSACTION_ROWS``; returns how many."""
    from django.db import transaction

    count = 0
    for chunk in _batches(rows, TRANSACTION_ROWS):
        with transaction.atomic():
            model.objects.bulk_create(chunk, batch_size=BATCH)
        count += len(chunk)
    return count


# --- articles -------------------------------------------------------------------------------------------


def seed_articles(count: int) -> list[int]:
    """``count`` published articles with authors and topics; returns their ids by article number."""
    from benchmarks import text
    from masthead.core.markdown import RENDERER_VERSION, render_article
    from masthead.publishing.models import Article, Author, Topic
    from masthead.publishing.text import html_to_text

    authors = Author.objects.bulk_create(
        [Author(name=f"Bench Author {i}", slug=f"{SLUG_PREFIX}author-{i}") for i in range(5)]
    )
    topics = Topic.objects.bulk_create(
        [Topic(name=f"Bench Topic {i}", slug=f"{SLUG_PREFIX}topic-{i}") for i in range(6)]
    )
    bodies: dict[int, tuple[str, str, str]] = {}  # a few distinct bodies, rendered once

    def body(n: int) -> tuple[str, str, str]:
        key = n % 20
        if key not in bodies:
            markdown = text.article_text(key)
            html = render_article(markdown)
            bodies[key] = (markdown, html, html_to_text(html))
        return bodies[key]

    start = datetime.now(UTC) - timedelta(minutes=count + 10)

    def rows() -> Iterator[Any]:
        for n in range(count):
            markdown, html, plain = body(n)
            yield Article(
                headline=text.headline(n), slug=f"{SLUG_PREFIX}{n}", standfirst=text.sentence_for(n),
                body=markdown, body_html=html, body_text=plain, render_version=RENDERER_VERSION,
                status=Article.Status.PUBLISHED,
                # Article 0 is the newest, so it heads the home page like a fresh story.
                published_at=start + timedelta(minutes=count - n),
            )

    _bulk(Article, rows())
    ids = dict(Article.objects.filter(slug__startswith=SLUG_PREFIX).values_list("slug", "id"))
    ordered = [ids[f"{SLUG_PREFIX}{n}"] for n in range(count)]
    author_links = Article.authors.through
    topic_links = Article.topics.through
    _bulk(author_links, (author_links(article_id=a, author_id=authors[i % 5].pk) for i, a in enumerate(ordered)))
    _bulk(topic_links, (topic_links(article_id=a, topic_id=topics[i % 6].pk) for i, a in enumerate(ordered)))
    return ordered


# --- discussion -----------------------------------------------------------------------------------------


def discussion_missing() -> str | None:
    """Why comments cannot be seeded here (the discussion app's models or tables are not there), else None."""
    try:
        from masthead.discussion import models
    except ImportError as exc:
        return f"masthead.discussion.models cannot be imported ({exc})"
    needed = {"Thread": ["key", "article", "comment_count", "version"],
              "Comment": ["thread", "parent", "root_id", "path", "depth", "body", "body_html", "status",
                          "created_at", "reply_count"]}
    for model_name, fields in needed.items():
        model = getattr(models, model_name, None)
        if model is None:
            return f"masthead.discussion.models has no {model_name}"
        names = {f.name for f in model._meta.get_fields()}
        missing = [f for f in fields if f not in names]
        if missing:
            return f"{model_name} has no field {', '.join(missing)} (the seeder follows an older model)"
    from django.db import connection

    tables = set(connection.introspection.table_names())
    for model in (models.Thread, models.Comment):
        if model._meta.db_table not in tables:
            return f"table {model._meta.db_table} does not exist (no discussion migration yet)"
    return None


class RowTemplate:
    """A model's columns and one row of database-ready default values, to write many rows without model objects.

    Building a Django model instance and preparing its fields costs more than inserting it; for a million rows
    the seeder fills a copy of this template instead and changes only the columns that vary.
    """

    def __init__(self, model: Any, **defaults: Any) -> None:
        from django.db import connection

        self.model = model
        self.fields = list(model._meta.concrete_fields)
        self.columns = [f.column for f in self.fields]
        self.index = {f.attname: i for i, f in enumerate(self.fields)}
        instance = model(**defaults)
        self.values = [f.get_db_prep_save(f.pre_save(instance, add=True), connection) for f in self.fields]

    def prep(self, attname: str, value: Any) -> Any:
        from django.db import connection

        return self.fields[self.index[attname]].get_db_prep_save(value, connection)


def insert_rows(template: RowTemplate, rows: Iterator[list[Any]]) -> int:
    """Write rows: COPY on PostgreSQL, batched executemany elsewhere; one transaction per ``TRANSACTION_ROWS``."""
    from django.db import connection, transaction

    quote = connection.ops.quote_name
    table = quote(template.model._meta.db_table)
    columns = ", ".join(quote(c) for c in template.columns)
    count = 0
    for chunk in _batches(rows, TRANSACTION_ROWS):
        with transaction.atomic(), connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                    for row in chunk:
                        copy.write_row(row)
            else:
                placeholders = ", ".join(["%s"] * len(template.columns))
                cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", chunk)  # noqa: S608 (names from model metadata, quoted)
        count += len(chunk)
    return count


class CommentFactory:
    """Comment rows with explicit ids, so the materialized path is known without a second write."""

    def __init__(self, first_id: int, start: datetime) -> None:
        from benchmarks import text
        from masthead.core.markdown import RENDERER_VERSION, render_comment
        from masthead.discussion.models import Comment

        self.next_id = first_id
        self.start = start
        self._render = render_comment
        self._text = text
        self._rendered: dict[int, tuple[str, str]] = {}
        self._names: dict[int, str] = {}
        self.template = RowTemplate(
            Comment, thread_id=0, author_name="", body="", created_at=start, render_version=RENDERER_VERSION,
            status=Comment.Status.VISIBLE,
        )

    def _body(self, n: int) -> tuple[str, str]:
        key = n if n < 200 else 200 + n % TEXT_POOL
        if key not in self._rendered:
            markdown = self._text.comment_text(key)
            self._rendered[key] = (markdown, self._render(markdown))
        return self._rendered[key]

    def _name(self, n: int) -> str:
        key = n if n < 200 else n % 5000
        if key not in self._names:
            self._names[key] = self._text.author_name(key)
        return self._names[key]

    def thread_rows(self, thread_id: int, count: int, shape: Callable[[int], int | None]) -> Iterator[list[Any]]:
        """``count`` visible comments of one thread, oldest first; ``shape(n)`` names the parent's number."""
        from masthead.discussion.models import path_segment

        t = self.template
        at = t.index
        base = self.next_id
        self.next_id += count
        for n in range(count):
            comment_id = base + n
            parent = shape(n)
            if parent is None:
                parent_id, root_id, path, depth = None, comment_id, path_segment(comment_id), 0
            else:
                parent_id = base + parent
                root_id, path, depth = parent_id, path_segment(parent_id) + path_segment(comment_id), 1
            markdown, html = self._body(n)
            row = t.values.copy()
            row[at["id"]], row[at["thread_id"]], row[at["parent_id"]] = comment_id, thread_id, parent_id
            row[at["root_id"]], row[at["path"]], row[at["depth"]] = root_id, path, depth
            row[at["author_name"]], row[at["reader_key"]] = self._name(n), f"bench-{n % 5000}"
            row[at["body"]], row[at["body_html"]] = markdown, html
            row[at["created_at"]] = t.prep("created_at", self.start + timedelta(seconds=n))
            row[at["reply_count"]] = 1 if n + 1 < count and shape(n + 1) == n else 0
            yield row


def seed_discussion(article_ids: list[int], *, total: int, deep: int) -> dict[str, Any]:
    """Threads and comments for the seeded articles (see the module docstring); returns thread ids."""
    from django.db import connection
    from django.db.models import Max

    from benchmarks import text
    from masthead.discussion.models import Comment, Thread

    sizes: dict[int, int] = {0: 200, 1: 10}
    if len(article_ids) > 2 and deep:
        sizes[2] = deep
    rest = max(0, total - sum(sizes.values()))
    others = list(range(3, len(article_ids)))
    if others and rest:
        share, extra = divmod(rest, len(others))
        for i, n in enumerate(others):
            sizes[n] = share + (1 if i < extra else 0)

    threads = Thread.objects.bulk_create(
        [Thread(key=f"article:{article_ids[n]}", article_id=article_ids[n], comment_count=size)
         for n, size in sizes.items()], batch_size=BATCH,
    )
    by_article = dict(zip(sizes, threads, strict=True))
    first_id = (Comment.objects.aggregate(top=Max("id"))["top"] or 0) + 1
    factory = CommentFactory(first_id, datetime.now(UTC) - timedelta(days=30))
    starts: dict[int, int] = {}  # article number -> id of its thread's first comment (threads written in order)
    offset = first_id
    for n, size in sizes.items():
        starts[n] = offset
        offset += size

    def rows() -> Iterator[Any]:
        for n, size in sizes.items():
            yield from factory.thread_rows(by_article[n].pk, size, text.parent_index)

    written = insert_rows(factory.template, rows())
    # Explicit ids leave PostgreSQL's sequence behind; SQLite's AUTOINCREMENT follows on its own.
    from django.core.management.color import no_style

    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), [Comment]):
            cursor.execute(statement)
    deep_cursor = None
    if 2 in by_article:
        # "Load more" far down the default (newest first) order: the cursor after the top-level comment a tenth
        # of the way from the oldest end, as a reader who kept loading would reach it.
        from masthead.discussion.pages import cursor_for

        n = sizes[2] // 10
        while text.parent_index(n) is not None:
            n += 1
        deep_cursor = cursor_for(Comment.objects.get(pk=starts[2] + n), "newest").encode()
    return {
        "comments": written,
        "deep_cursor": deep_cursor,
        "thread_200": by_article[0].pk,
        "thread_10": by_article[1].pk,
        "thread_deep": by_article[2].pk if 2 in by_article else None,
        "deep_size": sizes.get(2, 0),
    }


def seed_moderation() -> dict[str, Any]:
    """Let the benchmark's posts through the gates that are about who posts, not what is posted.

    Every benchmark post comes from a new guest on 127.0.0.1. With the defaults a guest's first comment waits for
    review, so neither the visible-comment path (counts, version bump, live event) nor the micro-cache freshness
    could be measured; and the per-network rate limit (all load comes from one address) would answer most posts
    with a cheap 429. Both are turned off, as Isso's guard is; the classifier and the word rules still run on
    every post.
    """
    try:
        from masthead.moderation.models import ModerationSettings
    except ImportError:
        return {}
    from django.db import connection

    if ModerationSettings._meta.db_table not in connection.introspection.table_names():
        return {}
    names = {f.name for f in ModerationSettings._meta.get_fields()}
    if "first_comment_review_guest" not in names:
        return {}
    settings_row, _ = ModerationSettings.objects.get_or_create(pk=1)
    settings_row.first_comment_review_guest = False
    for limit in ("rate_limit_network", "rate_limit_account"):  # 0 = no limit
        if limit in names:
            setattr(settings_row, limit, 0)
    settings_row.save()
    return {"moderation": "first-comment review of guests and per-network/per-reader rate limits off"}


def seed_funding() -> dict[str, Any]:
    """The active campaign (its bar shows on article pages), or why there is none."""
    try:
        from masthead.funding.models import Campaign
    except ImportError as exc:
        return {"funding_skipped": f"masthead.funding.models cannot be imported ({exc})"}
    from django.db import connection

    if Campaign._meta.db_table not in connection.introspection.table_names():
        return {"funding_skipped": f"table {Campaign._meta.db_table} does not exist"}
    Campaign.objects.filter(is_active=True).update(is_active=False)
    campaign = Campaign.objects.create(
        name="Bench campaign", goal=100_000_000, currency="usd", period=Campaign.Period.MONTHLY, is_active=True,
        max_amount=100_000_000,
    )
    return {
        "campaign": campaign.pk,
        "webhook_path": _path("funding:stripe_webhook"),
        "funding_json": _path("api:campaign_totals"),
    }


def _path(name: str, **kwargs: Any) -> str | None:
    from django.urls import NoReverseMatch, reverse

    try:
        return reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        return None


def finish_bulk_load() -> None:
    """What a live site's database has and a bulk load leaves out: on PostgreSQL, planner statistics and the
    visibility map (``VACUUM ANALYZE``). Autovacuum would do it within minutes of the load where it runs, but
    the loads start at once, and a server with autovacuum off (as on this machine) would never have them:
    every query then planned on default estimates, and the first readers of each page set its hint bits."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--comments", type=int, default=1_000_000, help="all comments, the deep thread included")
    parser.add_argument("--deep-thread", type=int, default=100_000)
    args = parser.parse_args(argv)
    if args.articles < 3:
        parser.error("--articles must be at least 3")
    _setup_django()
    from masthead.publishing.models import Article

    if Article.objects.filter(slug__startswith=SLUG_PREFIX).exists():
        print("the database already holds benchmark articles: use a fresh database", file=sys.stderr)
        return 2
    began = time.monotonic()
    ids = seed_articles(args.articles)
    result: dict[str, Any] = {"articles": len(ids), "article_path": Article.objects.get(pk=ids[0]).get_absolute_url()}
    reason = discussion_missing()
    if reason is None:
        result.update(seed_discussion(ids, total=args.comments, deep=args.deep_thread))
        for key in ("thread_200", "thread_10", "thread_deep"):
            if result.get(key):
                result[f"{key}_json"] = _path("api:list_comments", thread_id=result[key])
        result["post_path"] = _path("api:post_comment", thread_id=result["thread_200"])
    else:
        result["discussion_skipped"] = reason
    result.update(seed_moderation())
    result.update(seed_funding())
    finish_bulk_load()
    result["seconds"] = round(time.monotonic() - began, 1)
    print("SEED_JSON " + json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
