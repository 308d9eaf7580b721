"""On PostgreSQL a unit's comments, decisions and id mappings go to the server with COPY. A batch the server
refuses fails its unit alone, named, inside its group, as a refused statement does: nothing of that article is
written, the other units of the group are whole, and the next run imports it and changes nothing else. (Before,
a COPY's error was the driver's own, not Django's, and stopped the import.)

The refusal is the server's own: a trigger, made by the test, that refuses one comment's row during the COPY.
The units are grouped only outside a transaction, so these tests commit for real (``transaction=True``).
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from django.db import connection

from masthead.discussion.models import Comment, Thread
from masthead.importing.loader import Loader
from masthead.importing.models import ImportedObject
from masthead.importing.records import ArticleRecord, Record
from masthead.moderation.models import ModerationDecision
from masthead.publishing.models import Article
from masthead.testing.importing import WHEN, ListSource, comment

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not os.environ.get("DATABASE_URL"), reason="COPY is used on PostgreSQL"),
]
REFUSED = "refused by the server"


def _drop_trigger() -> None:
    with connection.cursor() as cursor:
        cursor.execute("DROP TRIGGER IF EXISTS test_refuse_comment ON discussion_comment")
        cursor.execute("DROP FUNCTION IF EXISTS test_refuse_comment()")


@pytest.fixture
def refusing_server() -> Iterator[None]:
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE FUNCTION test_refuse_comment() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"IF position('{REFUSED}' in NEW.body) > 0 THEN RAISE EXCEPTION 'comment refused by a test trigger'; "
            "END IF; RETURN NEW; END $$")
        cursor.execute("CREATE TRIGGER test_refuse_comment BEFORE INSERT ON discussion_comment "
                       "FOR EACH ROW EXECUTE FUNCTION test_refuse_comment()")
    yield
    _drop_trigger()


def article(n: int, *, refused: bool = False) -> ArticleRecord:
    # Twelve comments in a chain with a branch: more than a few rows, so each batch goes with COPY.
    comments = [comment(f"{n}-0")] + [comment(f"{n}-{i}", f"{n}-{i - 1}") for i in range(1, 12)]
    comments.append(comment(f"{n}-x", f"{n}-3", body=f"This one is {REFUSED}." if refused else "A branch."))
    return ArticleRecord(str(n), f"Article {n}", WHEN, body_markdown=f"Text of article {n}.", comments=comments)


def whole_threads() -> None:
    """Each imported article has its thirteen comments, counted, each with its decision and its id mapping."""
    for thread in Thread.objects.all():
        comments = Comment.objects.filter(thread=thread)
        assert comments.count() == thread.comment_count == 13
    assert ModerationDecision.objects.count() == Comment.objects.count()
    assert ImportedObject.objects.filter(kind="comment").count() == Comment.objects.count()


def test_a_batch_the_server_refuses_fails_its_unit_alone_and_named(refusing_server: None) -> None:
    records: list[Record] = [article(1), article(2, refused=True), article(3)]
    summary = Loader(ListSource(records)).run()
    assert sorted(Article.objects.values_list("headline", flat=True)) == ["Article 1", "Article 3"]
    assert Comment.objects.count() == 26
    whole_threads()
    assert not ImportedObject.objects.filter(source_id__startswith="2").exists()  # neither the article nor a comment
    assert len(summary.errors) == 1
    assert summary.errors[0].startswith("article 2 ('Article 2')")
    assert "comment refused by a test trigger" in summary.errors[0]
    assert summary.count("article", "created") == 2
    assert summary.count("comment", "created") == 26

    _drop_trigger()
    again = Loader(ListSource(records)).run()
    assert again.errors == []
    assert again.count("article", "created") == 1
    assert again.count("comment", "created") == 13
    assert again.kinds["article"].skipped == {"already imported": 2}
    whole_threads()

    third = Loader(ListSource(records)).run()
    assert third.count("article", "created") == third.count("comment", "created") == 0
    assert third.kinds["comment"].skipped == {"already imported": 39}
    assert Comment.objects.count() == 39


def test_an_interrupted_import_keeps_the_units_sent_with_copy() -> None:
    records: list[Record] = [article(n) for n in range(1, 4)]
    with pytest.raises(KeyboardInterrupt):
        Loader(ListSource(records, crash_after=2)).run()
    assert Comment.objects.count() == 26
    whole_threads()
    summary = Loader(ListSource(records)).run()
    assert summary.count("comment", "created") == 13
    whole_threads()
