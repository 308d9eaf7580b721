"""The loader with a source written here (as the Disqus, Isso, Remark42 and Ghost adapters will be): separate
comment batches, subscriptions, redirects to plain URLs, passages not found, an interrupted run that resumes,
moderation of imported comments, and the progress display."""

from __future__ import annotations

import io

import pytest

from masthead.discussion.models import Comment, DiscussionSettings
from masthead.importing.loader import Loader, _tree_order
from masthead.importing.models import Redirect
from masthead.importing.progress import Progress
from masthead.importing.records import (
    ArticleRecord,
    CommentBatch,
    CommentStatus,
    PassageQuote,
    Record,
    RedirectRecord,
    SubscriptionRecord,
)
from masthead.importing.tests.conftest import snapshot
from masthead.moderation.models import ModerationDecision
from masthead.notifications.models import Delivery, Subscription
from masthead.passages.models import PassageAnchor
from masthead.publishing.models import Article
from masthead.testing.importing import WHEN, ListSource, comment

pytestmark = pytest.mark.django_db
def three_articles() -> list[Record]:
    return [
        ArticleRecord(str(n), f"Article {n}", WHEN, body_markdown=f"Text of article {n}.",
                      comments=[comment(f"{n}-a"), comment(f"{n}-b", f"{n}-a"), comment(f"{n}-c", f"{n}-b")])
        for n in range(1, 4)
    ]


def test_an_interrupted_import_resumes_where_it_stopped():
    with pytest.raises(KeyboardInterrupt):
        Loader(ListSource(three_articles(), crash_after=2)).run()
    assert Article.objects.count() == 2
    assert Comment.objects.count() == 6  # the two finished articles, each whole

    summary = Loader(ListSource(three_articles())).run()
    assert summary.count("article", "created") == 1
    assert summary.kinds["article"].skipped == {"already imported": 2}
    assert summary.count("comment", "created") == 3
    assert Comment.objects.count() == 9
    third = Comment.objects.get(body="Comment 3-c.")
    assert third.parent is not None
    assert third.parent.parent is not None
    assert third.parent.parent.body == "Comment 3-a."


def test_comments_exported_apart_from_their_articles_join_the_tree():
    records: list[Record] = [
        ArticleRecord("t1", "Thread page", WHEN, body_markdown="Body."),
        CommentBatch("t1", [comment("c2", "c1"), comment("c1")]),  # a reply before its parent
        CommentBatch("t1", [comment("c3", "c2"), comment("c1")]),  # later: a reply to an imported one, a repeat
        CommentBatch("missing", [comment("x1")]),
    ]
    summary = Loader(ListSource(records)).run()
    c1, c2, c3 = (Comment.objects.get(body=f"Comment {n}.") for n in ("c1", "c2", "c3"))
    assert (c2.parent_id, c3.parent_id, c3.depth) == (c1.pk, c2.pk, 2)
    assert summary.kinds["comment"].skipped == {"already imported": 1, "its article is not imported": 1}
    assert Article.objects.get().thread.comment_count == 3


def test_missing_parents_and_cycles_are_kept_at_the_top_level_and_counted():
    records: list[Record] = [ArticleRecord("a", "Tree", WHEN, body_markdown="Body.", comments=[
        comment("1"), comment("2", "1"), comment("3", "gone"), comment("4", "5"), comment("5", "4"),
        comment("6", "6"), comment("2", "1", body="A second comment 2."),
    ])]
    summary = Loader(ListSource(records)).run()
    assert Comment.objects.count() == 6
    orphans = summary.kinds["comment"].orphaned
    assert sum(orphans.values()) == 3  # 3 (parent gone), one of the 4/5 cycle, 6 (answers itself)
    assert summary.kinds["comment"].skipped == {"the same id twice in the export: kept the first": 1}
    four, five = Comment.objects.get(body="Comment 4."), Comment.objects.get(body="Comment 5.")
    assert {four.parent_id, five.parent_id} == {None, four.pk}  # the cycle broken once, the rest kept
    assert not Comment.objects.filter(body="A second comment 2.").exists()


def test_tree_order_puts_every_parent_first():
    records = {sid: comment(sid, parent) for sid, parent in [("c", "b"), ("b", "a"), ("a", None), ("d", "zz")]}
    order = [(r.source_id, why is not None) for r, why in _tree_order(records, {})]
    assert order == [("a", False), ("b", False), ("c", False), ("d", True)]


