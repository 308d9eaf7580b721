"""Without Stripe keys nothing calls out: readers see the other ways to give, staff see what to configure."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from masthead.funding.tasks import manage_link

pytestmark = pytest.mark.django_db

BANK = "IBAN DE00 1234 5678 9012 3456 78, reference SUPPORT"


@pytest.fixture
def no_key(settings, fake_stripe):
    """The API base points at a live fake, so any call that slipped through would be recorded there."""
    settings.STRIPE_SECRET_KEY = ""
    return fake_stripe


def test_checkout_without_a_key_never_calls_stripe(client, campaign, no_key):
    response = client.post("/support/checkout/", {"frequency": "one_off", "amount": "25", "token": "b" * 32})
    assert response.status_code == 503
    assert "Card donations are not available right now" in response.content.decode()
    assert no_key.requests == []


def test_support_page_without_a_key_offers_the_other_ways_instead_of_the_card_form(client, campaign, no_key):
    campaign.other_ways = BANK
    campaign.save()
    html = client.get("/support/").content.decode()
    assert 'action="/support/checkout/"' not in html
    assert "Other ways to give" in html
    assert BANK in html
    assert "Card donations are not available right now." in html
    assert "STRIPE_SECRET_KEY" not in html  # configuration is for staff
    assert no_key.requests == []


def test_without_other_ways_readers_get_a_clear_notice(client, campaign, no_key):
    html = client.get("/support/").content.decode()
    assert 'action="/support/checkout/"' not in html
    assert "Card donations are not available right now. Please contact us" in html


def test_staff_see_what_to_configure(client, campaign, no_key, settings):
    settings.STRIPE_WEBHOOK_SECRET = ""
    staff = get_user_model().objects.create_user("staff", "s@example.org", "pw-staff-12345", is_staff=True)
    client.force_login(staff)
    html = client.get("/support/").content.decode()
    assert "STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET are not set" in html


def test_a_key_without_a_webhook_secret_takes_no_money_that_could_not_be_recorded(client, campaign, fake_stripe,
                                                                                   settings):
    settings.STRIPE_WEBHOOK_SECRET = ""
    response = client.post("/support/checkout/", {"frequency": "one_off", "amount": "25"})
    assert response.status_code == 503
    assert fake_stripe.requests == []


def test_portal_link_without_a_key_never_calls_stripe(client, db, no_key):
    path = manage_link("cus_123").split("/support/", 1)[1]
    response = client.post(f"/support/{path}")
    assert response.status_code == 503
    assert "Please contact us" in response.content.decode()
    assert no_key.requests == []


def test_with_keys_the_card_form_and_the_other_ways_both_show(client, campaign, fake_stripe):
    campaign.other_ways = BANK
    campaign.save()
    html = client.get("/support/").content.decode()
    assert 'action="/support/checkout/"' in html
    assert BANK in html
    assert "Card donations are not available" not in html
