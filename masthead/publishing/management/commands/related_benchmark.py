"""`masthead related_benchmark`: time "More on this topic" over a synthetic archive, in an EMPTY database.

Fills the database with N synthetic articles (Zipf-distributed made-up words, so document frequencies look like
real text), then times ranking one article and a full refresh (the article and its neighbours) for a few random
articles. It refuses to run on a database that already has articles. Example, on a scratch SQLite file:

    MASTHEAD_DATA_DIR=/tmp/related-bench masthead migrate
    MASTHEAD_DATA_DIR=/tmp/related-bench masthead related_benchmark --articles 10000
"""

from __future__ import annotations

import bisect
import itertools
import random
import resource
import time
from datetime import timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection
from django.utils import timezone

from masthead.publishing import actions, ranking, related
from masthead.publishing.models import Article, ArticleTerm, Topic

_SYLLABLES = ["ba", "ke", "lo", "mi", "nu", "ra", "se", "ti", "vo", "za", "pe", "do", "gu", "fa", "hi", "jo"]


class Command(BaseCommand):
    help = "Time related-article ranking over N synthetic articles (needs an empty database)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--articles", type=int, default=10_000)
        parser.add_argument("--samples", type=int, default=5)
        parser.add_argument("--seed", type=int, default=7)

    def handle(self, *args: object, **options: Any) -> None:
        if Article.objects.exists():
            raise CommandError("The database has articles: run this on an empty scratch database only.")
        count, samples = int(options["articles"]), int(options["samples"])
        rng = random.Random(options["seed"])
        started = time.perf_counter()
        self._seed(rng, count)
        self.stdout.write(f"Seeded {count} articles ({ArticleTerm.objects.count()} term rows) in "
                          f"{time.perf_counter() - started:.1f} s on {connection.vendor}.")
        for article_id in Article.objects.order_by("?").values_list("pk", flat=True)[:samples]:
            one = time.perf_counter()
            ranking.rank_related(article_id)
            ranked_ms = (time.perf_counter() - one) * 1000
            one = time.perf_counter()
            done = actions.do_refresh_related(article_id)
            refresh_s = time.perf_counter() - one
            self.stdout.write(f"article {article_id}: rank {ranked_ms:.0f} ms; refresh of {len(done)} lists "
                              f"{refresh_s:.2f} s")
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        self.stdout.write(f"Peak RSS {rss:.0f} MB (seeding included).")

    def _seed(self, rng: random.Random, count: int) -> None:
        vocabulary = sorted({"".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(40_000)})
        rng.shuffle(vocabulary)
        weights = list(itertools.accumulate(1 / (rank + 1) ** 1.05 for rank in range(len(vocabulary))))

        def word() -> str:
            return vocabulary[bisect.bisect(weights, rng.random() * weights[-1])]

        stories = [[word() for _ in range(15)] for _ in range(max(1, count // 8))]  # story threads share words
        topics = [Topic.objects.create(name=f"Topic {i}", slug=f"topic-{i}") for i in range(12)]
        now = timezone.now()
        rows = []
        for i in range(count):
            focus = rng.choice(stories)
            body = " ".join(rng.choice(focus) if rng.random() < 0.15 else word() for _ in range(700))
            rows.append(Article(
                headline=" ".join(rng.sample(focus, 6)), standfirst=" ".join(rng.sample(focus, 10)),
                slug=f"synthetic-{i}", body=body, body_html=f"<p>{body}</p>", body_text=body,
                status=Article.Status.PUBLISHED, published_at=now - timedelta(minutes=i),
            ))
        Article.objects.bulk_create(rows, batch_size=500)
        # Bulk writes bypass do_save_article on purpose (speed); the term rows are exactly what it stores.
        saved = Article.objects.values_list("pk", "headline", "standfirst", "body_text").iterator()
        ArticleTerm.objects.bulk_create(
            (
                ArticleTerm(article_id=pk, term=term, weight=weight)
                for pk, headline, standfirst, text in saved
                for term, weight in related.document_weights(related.term_counts(headline, standfirst, text)).items()
            ),
            batch_size=2000,
        )
        through = Article.topics.through
        ids = Article.objects.values_list("pk", flat=True)
        through.objects.bulk_create([through(article_id=pk, topic_id=rng.choice(topics).pk) for pk in ids],
                                    batch_size=1000)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")  # fresh statistics, as autovacuum would give a real archive
