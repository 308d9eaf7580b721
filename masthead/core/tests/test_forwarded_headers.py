"""SECURITY.md, spoofed client IP: forwarded headers are trusted only from the proxies in TRUSTED_PROXIES.

The network a reader is counted under (votes, flags, rate limits) comes from ``masthead.core.network``. These tests
post real comments through the API and check the network stored on each, so a spoofed ``X-Forwarded-For`` that
reached any of those limits would show here.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
import time_machine
from django.test import RequestFactory

from masthead.core.network import client_ip, keyed_hash, network_of
from masthead.discussion.actions import thread_for_article
from masthead.discussion.models import Comment
from masthead.testing.discussion import Guest, make_article

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("relaxed_moderation")]

PROXY = "10.0.0.5"
READER = "198.51.100.7"


def _network(ip: str) -> str:
    return keyed_hash(network_of(ip), "network")


def _stored_network(remote_addr: str, forwarded: str) -> str:
    """Post one comment from ``remote_addr`` (with ``X-Forwarded-For: forwarded``) and read its network back."""
    thread = thread_for_article(make_article())
    guest = Guest(remote_addr=remote_addr)
    response = guest.api("post", f"/threads/{thread.pk}/comments",
                         {"body": "Where is the new crossing?", "author_name": "Guest Reader"},
                         HTTP_X_FORWARDED_FOR=forwarded)
    assert response.status_code == 201, response.content
    return Comment.objects.get(pk=response.json()["id"]).network_hash


def test_a_direct_client_cannot_choose_its_network_with_x_forwarded_for(settings):
    settings.TRUSTED_PROXIES = [PROXY]
    stored = _stored_network(READER, "203.0.113.50")
    assert stored == _network(READER)
    assert stored != _network("203.0.113.50")


def test_with_no_proxy_configured_the_header_is_ignored_even_from_a_private_address(settings):
    settings.TRUSTED_PROXIES = []
    assert _stored_network(PROXY, "203.0.113.50") == _network(PROXY)


def test_behind_a_configured_proxy_the_client_it_names_is_used(settings):
    settings.TRUSTED_PROXIES = [PROXY]
    assert _stored_network(PROXY, READER) == _network(READER)


def test_addresses_a_client_prepends_through_the_proxy_are_ignored(settings):
    # The proxy appends the address it saw; whatever the client sent comes first. The right-most address that is
    # not one of our proxies is the client.
    settings.TRUSTED_PROXIES = [PROXY, "10.0.0.6"]
    assert _stored_network(PROXY, f"203.0.113.50, 192.0.2.1, {READER}, 10.0.0.6") == _network(READER)


@pytest.mark.parametrize("forwarded", ["not-an-address", "198.51.100.7; DROP TABLE x", "", " , ", "1.2.3.4.5"])
def test_garbage_from_the_proxy_falls_back_to_the_proxy_address(settings, forwarded):
    settings.TRUSTED_PROXIES = [PROXY]
    request = RequestFactory().get("/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == PROXY


def test_other_client_headers_are_never_read(settings):
    settings.TRUSTED_PROXIES = [PROXY]
    headers: dict[str, Any] = {"HTTP_X_REAL_IP": "203.0.113.50", "HTTP_FORWARDED": "for=203.0.113.50",
                               "HTTP_CLIENT_IP": "203.0.113.50", "HTTP_TRUE_CLIENT_IP": "203.0.113.50",
                               "HTTP_CF_CONNECTING_IP": "203.0.113.50"}
    assert client_ip(RequestFactory().get("/", REMOTE_ADDR=READER, **headers)) == READER
    assert client_ip(RequestFactory().get("/", REMOTE_ADDR=PROXY, **headers)) == PROXY


def test_rotating_forwarded_addresses_do_not_escape_the_posting_rate_limit(settings):
    """End to end: one network posting faster than the publisher allows is refused, whatever it forwards."""
    from masthead.moderation.models import ModerationSettings

    settings.TRUSTED_PROXIES = [PROXY]
    ModerationSettings.objects.filter(pk=1).update(rate_limit_network=2, rate_limit_account=10_000)
    answers = []
    # The limit counts in fixed windows of the wall clock: a frozen clock keeps all four posts in one.
    with time_machine.travel(datetime(2026, 12, 4, 12, 0, 5, tzinfo=UTC), tick=False):
        thread = thread_for_article(make_article())
        for n in range(4):
            guest = Guest(remote_addr=READER)  # a new cookie each time: only the network ties them together
            answers.append(guest.api("post", f"/threads/{thread.pk}/comments",
                                     {"body": f"Point number {n} about the crossing.", "author_name": f"Guest {n}"},
                                     HTTP_X_FORWARDED_FOR=f"203.0.{n}.9").status_code)
    assert answers == [201, 201, 429, 429]
