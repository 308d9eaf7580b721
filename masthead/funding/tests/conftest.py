from __future__ import annotations

from collections.abc import Iterator

import pytest
import time_machine

from masthead.funding.models import Campaign
from masthead.testing import stripe_fakes
from masthead.testing.clock import this_month


# Every funding test runs at noon on the 18th of the run's month (it ticks on from there), so none depends on the
# day or the hour it runs, and a run with the clock moved (month ends, a year ahead) still moves these tests:
# monthly totals, "received on" dates and signature timestamps are all taken from it. A test about a moment (a
# month's last second, a time zone's midnight) moves the clock itself or passes ``now=``.
@pytest.fixture(autouse=True)
def clock() -> Iterator[time_machine.Traveller]:
    with time_machine.travel(this_month(18), tick=True) as traveller:
        yield traveller


@pytest.fixture(autouse=True)
def _stripe_settings(settings) -> None:
    settings.STRIPE_WEBHOOK_SECRET = stripe_fakes.SECRET
    settings.STRIPE_SECRET_KEY = "sk_test_masthead"
    settings.STRIPE_MAX_NETWORK_RETRIES = 0
    # Nothing here may reach the real Stripe: an unset fake points at a closed port.
    settings.STRIPE_API_BASE = "http://127.0.0.1:9"
    # Staff personas log in by force_login; hashing their passwords slowly tests nothing here.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def fake_stripe(settings) -> Iterator[stripe_fakes.FakeStripe]:
    with stripe_fakes.FakeStripe() as fake:
        settings.STRIPE_API_BASE = fake.url
        yield fake


@pytest.fixture
def immediate_tasks(settings) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def campaign(db) -> Campaign:
    return Campaign.objects.create(name="Our monthly goal", goal=500_000, currency="usd", is_active=True,
                                   min_amount=300, max_amount=500_000)

