"""The first page of a thread costs the same number of queries whatever the thread size."""

import random

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from masthead.discussion.actions import new_article_thread, thread_for_article
from masthead.discussion.models import Comment, Thread
from masthead.discussion.render import first_page
from masthead.testing.discussion import Guest, make_article, post_as, reader

pytestmark = pytest.mark.django_db


def _article_with(n_comments: int):
    article = make_article()
    thread = thread_for_article(article)
    rng = random.Random(n_comments)
    posted: list[Comment] = []
    for n in range(n_comments):
        parent = rng.choice(posted) if posted and rng.random() < 0.5 else None
        posted.append(post_as(thread, reader(f"r{n}"), body=f"comment {n}", parent_id=parent.pk if parent else None))
    return article, thread


def _count(call) -> int:
    with CaptureQueriesContext(connection) as captured:
        call()
    return len(captured)


def test_first_page_queries_do_not_grow_with_the_thread(settings):
    # Every request renders the whole page: a kept skeleton is fresh until the end of its second, so with it on,
    # a second ending between two counts would make one of them a render and the other not (a flaky count).
    settings.PERSONAL_PAGE_SKELETONS = False
    small, small_thread = _article_with(3)
    large, large_thread = _article_with(150)
    guest = Guest()
    guest.open(large.get_absolute_url())
    guest.api("post", f"/comments/{large_thread.comments.first().pk}/vote", {"value": 1})  # a reader with votes
    # Warm sessions, settings, staff names and both cached first pages.
    guest.open(small.get_absolute_url())
    guest.open(large.get_absolute_url())

    warm_small = _count(lambda: guest.open(small.get_absolute_url()))
    warm_large = _count(lambda: guest.open(large.get_absolute_url()))
    assert warm_small == warm_large

    def fresh_fragment(article, thread):
        thread.__class__.objects.filter(pk=thread.pk).update(version=thread.version + 1000)  # a new version: miss
        return _count(lambda: guest.open(article.get_absolute_url()))

    miss_small = fresh_fragment(small, small_thread)
    miss_large = fresh_fragment(large, large_thread)
    assert miss_small == miss_large
    assert miss_large > warm_large


def test_a_first_page_is_two_queries_on_a_miss_and_none_on_a_hit():
    for size in (3, 150):
        article, thread = _article_with(size)
        thread = thread_for_article(article)
        assert _count(lambda t=thread, a=article: first_page(t, "newest", 20, a.get_absolute_url())) == 2
        assert _count(lambda t=thread, a=article: first_page(t, "newest", 20, a.get_absolute_url())) == 0
        assert _count(lambda t=thread, a=article: first_page(t, "votes", 20, a.get_absolute_url(), pages=3)) == 2


def test_api_page_queries_do_not_grow_with_the_thread():
    _, small_thread = _article_with(3)
    _, large_thread = _article_with(120)
    guest = Guest()
    counts = [
        _count(lambda t=t: guest.client.get(f"/api/discussion/threads/{t.pk}/comments"))
        for t in (small_thread, large_thread)
    ]
    assert counts[0] == counts[1]
    assert counts[1] <= 4


def test_first_page_keys_name_the_cached_entries():
    from masthead.discussion.render import first_page_keys, fragment_cache

    article, thread = _article_with(2)
    thread = thread_for_article(article)
    first_page(thread, "oldest", 20, article.get_absolute_url(), pages=2)
    first_page(thread, "newest", 10, article.get_absolute_url())
    keys = first_page_keys(thread.pk)
    assert sum(fragment_cache().get(key) is not None for key in keys) == 2


def test_a_first_page_of_another_version_or_size_is_rendered_again_under_the_same_key():
    from masthead.discussion.actions import bump_version
    from masthead.discussion.render import first_page_keys, fragment_cache

    article, thread = _article_with(2)
    thread = thread_for_article(article)
    url = article.get_absolute_url()
    first_page(thread, "newest", 20, url)
    assert _count(lambda: first_page(thread, "newest", 10, url)) == 2  # another page size: rendered again
    bump_version(thread.pk)
    thread = thread_for_article(article)
    assert _count(lambda: first_page(thread, "newest", 10, url)) == 2  # another version: rendered again
    assert _count(lambda: first_page(thread, "newest", 10, url)) == 0
    assert sum(fragment_cache().get(key) is not None for key in first_page_keys(thread.pk)) == 1


def test_a_new_articles_thread_is_one_insert_and_the_row_thread_for_article_makes():
    looked_up, inserted = make_article(), make_article()
    usual = thread_for_article(looked_up)  # finds none, creates it
    with CaptureQueriesContext(connection) as captured:
        direct = new_article_thread(inserted)
    assert [q["sql"].split()[0] for q in captured] == ["INSERT"]
    assert thread_for_article(inserted) == direct  # the thread later lookups find
    leave = {"id", "key", "article", "created_at"}
    assert {f.attname: getattr(Thread.objects.get(pk=direct.pk), f.attname) for f in Thread._meta.concrete_fields
            if f.name not in leave} == {f.attname: getattr(Thread.objects.get(pk=usual.pk), f.attname)
                                        for f in Thread._meta.concrete_fields if f.name not in leave}
    assert (direct.key, direct.article_id) == (f"article:{inserted.pk}", inserted.pk)
    with pytest.raises(IntegrityError), transaction.atomic():
        new_article_thread(inserted)  # an article with a thread already: refused, never a second one
    assert Thread.objects.filter(article=inserted).count() == 1