def test_only_confirmed_subscriptions_are_imported_and_no_mail_goes_out():
    records: list[Record] = [
        ArticleRecord("s", "Subscribed", WHEN, body_markdown="Body."),
        SubscriptionRecord("1", "s", "Reader@Example.org", confirmed=True, created_at=WHEN),
        SubscriptionRecord("2", "s", "unsure@example.org", confirmed=False),
        SubscriptionRecord("3", "s", "replies@example.org", kind="replies", confirmed=True),
        SubscriptionRecord("4", "elsewhere", "x@example.org", confirmed=True),
    ]
    summary = Loader(ListSource(records)).run()
    rows = Subscription.objects.order_by("subscriber__email")
    assert [(s.subscriber.email, s.kind, s.status) for s in rows] == [
        ("reader@example.org", "thread", "active"), ("replies@example.org", "replies", "active")]
    assert rows[0].confirmed_at == WHEN
    assert summary.kinds["subscription"].skipped == {
        "not confirmed at the source": 1, "its article is not imported": 1}
    assert not Delivery.objects.exists()  # no confirmation mail: they confirmed at the source


def test_imported_comments_are_screened_but_the_sources_approval_stands():
    DiscussionSettings.objects.update_or_create(pk=1, defaults={"premoderation": True})
    insult = "You are a worthless idiot and a moron."
    records: list[Record] = [ArticleRecord("m", "Moderated", WHEN, body_markdown="Body.", comments=[
        comment("ok", body="A thoughtful remark about the budget."),
        comment("rude", body=insult),
        comment("held", body="Waiting at the source.", status=CommentStatus.PENDING),
        comment("spam", body="Cheap pills here.", status=CommentStatus.REJECTED),
    ])]
    Loader(ListSource(records)).run()
    by_body = {c.body: c for c in Comment.objects.all()}
    assert by_body["A thoughtful remark about the budget."].status == Comment.Status.VISIBLE  # no pre-moderation
    rude = by_body[insult]
    assert rude.status == Comment.Status.VISIBLE  # approved there: not held here
    assert rude.moderation_reasons[0] == "imported as visible"
    assert any(reason.startswith("screening:") for reason in rude.moderation_reasons)  # what screening thought
    assert ModerationDecision.objects.get(comment=rude).action == "hold"  # ...recorded as the decision
    assert by_body["Waiting at the source."].status == Comment.Status.PENDING
    assert by_body["Cheap pills here."].status == Comment.Status.REJECTED
    assert ModerationDecision.objects.count() == 4


def test_a_quote_no_longer_in_the_article_keeps_an_orphaned_anchor():
    records: list[Record] = [ArticleRecord("p", "Passages", WHEN, body_markdown="The bridge opens  in\nJune.",
                                           comments=[
        comment("found", passage=PassageQuote("The bridge opens in June")),
        comment("gone", passage=PassageQuote("The tunnel closes in July.")),
        comment("reply", "found", passage=PassageQuote("The bridge")),  # replies are not passage comments
    ])]
    summary = Loader(ListSource(records)).run()
    found = PassageAnchor.objects.get(comment__body="Comment found.")
    # Found although the Markdown had other spaces and a line break (the article's text collapses them).
    assert (found.status, found.exact) == (PassageAnchor.Status.EXACT, "The bridge opens in June")
    gone = PassageAnchor.objects.get(comment__body="Comment gone.")
    assert (gone.status, gone.original_exact) == (PassageAnchor.Status.ORPHANED, "The tunnel closes in July.")
    assert PassageAnchor.objects.count() == 2
    assert summary.kinds["passage"].orphaned == {"the quoted passage is no longer in the article": 1}


def test_redirects_to_plain_addresses_and_unknown_targets():
    records: list[Record] = [
        RedirectRecord("/old-feed.xml", "url", "/feed/"),
        RedirectRecord("/old/topic/", "topic", "never-imported"),
        RedirectRecord("/feed/", "url", "/feed/"),
    ]
    summary = Loader(ListSource(records)).run()
    assert list(Redirect.objects.values_list("old_path", "target")) == [("/old-feed.xml", "/feed/")]
    assert summary.kinds["redirect"].skipped == {
        "its target (topic) is not imported": 1, "the old address is the new one": 1}


def test_two_sources_with_the_same_ids_do_not_collide():
    Loader(ListSource(three_articles(), key="test:one")).run()
    Loader(ListSource(three_articles(), key="test:two")).run()
    assert Article.objects.count() == 6
    assert Comment.objects.count() == 18


