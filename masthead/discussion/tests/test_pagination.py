"""Sorts and keyset pages: Newest, Oldest, Most Voted; replies come with their parents, in tree order."""

from datetime import timedelta

import pytest
from django.db.models import F
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from masthead.discussion.actions import NewComment, do_vote, submit_comment, thread_for_article
from masthead.discussion.models import Comment, DiscussionSettings
from masthead.discussion.pages import SORTS, Cursor, load_page
from masthead.discussion.render import MAX_EXPANDED_PAGES
from masthead.testing.discussion import make_article, make_thread, reader

pytestmark = pytest.mark.django_db

_moment = iter(range(10**9))


def _post(thread, body="c", parent=None, score=0):
    """A comment at a strictly later time than the previous one, with a given score. The body is a sentence around
    the label: a comment of one letter is no comment a classifier can judge (moderation may hold "a")."""
    stamp = timezone.now() + timedelta(seconds=next(_moment))
    text = f"Comment {body} on the council budget."
    comment = submit_comment(
        thread, reader(), NewComment(body=text, author_name="Pat", parent_id=parent.pk if parent else None), now=stamp
    ).comment
    if score:
        Comment.objects.filter(pk=comment.pk).update(score=F("score") + score)
    return comment


def _walk(thread, sort, limit):
    pages, after = [], None
    while True:
        page = load_page(thread.pk, sort, after, limit)
        pages.append(page)
        if page.next_cursor is None:
            return pages
        after = Cursor.decode(page.next_cursor)


def _roots(pages):
    return [item.root.pk for page in pages for item in page.threads]


def test_each_sort_orders_top_level_comments():
    thread = make_thread()
    a = _post(thread, "a", score=2)
    b = _post(thread, "b", score=5)
    c = _post(thread, "c", score=2)
    assert _roots(_walk(thread, "newest", 2)) == [c.pk, b.pk, a.pk]
    assert _roots(_walk(thread, "oldest", 2)) == [a.pk, b.pk, c.pk]
    assert _roots(_walk(thread, "votes", 2)) == [b.pk, c.pk, a.pk]  # ties: newer first


def test_replies_load_with_their_parents_in_tree_order():
    thread = make_thread()
    a, b = _post(thread, "a"), _post(thread, "b")
    a1 = _post(thread, "a1", parent=a)
    b1 = _post(thread, "b1", parent=b)
    a2 = _post(thread, "a2", parent=a)
    a11 = _post(thread, "a11", parent=a1)
    page = load_page(thread.pk, "oldest", None, 10)
    assert [(item.root.pk, [r.pk for r in item.replies]) for item in page.threads] == [
        (a.pk, [a1.pk, a11.pk, a2.pk]),
        (b.pk, [b1.pk]),
    ]


def _follow(guest, url):
    """Follow "View all comments" / "Load more" links without JavaScript; the pages seen and the URLs."""
    pages, urls = [], []
    while url:
        html = guest.open(url).content.decode()
        pages.append(html)
        urls.append(url)
        marker = 'class="load-more" href="'
        url = html.split(marker, 1)[1].split('"', 1)[0].replace("&amp;", "&") if marker in html else None
    return pages, urls


def _shown(html, comments):
    return [c.pk for c in comments if f'id="comment-{c.pk}"' in html]


def test_view_all_comments_expands_the_list_without_javascript(guest):
    DiscussionSettings.objects.update_or_create(pk=1, defaults={"page_size": 2})
    article = make_article()
    thread = thread_for_article(article)
    posted = [_post(thread, f"comment number {n}") for n in range(5)]
    pages, urls = _follow(guest, f"{article.get_absolute_url()}?sort=oldest")
    assert [_shown(html, posted) for html in pages] == [
        [c.pk for c in posted[:2]], [c.pk for c in posted[:4]], [c.pk for c in posted]]
    assert "View all comments" in pages[0]
    assert urls[1].endswith(f"&pages=2#comment-{posted[1].pk}")  # lands on the last comment already read
    # The sort tabs are plain links.
    for key in SORTS:
        assert f'href="{article.get_absolute_url()}?sort={key}#comments"' in pages[-1]


def test_past_the_expansion_limit_pages_move_on_with_the_cursor(guest):
    DiscussionSettings.objects.update_or_create(pk=1, defaults={"page_size": 1})
    article = make_article()
    thread = thread_for_article(article)
    posted = [_post(thread, f"n{n}") for n in range(MAX_EXPANDED_PAGES + 2)]
    pages, urls = _follow(guest, f"{article.get_absolute_url()}?sort=newest")
    assert "after=" in urls[-1]
    assert "Back to the first comments" in pages[-1]
    seen = set()
    for html in pages:
        seen.update(_shown(html, posted))
    assert seen == {c.pk for c in posted}
    assert _shown(pages[-1], posted) == [posted[0].pk]


def test_the_api_lists_pages_with_a_cursor(guest):
    article = make_article()
    thread = thread_for_article(article)
    posted = [_post(thread, f"n{n}") for n in range(3)]
    reply = _post(thread, "reply", parent=posted[0])
    first = guest.client.get(f"/api/discussion/threads/{thread.pk}/comments", {"sort": "oldest", "limit": 1}).json()
    assert [c["id"] for c in first["comments"]] == [posted[0].pk, reply.pk]
    second = guest.client.get(f"/api/discussion/threads/{thread.pk}/comments",
                              {"sort": "oldest", "limit": 5, "after": first["next"]}).json()
    assert [c["id"] for c in second["comments"]] == [posted[1].pk, posted[2].pk]
    assert second["next"] is None


