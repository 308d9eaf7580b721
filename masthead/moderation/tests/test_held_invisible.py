"""A comment held by reader flags or rejected by a moderator disappears for other readers: page, API, counts."""

from __future__ import annotations

import pytest
from django.test import Client

from masthead.discussion.actions import thread_for_article
from masthead.moderation import actions, roles
from masthead.testing.discussion import make_article, post_as, reader
from masthead.testing.moderation import staff_user

# Comments here are posted to be flagged or queued by hand; the publisher's automatic rules stay out of the way.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("relaxed_moderation")]


def _everywhere(client: Client, article, thread) -> str:
    page = client.get(article.get_absolute_url()).content.decode()
    listing = client.get(f"/api/discussion/threads/{thread.pk}/comments").content.decode()
    counts = client.get(f"/api/discussion/counts?article={article.pk}").json()
    return page + listing + str(counts["counts"])


@pytest.mark.parametrize("how", ["flags", "moderator"])
def test_held_or_rejected_comment_is_gone_for_other_readers(how):
    article = make_article(headline="Ferry timetable")
    thread = thread_for_article(article)
    post_as(thread, reader("ada"), body="An ordinary remark that stays.")
    target = post_as(thread, reader("troll", network="net-troll"), body="Hidden-soon remark XYZZY")
    other = Client(REMOTE_ADDR="192.0.2.44")
    assert "XYZZY" in _everywhere(other, article, thread)
    if how == "flags":
        for n in range(3):
            actions.do_flag(target, f"g:flagger{n}", "abuse", network_hash=f"net-{n}")
    else:
        actions.do_decide_comment(staff_user("mod", roles.MODERATORS), target, "reject")
    seen = _everywhere(other, article, thread)
    assert "XYZZY" not in seen
    assert "An ordinary remark that stays." in seen
    assert f"'{article.pk}': 1" in seen
