"""Vote stuffing: fresh cookies from one network are not fresh people (vote_limits.py, docs/discussion.md).

A guest's votes on a comment count up to the publisher's allowance per network (default 1); accounts count one
each; every reader's votes are rate-limited per network and per voter.
"""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.test import Client

from masthead.discussion.actions import DiscussionError, do_vote
from masthead.discussion.models import Comment, DiscussionSettings, Vote
from masthead.discussion.vote_limits import VOTES_PER_NETWORK_PER_MINUTE
from masthead.testing.discussion import make_thread, post_as, reader

pytestmark = pytest.mark.django_db

MOMENT = datetime(2026, 12, 4, 12, 0, 5, tzinfo=UTC)


def _score(comment: Comment) -> int:
    return Comment.objects.get(pk=comment.pk).score


def _vote_from(address: str, comment: Comment, value: int, client: Client | None = None):
    client = client or Client(REMOTE_ADDR=address)  # a fresh cookie jar each time
    return client.post(f"/api/discussion/comments/{comment.pk}/vote", {"value": value}, content_type="application/json")


def _allow_guests(per_network: int) -> None:
    DiscussionSettings.objects.update_or_create(pk=1, defaults={"guest_votes_per_network": per_network})
    DiscussionSettings.objects.get(pk=1).save()  # forgets the cached settings


@time_machine.travel(MOMENT, tick=False)
def test_a_hundred_fresh_cookie_jars_from_one_address_count_as_one_guest():
    comment = post_as(make_thread(), reader("author", network="net-author"))
    answers = [_vote_from("198.51.100.7", comment, -1) for _ in range(100)]
    assert all(answer.status_code < 500 for answer in answers)
    assert answers[0].status_code == 200
    refused = answers[1:]
    assert {answer.status_code for answer in refused} <= {403, 429}
    assert refused[0].json()["code"] == "network_voted"
    assert _score(comment) == -1
    assert Vote.objects.filter(comment=comment).count() == 1
    # Another address in the same /24 is the same network.
    assert _vote_from("198.51.100.200", comment, -1).status_code in (403, 429)
    # Other networks' guests still count, one each.
    assert _vote_from("203.0.113.9", comment, 1).json()["score"] == 0
    assert _vote_from("2001:db8:1:2::5", comment, 1).json()["score"] == 1
    assert _score(comment) == 1


@time_machine.travel(MOMENT, tick=False)
def test_accounts_count_one_each_on_a_network_whose_guests_have_voted():
    comment = post_as(make_thread(), reader("author", network="net-author"))
    assert _vote_from("198.51.100.7", comment, 1).status_code == 200
    assert _vote_from("198.51.100.8", comment, 1).status_code == 403
    for name in ("ann", "bo"):
        client = Client(REMOTE_ADDR="198.51.100.9")
        client.force_login(get_user_model().objects.create_user(name))
        assert _vote_from("", comment, 1, client).status_code == 200
    assert _score(comment) == 3


@time_machine.travel(MOMENT, tick=False)
def test_the_allowance_is_the_publishers_setting():
    comment = post_as(make_thread(), reader("author", network="net-author"))
    _allow_guests(3)
    codes = [_vote_from("198.51.100.7", comment, -1).status_code for _ in range(10)]
    assert codes == [200] * 3 + [403] * 7
    assert _score(comment) == -3
    _allow_guests(0)
    refused = _vote_from("203.0.113.9", comment, 1)
    assert (refused.status_code, refused.json()["code"]) == (403, "sign_in_to_vote")
    assert _score(comment) == -3


def test_a_counted_guest_changes_or_withdraws_and_the_room_is_given_back():
    comment = post_as(make_thread(), reader("author", network="net-author"))
    first, second = reader("first", network="net-a"), reader("second", network="net-a")
    assert do_vote(comment, first, -1).score == -1
    assert do_vote(comment, first, 1).score == 1  # a change is not a new vote
    with pytest.raises(DiscussionError) as refused:
        do_vote(comment, second, 1)
    assert (refused.value.status, refused.value.code) == (403, "network_voted")
    assert do_vote(comment, first, 0).score == 0
    assert do_vote(comment, second, 1).score == 1


def test_votes_are_rate_limited_per_network_and_the_limit_lifts_after_the_minute():
    thread = make_thread()
    comments = [post_as(thread, reader("author", network="net-author"), body=f"c{n}")
                for n in range(VOTES_PER_NETWORK_PER_MINUTE + 1)]
    with time_machine.travel(MOMENT, tick=False) as clock:
        for n, comment in enumerate(comments[:-1]):  # a new guest each time, so the voter's own limit never binds
            assert _vote_from(f"198.51.100.{n % 250 + 1}", comment, 1).status_code == 200
        limited = _vote_from("198.51.100.7", comments[-1], 1)
        assert limited.status_code == 429
        assert limited.json()["code"] == "rate_limited"
        assert 1 <= int(limited["Retry-After"]) <= 60
        assert _score(comments[-1]) == 0
        assert _vote_from("203.0.113.9", comments[-1], 1).status_code == 200  # another network is not slowed
        clock.shift(timedelta(seconds=60))
        assert _vote_from("198.51.100.7", comments[-1], 1).status_code == 200
    assert _score(comments[-1]) == 2


def test_plain_form_votes_keep_the_same_allowance():
    thread = make_thread()
    comment = post_as(thread, reader("author", network="net-author"))
    for _ in range(5):
        answer = Client(REMOTE_ADDR="198.51.100.7").post(f"/discussion/threads/{thread.pk}/vote",
                                                         {"vote": f"{comment.pk}:-1"})
        assert answer.status_code == 302
    assert _score(comment) == -1
