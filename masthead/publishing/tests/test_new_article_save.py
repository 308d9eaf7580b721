"""A new article's save (no ``pk`` yet) sends none of the lookups and deletes that can find nothing for a row that
does not exist yet (its revision, authors, topics, terms, passage revision and anchors), and writes the same rows as
the long way, the one an existing article's save takes: compared here row for row. Issue 18: an import saves
thousands of new articles."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from unittest.mock import patch

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from masthead.passages.actions import on_article_changed
from masthead.passages.models import ArticleRevision
from masthead.publishing import actions
from masthead.publishing.models import Article, ArticleTerm, Revision
from masthead.testing.articles import DEFAULT_BODY, make_author, make_topic

pytestmark = pytest.mark.django_db
WHEN = datetime(2024, 5, 6, 7, 8, 9, tzinfo=UTC)
# A new article with authors and topics: the old slug's redirect dropped, the savepoint, the article, its revision,
# its authors, its topics, its terms, its passage revision, the savepoint released; and the slug's uniqueness
# looked up once (by full_clean, or by the slug's choice when the save picks it). 22 before issue 18's fifth pass.
NEW_ARTICLE_STATEMENTS = 10


def fields(row: Any, *leave_out: str) -> dict[str, Any]:
    skip = {"id", "article", "created_at", "updated_at", *leave_out}
    return {f.attname: getattr(row, f.attname) for f in row._meta.concrete_fields if f.name not in skip}


def stored(article: Article) -> dict[str, Any]:
    """Every row a save writes for an article, as data, without ids, slugs and times."""
    return {
        "article": fields(Article.objects.get(pk=article.pk), "slug", "revised_at"),
        "revisions": [fields(r) for r in Revision.objects.filter(article=article).order_by("number")],
        "passages": [fields(r) for r in ArticleRevision.objects.filter(article=article).order_by("number")],
        "terms": sorted(ArticleTerm.objects.filter(article=article).values_list("term", "weight")),
        "authors": sorted(article.authors.values_list("pk", flat=True)),
        "topics": sorted(article.topics.values_list("pk", flat=True)),
    }


def draft(slug: str) -> Article:
    return Article(headline="River path reopens", slug=slug, standfirst="After a year of works.", body=DEFAULT_BODY,
                   status=Article.Status.PUBLISHED, published_at=WHEN)


def test_a_new_article_is_stored_as_the_long_way_stores_it() -> None:
    authors, topics = [make_author(), make_author()], [make_topic(), make_topic()]
    new = actions.do_save_article(draft("new-way"), authors=authors, topics=topics)
    # The long way: the same article whose row exists already (bare, as nothing else writes one), then saved.
    long = draft("long-way")
    long.save()
    actions.do_save_article(long, authors=authors, topics=topics)
    assert stored(new) == stored(long)
    assert Revision.objects.get(article=new).number == 1
    assert ArticleRevision.objects.get(article=new).number == 1


def test_a_new_article_costs_the_pinned_statements() -> None:
    authors, topics = [make_author()], [make_topic()]
    with CaptureQueriesContext(connection) as given:
        actions.do_save_article(draft("given-slug"), authors=authors, topics=topics)
    chosen = draft("")
    with CaptureQueriesContext(connection) as picked:
        actions.do_save_article(chosen, authors=authors, topics=topics)
    assert chosen.slug == "river-path-reopens"
    assert len(given) == len(picked) == NEW_ARTICLE_STATEMENTS, [q["sql"][:80] for q in picked]


def test_a_slug_found_free_is_not_looked_up_again() -> None:
    slug = actions.free_article_slug("river-path-reopens")
    with CaptureQueriesContext(connection) as queries:
        actions.do_save_article(draft(slug), slug_free=True)
    assert not [q for q in queries if '"slug" =' in q["sql"]]
    assert actions.free_article_slug("river-path-reopens") == "river-path-reopens-2"


def test_a_new_articles_first_passage_revision_is_the_one_the_long_way_records() -> None:
    first = actions.do_save_article(draft("first"))
    second = actions.do_save_article(draft("second"))
    ArticleRevision.objects.filter(article=second).delete()  # as if the hook had not run for it
    on_article_changed(second)  # the long way: looks for the latest revision and the anchors, finds none
    leave = ("text_hash", "body_text")
    assert [fields(r, *leave) for r in ArticleRevision.objects.filter(article=first)] == [
        fields(r, *leave) for r in ArticleRevision.objects.filter(article=second)]


def test_an_external_address_is_still_checked_for_uniqueness() -> None:
    actions.do_save_article(Article(headline="Elsewhere", external_url="https://other.example/page"))
    again = Article(headline="Elsewhere again", external_url="https://other.example/page")
    with pytest.raises(ValidationError) as refused:
        actions.do_save_article(again)
    assert "article_external_url_once" in str(refused.value)  # refused before any write, as before


def test_a_save_inside_its_callers_unit_writes_the_same_rows_without_a_savepoint_of_its_own() -> None:
    # An importer's unit (a savepoint it rolls back whole on any failure) saves with savepoint=False.
    authors, topics = [make_author()], [make_topic()]
    with transaction.atomic():
        own = actions.do_save_article(draft("own-savepoint"), authors=authors, topics=topics)
        with CaptureQueriesContext(connection) as queries:
            inside = actions.do_save_article(draft("in-unit"), authors=authors, topics=topics, savepoint=False)
    assert stored(inside) == stored(own)
    assert len(queries) == NEW_ARTICLE_STATEMENTS - 2
    assert not [q for q in queries if "SAVEPOINT" in q["sql"]]


def test_a_save_without_its_savepoint_that_fails_leaves_the_callers_unit_to_roll_back_whole() -> None:
    def failing_terms(article: Article, *, new: bool) -> None:
        raise ValidationError("the terms could not be stored")

    with transaction.atomic():
        with (pytest.raises(ValidationError), transaction.atomic(),  # the caller's unit
              patch.object(actions.ranking, "store_terms", failing_terms)):
            actions.do_save_article(draft("half-saved"), savepoint=False)
        assert not Article.objects.filter(slug="half-saved").exists()  # the article's row went with the unit
        assert not Revision.objects.exists()
        kept = actions.do_save_article(draft("after"), savepoint=False)  # the transaction goes on
    assert list(Article.objects.values_list("pk", flat=True)) == [kept.pk]
