"""Starting a donation: Stripe Checkout sessions created server-side, with our amounts, metadata and keys."""

from __future__ import annotations

import pytest

from masthead.funding.models import Campaign
from masthead.publishing.models import Article

pytestmark = pytest.mark.django_db


def _form(**overrides: str) -> dict[str, str]:
    return {"frequency": "one_off", "amount": "25", "token": "a" * 32, "email": "", **overrides}


def test_one_off_checkout_sends_amount_currency_and_metadata_fixed_by_us(client, campaign, fake_stripe):
    response = client.post("/support/checkout/",
                           _form(amount="25.50", name="Ada", listing="name", message="Keep going"))
    assert response.status_code == 303
    assert response["Location"].startswith("https://checkout.stripe.com/c/pay/cs_test_fake")
    (request,) = fake_stripe.requests
    form, headers = request["form"], request["headers"]
    assert request["path"] == "/v1/checkout/sessions"
    assert form["mode"] == "payment"
    assert form["line_items[0][price_data][unit_amount]"] == "2550"
    assert form["line_items[0][price_data][currency]"] == "usd"
    assert form["metadata[campaign]"] == str(campaign.pk)
    assert form["metadata[wall]"] == "1"
    assert form["metadata[message]"] == "Keep going"
    assert form["payment_intent_data[metadata][campaign]"] == str(campaign.pk)
    assert headers["Idempotency-Key"].startswith("masthead-checkout-" + "a" * 32)
    assert headers["Stripe-Version"] == "2024-06-20"
    assert headers["Authorization"] == "Bearer sk_test_masthead"


def test_suggested_amount_button_wins_over_the_empty_custom_field(client, campaign, fake_stripe):
    response = client.post("/support/checkout/", {**_form(amount=""), "preset": "10"})
    assert response.status_code == 303
    assert fake_stripe.requests[0]["form"]["line_items[0][price_data][unit_amount]"] == "1000"


def test_monthly_checkout_is_a_subscription_with_metadata_on_the_subscription(client, campaign, fake_stripe):
    article = Article.objects.create(headline="A story", slug="a-story", body="Text", status="published",
                                     published_at="2026-01-01T00:00:00Z")
    response = client.post("/support/checkout/", _form(frequency="monthly", amount="5", article=str(article.pk)))
    assert response.status_code == 303
    form = fake_stripe.requests[0]["form"]
    assert form["mode"] == "subscription"
    assert form["line_items[0][price_data][recurring][interval]"] == "month"
    assert form["subscription_data[metadata][campaign]"] == str(campaign.pk)
    assert form["subscription_data[metadata][article]"] == str(article.pk)


def test_double_submit_reuses_the_idempotency_key_and_gets_the_same_session(client, campaign, fake_stripe):
    first = client.post("/support/checkout/", _form())
    second = client.post("/support/checkout/", _form())
    keys = {r["headers"]["Idempotency-Key"] for r in fake_stripe.requests}
    assert len(keys) == 1
    assert first["Location"] == second["Location"]
    changed = client.post("/support/checkout/", _form(amount="30"))
    assert changed["Location"] != first["Location"]


@pytest.mark.parametrize(
    ("amount", "message"),
    [("2", "The smallest donation is $3."), ("5000.01", "The largest online donation is $5,000"),
     ("abc", "is not an amount we can read"), ("-5", "greater than zero"), ("10.005", "2 decimal places")],
)
def test_amounts_outside_the_limits_are_refused_before_stripe(client, campaign, fake_stripe, amount, message):
    response = client.post("/support/checkout/", _form(amount=amount))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert fake_stripe.requests == []


def test_zero_decimal_currency_sends_whole_yen(client, db, fake_stripe):
    Campaign.objects.create(name="円", goal=500_000, currency="jpy", is_active=True, min_amount=500,
                            max_amount=1_000_000)
    response = client.post("/support/checkout/", _form(amount="1500"))
    assert response.status_code == 303
    assert fake_stripe.requests[0]["form"]["line_items[0][price_data][unit_amount]"] == "1500"
    refused = client.post("/support/checkout/", _form(amount="1500.5"))
    assert refused.status_code == 400
    assert "JPY amounts take 0 decimal places" in refused.content.decode()


def test_stripe_outage_is_a_clear_error(client, campaign, fake_stripe):
    fake_stripe.fail_with = 500
    response = client.post("/support/checkout/", _form())
    assert response.status_code == 502
    assert "did not answer" in response.content.decode()


def test_no_active_campaign_means_no_checkout(client, db, fake_stripe):
    assert client.post("/support/checkout/", _form()).status_code == 404
    assert fake_stripe.requests == []


def test_an_unknown_donor_wall_choice_is_refused_and_nothing_reaches_stripe(client, campaign, fake_stripe):
    response = client.post("/support/checkout/", _form(listing="everywhere"))
    assert response.status_code == 400
    assert fake_stripe.requests == []