def test_the_script_fragment_serves_sorts_and_further_pages(guest):
    DiscussionSettings.objects.update_or_create(pk=1, defaults={"page_size": 1})
    thread = make_thread()
    low, high = _post(thread, "low one", score=1), _post(thread, "high one", score=9)
    html = guest.client.get(f"/discussion/threads/{thread.pk}/page", {"sort": "votes"}).content.decode()
    assert f'id="comment-{high.pk}"' in html
    assert f'id="comment-{low.pk}"' not in html
    after = html.split('data-after="', 1)[1].split('"', 1)[0]
    html = guest.client.get(f"/discussion/threads/{thread.pk}/page", {"sort": "votes", "after": after}).content.decode()
    assert f'id="comment-{low.pk}"' in html
    assert "load-more" not in html


# --- property: paging while comments arrive ----------------------------------------------------------------

actions_strategy = st.lists(
    st.tuples(
        st.sampled_from(["top", "reply", "page"]),
        st.integers(min_value=-3, max_value=3),  # score for new comments (ties on purpose)
        st.integers(min_value=0, max_value=10**6),  # which parent
    ),
    min_size=1,
    max_size=25,
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    sort=st.sampled_from(sorted(SORTS)),
    limit=st.integers(min_value=1, max_value=4),
    initial=st.integers(min_value=0, max_value=8),
    steps=actions_strategy,
)
def test_paging_while_comments_are_added_never_duplicates_or_skips(sort, limit, initial, steps):
    thread = make_thread()
    existing = [_post(thread, f"start {n}", score=(n * 7) % 5 - 2) for n in range(initial)]
    before = {c.pk for c in existing}
    seen_roots: list[int] = []
    after = None
    done = False
    step_iter = iter(steps)
    all_comments = list(existing)
    while not done:
        step = next(step_iter, ("page", 0, 0))
        kind, score, pick = step
        if kind == "top":
            all_comments.append(_post(thread, "new top", score=score))
            continue
        if kind == "reply" and all_comments:
            parent = all_comments[pick % len(all_comments)]
            all_comments.append(_post(thread, "new reply", parent=parent))
            continue
        page = load_page(thread.pk, sort, after, limit)
        for item in page.threads:
            seen_roots.append(item.root.pk)
            _assert_tree_order(item)
        if page.next_cursor is None:
            done = True
        else:
            after = Cursor.decode(page.next_cursor)
    assert len(seen_roots) == len(set(seen_roots)), "a comment appeared twice"
    assert before <= set(seen_roots), "an existing comment was skipped"


def _assert_tree_order(item):
    position = {item.root.pk: 0}
    for index, reply in enumerate(item.replies, start=1):
        assert reply.root_id == item.root.pk
        assert reply.parent_id in position, "a reply came before its parent"
        assert reply.path.startswith(next(r.path for r in [item.root, *item.replies] if r.pk == reply.parent_id))
        position[reply.pk] = index
    paths = [reply.path for reply in item.replies]
    assert paths == sorted(paths)


def test_the_fragment_revalidates_against_the_thread_version(guest):
    thread = make_thread()
    comment = _post(thread, "first")
    url = f"/discussion/threads/{thread.pk}/page"
    first = guest.client.get(url)
    assert guest.client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    do_vote(comment, reader("voter"), 1)
    again = guest.client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert '<span class="comment-score" title="1 up, 0 down">1</span>' in again.content.decode()


def test_a_pages_comments_are_the_instances_the_orm_would_load(django_assert_num_queries):
    # load_page reads rows with plain SQL and builds the Comment instances itself: they must be what
    # Comment.objects.only(*DISPLAY_FIELDS).select_related("in_reply_to") gives, so templates, the API and the
    # shown-comment cache see the same values (aware datetimes on both databases, deferred fields deferred).
    from masthead.discussion.pages import DISPLAY_FIELDS

    DiscussionSettings.objects.update_or_create(pk=1, defaults={"max_depth": 1})  # a reply to a reply: in_reply_to
    thread = make_thread()
    root = _post(thread, body="The **ferry** is late.")
    reply = _post(thread, body="Again?", parent=root, score=2)
    deeper = _post(thread, body="As ever.", parent=reply)
    Comment.objects.filter(pk=reply.pk).update(edited_at=timezone.now())

    with django_assert_num_queries(2):
        page = load_page(thread.pk, "newest", None, 20)
        shown = [page.threads[0].root, *page.threads[0].replies]
        answered = [c.in_reply_to for c in shown if c.in_reply_to_id]  # loaded with the page: no query
    assert [c.pk for c in shown] == [root.pk, reply.pk, deeper.pk]
    assert deeper.in_reply_to_id == reply.pk
    assert [c.pk if c is not None else None for c in answered] == [reply.pk]
    expected = {c.pk: c for c in Comment.objects.filter(thread=thread).only(*DISPLAY_FIELDS)
                .select_related("in_reply_to").only(*DISPLAY_FIELDS, "in_reply_to__author_name",
                                                    "in_reply_to__status")}
    for comment in shown:
        orm = expected[comment.pk]
        assert _loaded(comment) == _loaded(orm)
        assert comment.get_deferred_fields() == orm.get_deferred_fields()
        assert comment._state.adding is False
        assert comment._state.db == orm._state.db
        assert comment.created_at.tzinfo is not None
    assert _loaded(answered[0]) == _loaded(expected[deeper.pk].in_reply_to)
    assert shown[1].edited_at is not None
    assert shown[1].edited_at.tzinfo is not None


def _loaded(comment):
    return {name: value for name, value in comment.__dict__.items() if name != "_state"}
