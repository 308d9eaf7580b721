from __future__ import annotations

from collections.abc import Iterator

import pytest

from masthead.funding.models import Campaign
from masthead.funding.tests import stripe_fakes


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

