"""Live events across server processes (DESIGN.md's scale test): two `masthead serve` on loopback, one database,
one Redis. A comment posted through one server reaches the readers streaming from either."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid

from masthead.testing.live_events import post_until_heard
from masthead.testing.loops import run as run_on_own_loop
from masthead.testing.processes import app_servers

REDIS_URL = "redis://127.0.0.1:6379/0"

SETUP = """
import json, django
django.setup()
from masthead.discussion.actions import thread_for_article
from masthead.moderation.models import ModerationSettings
from masthead.testing.articles import make_article

article = make_article("The ferry timetable changes again")
row, _ = ModerationSettings.objects.get_or_create(pk=1)
row.first_comment_review_guest = False  # a guest's first comment shows at once (it would wait for review)
row.save()
print(json.dumps({"thread": thread_for_article(article).pk}))
"""


def test_a_comment_posted_through_one_server_reaches_readers_of_both(install, tmp_path):
    env = {**install.env, "REDIS_URL": REDIS_URL, "CACHE_KEY_PREFIX": f"masthead-test-{uuid.uuid4().hex[:10]}"}
    made = subprocess.run([sys.executable, "-c", SETUP], env=env, capture_output=True, text=True, timeout=60,
                          check=True)
    thread_id = json.loads(made.stdout.strip().splitlines()[-1])["thread"]
    with app_servers(2, env, tmp_path) as servers:
        streams = [f"{base}/discussion/threads/{thread_id}/events" for base in servers]
        heard, posted = post_until_heard(servers[0], thread_id, streams, "about the 7:40 crossing.")

    assert all(heard.values()), f"events heard per stream: {heard}, posted: {posted}"
    assert set().union(*heard.values()) <= set(posted)
    assert all('class="comment' in data["html"] for got in heard.values() for data in got.values())


def test_two_brokers_on_one_redis_hear_each_other_and_ignore_what_is_not_an_event():
    # Two brokers stand for two processes; each hands what it hears to its own subscribers only.
    import asyncio

    import redis

    from masthead.core.live import RedisBroker

    prefix = f"masthead-test-[{uuid.uuid4().hex[:10]}]*-live:"  # matched literally, not as a pattern
    publisher, listener = RedisBroker(REDIS_URL, prefix), RedisBroker(REDIS_URL, prefix)

    async def main() -> list[tuple[str, dict]]:
        with listener.subscribe("discussion:thread:7") as heard, listener.subscribe("discussion:thread:8") as other:
            assert await asyncio.to_thread(listener.wait_listening, 15)
            redis.Redis.from_url(REDIS_URL).publish(prefix + "discussion:thread:7", b"not json")
            publisher.publish("discussion:thread:7", "comment", {"id": 1, "html": "<p>é</p>"})
            publisher.publish("funding:3", "totals", {"raised": 5})
            first = await asyncio.wait_for(heard.get(), 10)
            publisher.publish("discussion:thread:7", "removed", {"id": 1, "deleted": True})
            second = await asyncio.wait_for(heard.get(), 10)
            assert other.empty()
            return [(first.name, first.data), (second.name, second.data)]

    heard = run_on_own_loop(main())
    assert heard == [("comment", {"id": 1, "html": "<p>é</p>"}), ("removed", {"id": 1, "deleted": True})]
