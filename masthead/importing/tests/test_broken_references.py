"""A reference broken while an article is written (its author deleted by then) fails that article alone: the
articles before and after it are committed. On SQLite each article is a transaction of its own, whose commit
checks its links; on PostgreSQL several articles share one (``loader.Group``), and the links are checked as each
statement ends, in the article's savepoint, not at the group's commit, which would lose the whole group.

These tests commit for real (``transaction=True``): the grouping, and SQLite's checks, apply only outside a
transaction.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.db import connection

from masthead.discussion.models import Comment
from masthead.importing import loader as loader_module
from masthead.importing.loader import Loader
from masthead.importing.records import ArticleRecord, AuthorRecord, Record
from masthead.publishing.models import Article
from masthead.testing.importing import WHEN, ListSource, comment

pytestmark = pytest.mark.django_db(transaction=True)


def article(n: int, authors: list[str]) -> ArticleRecord:
    return ArticleRecord(str(n), f"Article {n}", WHEN, body_markdown=f"Text of article {n}.", author_ids=authors,
                         comments=[comment(f"{n}-a"), comment(f"{n}-b", f"{n}-a")])


def test_an_author_deleted_while_its_article_is_written_fails_that_article_alone(
        monkeypatch: pytest.MonkeyPatch) -> None:
    real_save = loader_module.do_save_article

    def save(article: Article, **kwargs: Any) -> Article:
        if article.headline == "Article 2":  # its authors were read; the row goes before the article links to it
            with connection.cursor() as cursor:  # raw: Django's delete would unlink it first
                cursor.execute("DELETE FROM publishing_author WHERE slug = %s", ["bo"])
        return real_save(article, **kwargs)

    monkeypatch.setattr(loader_module, "do_save_article", save)
    records: list[Record] = [AuthorRecord("ed", "Ed", slug="ed"), AuthorRecord("bo", "Bo", slug="bo"),
                             article(1, ["ed"]), article(2, ["ed", "bo"]), article(3, ["ed"])]
    summary = Loader(ListSource(records), workers=0).run()
    assert len(summary.errors) == 1
    assert summary.errors[0].startswith("article 2 ")
    assert sorted(Article.objects.values_list("headline", flat=True)) == ["Article 1", "Article 3"]
    assert Comment.objects.count() == 4
    assert summary.count("article", "created") == 2
    assert summary.count("comment", "created") == 4
    assert all(list(a.authors.values_list("slug", flat=True)) == ["ed"] for a in Article.objects.all())