def test_a_changed_article_is_updated_and_its_new_comments_added():
    first = three_articles()[:1]
    Loader(ListSource(first)).run()
    changed = three_articles()[:1]
    article = changed[0]
    assert isinstance(article, ArticleRecord)
    article.headline = "Article 1, corrected"
    article.comments.append(comment("1-d", "1-a"))
    summary = Loader(ListSource(changed)).run()
    assert (summary.count("article", "updated"), summary.count("comment", "created")) == (1, 1)
    assert Article.objects.get().headline == "Article 1, corrected"
    before = snapshot()
    Loader(ListSource(changed)).run()
    assert snapshot() == before


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_bar_redraws_in_place_on_a_terminal_and_prints_lines_elsewhere():
    terminal, log = Terminal(), io.StringIO()
    Loader(ListSource(three_articles()), progress=Progress(terminal, total=3)).run()
    Loader(ListSource(three_articles(), key="test:again"), progress=Progress(log)).run()
    drawn = terminal.getvalue()
    assert drawn.startswith("\r[")
    assert drawn.endswith("[##############################] 100% 3 articles, 9 comments of 3 articles\n")
    assert "\r" not in log.getvalue()
    assert log.getvalue() == "3 articles, 9 comments - done\n"


def test_a_blank_comment_claims_no_id_so_a_later_one_with_it_is_kept_with_its_replies():
    first = three_articles()[:1]
    article = first[0]
    assert isinstance(article, ArticleRecord)
    article.comments = [comment("x", body=" "), comment("x", body="The one with words."), comment("y", "x")]
    summary = Loader(ListSource(first)).run()
    kept = Comment.objects.get(body="The one with words.")
    assert Comment.objects.get(body="Comment y.").parent_id == kept.pk
    assert summary.count("comment", "created") == 2
    assert summary.count("comment", "skipped") == 1


def test_a_blank_comment_with_replies_or_deleted_at_the_source_is_kept_as_a_tombstone():
    first = three_articles()[:1]
    article = first[0]
    assert isinstance(article, ArticleRecord)
    article.comments = [
        comment("r1", "blank"), comment("blank", body=" ", status=CommentStatus.APPROVED, upvotes=2),  # answered
        comment("gone", body=" ", status=CommentStatus.DELETED),  # deleted at the source, nobody answered
        comment("empty", body="\n"),  # blank, unanswered: skipped
    ]
    summary = Loader(ListSource(first)).run()
    tombstones = Comment.objects.filter(status=Comment.Status.DELETED).order_by("pk")
    assert [(t.author_name, t.body, t.upvotes) for t in tombstones] == [("Reader blank", "", 2), ("Reader gone", "", 0)]
    reply = Comment.objects.get(body="Comment r1.")
    assert (reply.parent_id, reply.depth) == (tombstones[0].pk, 1)
    assert summary.count("tombstone", "created") == 2
    assert summary.kinds["comment"].skipped == {"no text": 1}
    assert summary.count("comment", "orphaned") == 0
    assert Article.objects.get().thread.comment_count == 1  # tombstones are not shown comments
    before = Comment.objects.count()
    again = Loader(ListSource(first)).run()
    assert Comment.objects.count() == before
    assert again.kinds["comment"].skipped["already imported"] == 3


def test_a_new_article_is_remembered_with_its_comments_or_alone_when_none_is_written():
    # A new article's id mapping goes in its comments' insert; with no comment written (none, only blank ones, a
    # tombstone first) it is written on its own: every article is remembered once, so a second run skips them all.
    from masthead.importing.models import ImportedObject

    records: list[Record] = [
        ArticleRecord("a", "With comments", WHEN, body_markdown="Body.", comments=[comment("a1"), comment("a2", "a1")]),
        ArticleRecord("b", "Without", WHEN, body_markdown="Body."),
        ArticleRecord("c", "Blank only", WHEN, body_markdown="Body.", comments=[comment("c1", body=" ")]),
        ArticleRecord("d", "Tombstone first", WHEN, body_markdown="Body.",
                      comments=[comment("d1", body=" ", status=CommentStatus.DELETED), comment("d2", "d1")]),
    ]
    summary = Loader(ListSource(records)).run()
    assert summary.count("article", "created") == 4
    assert not summary.errors
    mapped = dict(ImportedObject.objects.filter(kind="article").values_list("source_id", "object_id"))
    headlines = dict(Article.objects.values_list("headline", "pk"))
    assert mapped == {record.source_id: headlines[record.headline] for record in records}  # type: ignore[union-attr]
    assert sorted(ImportedObject.objects.filter(kind="comment").values_list("source_id", flat=True)) == [
        "a1", "a2", "d1", "d2"]
    again = Loader(ListSource(records)).run()
    assert again.kinds["article"].skipped == {"already imported": 4}
    assert Article.objects.count() == 4
