"""The bar is live: server-sent events carry each committed ledger change to open pages."""

from __future__ import annotations

import json
import urllib.request

import pytest

from masthead.funding.models import Campaign
from masthead.testing import stripe_fakes as fakes
from masthead.testing.articles import make_article
from masthead.testing.fixtures import save_screenshot

# This month's totals: the month must not turn while a test runs (mid_month, testing/fixtures.py).
pytestmark = pytest.mark.usefixtures("mid_month")


def _deliver(base_url: str, evt: dict) -> int:
    payload = fakes.body(evt)
    request = urllib.request.Request(f"{base_url}/support/webhooks/stripe/", data=payload, method="POST",
                                     headers={"Content-Type": "application/json",
                                              "Stripe-Signature": fakes.sign(payload)})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status


def _next_totals(stream) -> dict:
    name = None
    for raw in stream:
        line = raw.decode().rstrip("\n")
        if line.startswith("event: "):
            name = line[len("event: "):]
        elif line.startswith("data: ") and name == "totals":
            return json.loads(line[len("data: "):])
    raise AssertionError("stream ended")


def test_event_stream_sends_current_totals_then_each_change(live_site):
    campaign = Campaign.objects.create(name="Monthly goal", goal=500_000, is_active=True)
    with urllib.request.urlopen(f"{live_site.url}/support/live/{campaign.pk}/", timeout=10) as stream:
        assert stream.headers["Content-Type"] == "text/event-stream"
        first = _next_totals(stream)
        assert (first["raised"], first["raised_display"], first["supporters"]) == (0, "$0", 0)
        assert _deliver(live_site.url, fakes.event("checkout.session.completed",
                                                   fakes.checkout_session("pi_sse", 89_500, campaign.pk))) == 200
        update = _next_totals(stream)
        assert (update["raised"], update["raised_display"], update["share"], update["supporters"]) == (
            89_500, "$895", 17, 1)
        assert update["version"] > first["version"]
        assert "donor_email" not in update
        assert "reader@example.org" not in json.dumps(update)


@pytest.mark.browser
def test_bar_shows_ticks_and_updates_without_reload(live_site, page):
    campaign = Campaign.objects.create(name="Our goal this month", goal=500_000, is_active=True)
    first = fakes.checkout_session("pi_first", 40_000, campaign.pk, email="first@example.org")
    assert _deliver(live_site.url, fakes.event("checkout.session.completed", first)) == 200
    article = make_article("Council votes on the river path")
    page.goto(f"{live_site.url}{article.get_absolute_url()}")
    bar = page.locator(".funding-bar")
    assert bar.locator(".funding-bar__tick").all_inner_texts() == ["0", "2,500", "5,000"]
    raised = bar.locator("[data-funding-raised]")
    assert raised.inner_text() == "$400"
    track = bar.get_by_role("progressbar")
    assert track.get_attribute("aria-valuenow") == "40000"
    # The stream's first message (the current totals) is sent once the server has subscribed the page.
    page.wait_for_function("() => document.querySelector('[data-funding-live]').dataset.fundingMessages >= '1'")
    page.evaluate("() => { window.__notReloaded = true; }")
    second = fakes.checkout_session("pi_second", 49_500, campaign.pk, email="second@example.org")
    assert _deliver(live_site.url, fakes.event("checkout.session.completed", second)) == 200
    page.wait_for_function("() => document.querySelector('[data-funding-raised]').textContent === '$895'")
    assert page.evaluate("() => window.__notReloaded") is True
    assert track.get_attribute("aria-valuenow") == "89500"
    assert bar.locator("[data-funding-supporters]").inner_text() == "2"
    assert bar.locator("[data-funding-share]").inner_text() == "17%"
    assert track.get_attribute("aria-valuetext") == "$895 raised of $5,000 goal (17%), 2 supporters"
    save_screenshot(page, "funding-bar-live")


@pytest.mark.browser
def test_support_page_form_and_wall_in_a_browser(live_site, page):
    campaign = Campaign.objects.create(name="Keep the lights on", goal=500_000, is_active=True,
                                       description="Every reporter's hour is paid by readers.")
    session = fakes.checkout_session("pi_wall", 2_500, campaign.pk,
                                     metadata={"wall": "1", "name": "Grace", "message": "For the river story"})
    assert _deliver(live_site.url, fakes.event("checkout.session.completed", session)) == 200
    page.goto(f"{live_site.url}/support/")
    assert page.get_by_role("radio", name="$25").count() == 1
    assert page.get_by_label("Or another amount").is_visible()
    assert page.locator(".funding-wall").inner_text().startswith("Grace: For the river story")
    assert page.get_by_role("progressbar").get_attribute("aria-valuenow") == "2500"
    save_screenshot(page, "funding-support-page")
