"""Votes: up and down, one per reader per comment (a database constraint), change and withdraw."""

import pytest
from django.db import IntegrityError, transaction

from masthead.discussion.actions import DiscussionError, do_vote, thread_for_article
from masthead.discussion.models import Comment, Thread, Vote
from masthead.testing.discussion import Guest, make_article, make_thread, post_as, reader

pytestmark = pytest.mark.django_db


def _fresh(comment):
    return Comment.objects.get(pk=comment.pk)


def test_vote_up_change_to_down_and_withdraw():
    comment = post_as(make_thread(), reader("author"))
    voter = reader("voter")
    assert do_vote(comment, voter, 1).score == 1
    result = do_vote(comment, voter, -1)
    assert (result.score, result.upvotes, result.downvotes, result.my_vote) == (-1, 0, 1, -1)
    assert do_vote(comment, voter, 0).score == 0
    assert not Vote.objects.filter(comment=comment).exists()
    fresh = _fresh(comment)
    assert (fresh.score, fresh.upvotes, fresh.downvotes) == (0, 0, 0)


def test_voting_twice_the_same_way_counts_once():
    comment = post_as(make_thread(), reader("author"))
    voter = reader("voter")
    do_vote(comment, voter, 1)
    do_vote(comment, voter, 1)
    assert _fresh(comment).score == 1
    assert Vote.objects.filter(comment=comment).count() == 1


def test_the_database_refuses_a_second_vote_by_the_same_reader():
    comment = post_as(make_thread(), reader("author"))
    Vote.objects.create(comment=comment, voter_key="g:same", value=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Vote.objects.create(comment=comment, voter_key="g:same", value=-1)
    with pytest.raises(IntegrityError), transaction.atomic():
        Vote.objects.create(comment=comment, voter_key="g:other", value=5)


def test_a_guest_is_the_cookie_bound_to_the_network():
    same_cookie_other_network = reader("x", network="n1").voter_key != reader("x", network="n2").voter_key
    assert same_cookie_other_network
    assert reader("x", network="n1").voter_key == reader("x", network="n1").voter_key
    assert reader("x").voter_key != reader("y").voter_key


def test_readers_cannot_vote_on_their_own_comment():
    author = reader("author")
    comment = post_as(make_thread(), author)
    with pytest.raises(DiscussionError) as error:
        do_vote(comment, author, 1)
    assert error.value.status == 403


def test_votes_on_hidden_comments_are_refused():
    comment = post_as(make_thread(), reader("author"))
    Comment.objects.filter(pk=comment.pk).update(status=Comment.Status.PENDING)
    with pytest.raises(DiscussionError):
        do_vote(_fresh(comment), reader("voter"), 1)


def test_voting_through_the_api_uses_the_guest_cookie(guest, other_guest):
    article = make_article()
    thread = thread_for_article(article)
    comment = post_as(thread, reader("author"))
    for person in (guest, other_guest):
        person.open(article.get_absolute_url())
    assert guest.api("post", f"/comments/{comment.pk}/vote", {"value": 1}).json()["score"] == 1
    assert guest.api("post", f"/comments/{comment.pk}/vote", {"value": 1}).json()["score"] == 1
    assert other_guest.api("post", f"/comments/{comment.pk}/vote", {"value": -1}).json() == {
        "score": 0, "upvotes": 1, "downvotes": 1, "my_vote": -1}
    assert guest.api("post", f"/comments/{comment.pk}/vote", {"value": 0}).json()["score"] == -1
    assert "mh_reader" in guest.client.cookies


def test_plain_form_votes_toggle_and_redirect_to_the_comment(guest):
    article = make_article()
    thread = thread_for_article(article)
    comment = post_as(thread, reader("author"))
    guest.open(article.get_absolute_url())
    response = guest.form_post(f"/discussion/threads/{thread.pk}/vote", {"vote": f"{comment.pk}:1", "sort": "votes"})
    assert response.status_code == 302
    assert "?sort=votes&seen=" in response["Location"]
    assert response["Location"].endswith(f"#comment-{comment.pk}")
    assert _fresh(comment).score == 1
    page = guest.open(article.get_absolute_url()).content.decode()
    assert f'data-votes="{{&quot;{comment.pk}&quot;:1}}"' in page
    guest.form_post(f"/discussion/threads/{thread.pk}/vote", {"vote": f"{comment.pk}:1"})
    assert _fresh(comment).score == 0
    assert guest.form_post(f"/discussion/threads/{thread.pk}/vote", {"vote": "1:7"}).status_code == 400


def test_a_vote_bumps_the_thread_version_so_cached_pages_refresh(guest):
    article = make_article()
    thread = thread_for_article(article)
    comment = post_as(thread, reader("author"))
    Guest().open(article.get_absolute_url())  # warm the cached first page
    before = Thread.objects.get(pk=thread.pk).version
    do_vote(comment, reader("voter"), 1)
    assert Thread.objects.get(pk=thread.pk).version == before + 1
    page = guest.open(article.get_absolute_url()).content.decode()
    assert '<span class="comment-score" title="1 up, 0 down">1</span>' in page
