"""The support form in Chromium: a suggested amount is a choice, not a submit; the email and the donor-wall choice
are filled first and one Donate button sends it all; the wall choice is one coherent option."""

from __future__ import annotations

import pytest

from masthead.funding.models import Campaign

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_suggested_amount_is_chosen_then_the_whole_form_is_sent(live_site, page, fake_stripe):
    Campaign.objects.create(name="Keep the lights on", goal=500_000, currency="usd", is_active=True,
                            min_amount=300, max_amount=500_000, suggested_amounts=[1_000, 2_500, 5_000])
    # Checkout is Stripe's page: answer it here (the test is offline).
    page.route("https://checkout.stripe.com/**",
               lambda route: route.fulfill(status=200, content_type="text/html", body="<h1>Stripe Checkout</h1>"))
    page.goto(f"{live_site.url}/support/")

    page.get_by_role("radio", name="$25").click()
    assert page.get_by_role("radio", name="$25").is_checked()
    assert page.url == f"{live_site.url}/support/"  # choosing an amount sends nothing yet
    assert fake_stripe.requests == []

    page.get_by_label("Email for your receipt").fill("ada@example.org")
    # The wall is one choice: by name, as Anonymous, or not at all (the default).
    assert page.get_by_role("radio", name="Don't list me").is_checked()
    page.get_by_role("radio", name="Count me on the wall as “Anonymous”").check()
    assert not page.get_by_role("radio", name="Show my name on the donor wall").is_checked()
    page.get_by_label("Public message (optional)").fill("For the river story")
    assert page.get_by_role("button").filter(has_text="Donate").count() == 1
    page.get_by_role("button", name="Donate").click()
    page.wait_for_selector("text=Stripe Checkout")

    (request,) = fake_stripe.requests
    form = request["form"]
    assert form["line_items[0][price_data][unit_amount]"] == "2500"
    assert form["customer_email"] == "ada@example.org"
    assert form["metadata[wall]"] == "1"
    assert form["metadata[anonymous]"] == "1"
    assert form["metadata[message]"] == "For the river story"


def test_a_typed_amount_wins_over_a_chosen_one_and_not_listed_stays_off_the_wall(live_site, page, fake_stripe):
    Campaign.objects.create(name="Keep the lights on", goal=500_000, currency="usd", is_active=True,
                            min_amount=300, max_amount=500_000, suggested_amounts=[1_000, 2_500])
    page.route("https://checkout.stripe.com/**",
               lambda route: route.fulfill(status=200, content_type="text/html", body="<h1>Stripe Checkout</h1>"))
    page.goto(f"{live_site.url}/support/")

    page.get_by_role("radio", name="$10").click()
    page.get_by_label("Or another amount").fill("42")
    page.get_by_role("button", name="Donate").click()
    page.wait_for_selector("text=Stripe Checkout")

    form = fake_stripe.requests[0]["form"]
    assert form["line_items[0][price_data][unit_amount]"] == "4200"
    assert form["metadata[wall]"] == "0"
    assert form["metadata[anonymous]"] == "0"
