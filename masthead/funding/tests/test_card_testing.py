"""Card-testing defences: attempts to start a checkout are capped per network and overall."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def _attempt(client, ip: str, amount: str = "25"):
    return client.post("/support/checkout/", {"frequency": "one_off", "amount": amount}, REMOTE_ADDR=ip)


def test_one_network_is_limited_with_a_clear_message(client, campaign, fake_stripe, settings):
    settings.FUNDING_CHECKOUT_PER_NETWORK = 3
    for _ in range(3):
        assert _attempt(client, "203.0.113.7", amount="1").status_code == 400  # invalid attempts count too
    limited = _attempt(client, "203.0.113.99")  # same /24 network
    assert limited.status_code == 429
    assert int(limited["Retry-After"]) > 0
    assert "Too many donation attempts from your network" in limited.content.decode()
    assert fake_stripe.requests == []
    assert _attempt(client, "198.51.100.1").status_code == 303  # another network is unaffected


def test_global_limit_stops_a_distributed_attack(client, campaign, fake_stripe, settings):
    settings.FUNDING_CHECKOUT_GLOBAL = 5
    statuses = [_attempt(client, f"192.0.{n}.1").status_code for n in range(8)]
    assert statuses[:5] == [303] * 5
    assert statuses[5:] == [429] * 3
    assert len(fake_stripe.requests) == 5
