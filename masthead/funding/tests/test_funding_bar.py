"""The funding bar on article pages: ticks, raised amount, share, supporters, accessible, and exact."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest

from masthead.funding import actions, ledger
from masthead.funding.models import Campaign
from masthead.testing import stripe_fakes as fakes
from masthead.testing.articles import make_article

# This month's totals: the month must not turn while a test runs (mid_month, testing/fixtures.py).
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("mid_month")]


def _pay(client, campaign, pi: str, amount: int, email: str) -> None:
    session = fakes.checkout_session(pi, amount, campaign.pk, email=email, currency=campaign.currency)
    fakes.post(client, fakes.event("checkout.session.completed", session))


def test_article_page_shows_ticks_raised_share_and_supporters(client, campaign):
    article = make_article("Council votes on the river path")
    _pay(client, campaign, "pi_a", 50_000, "a@example.org")
    _pay(client, campaign, "pi_b", 39_500, "b@example.org")
    _pay(client, campaign, "pi_c", 10_000, "a@example.org")  # the same supporter again
    html = client.get(article.get_absolute_url()).content.decode()
    ticks = re.findall(r'class="funding-bar__tick"[^>]*>([^<]+)<', html)
    assert ticks == ["0", "2,500", "5,000"]
    assert 'data-funding-raised>$995</strong>' in html
    assert 'data-funding-share>19%</span>' in html
    assert 'data-funding-supporters>2</span>' in html
    assert 'role="progressbar"' in html
    assert 'aria-valuemin="0" aria-valuemax="500000" aria-valuenow="99500"' in html
    assert 'aria-valuetext="$995 raised of $5,000 goal (19%), 2 supporters"' in html
    assert f'href="/support/?article={article.pk}"' in html


def test_custom_ticks_and_zero_decimal_currency(client, db):
    campaign = Campaign.objects.create(name="年末", goal=1_000_000, currency="jpy", is_active=True,
                                       ticks=[0, 250_000, 500_000, 1_000_000], min_amount=500, max_amount=1_000_000)
    article = make_article()
    _pay(client, campaign, "pi_y", 89_500, "y@example.org")
    html = client.get(article.get_absolute_url()).content.decode()
    assert re.findall(r'class="funding-bar__tick"[^>]*>([^<]+)<', html) == ["0", "250,000", "500,000", "1,000,000"]
    assert 'data-funding-raised>¥89,500</strong>' in html


def test_no_bar_without_an_active_article_campaign(client, db):
    article = make_article()
    assert "funding-bar" not in client.get(article.get_absolute_url()).content.decode()
    Campaign.objects.create(name="Support page only", goal=1000, is_active=True, placement="support")
    assert "funding-bar" not in client.get(article.get_absolute_url()).content.decode()
    assert "funding-bar" in client.get("/support/").content.decode()


def test_totals_are_cached_and_invalidated_by_each_ledger_change(client, campaign, django_assert_num_queries):
    ledger.totals(campaign)
    with django_assert_num_queries(0):
        assert ledger.totals(campaign).raised == 0
    _pay(client, campaign, "pi_cache", 1234, "c@example.org")
    # The commit bumped the version (the live update already recomputed and cached the new figures).
    with django_assert_num_queries(0):
        assert ledger.totals(campaign).raised == 1234
    fakes.post(client, fakes.event("charge.refunded", fakes.charge_refunded("pi_cache", 1234, 234)))
    assert ledger.totals(campaign).raised == 1000
    assert ledger.rebuild(campaign) == 1000


def test_monthly_period_is_the_calendar_month_in_the_publication_time_zone(client, campaign, settings):
    settings.TIME_ZONE = "Pacific/Auckland"  # UTC+13 in November
    paid = {"pi_oct": datetime(2026, 10, 31, 11, 30, tzinfo=UTC),  # 1 Nov 00:30 in Auckland: November
            "pi_nov": datetime(2026, 11, 15, 0, 0, tzinfo=UTC),
            "pi_dec": datetime(2026, 11, 30, 11, 30, tzinfo=UTC)}  # 1 Dec 00:30 in Auckland: December
    for pi, when in paid.items():
        fakes.post(client, fakes.event("checkout.session.completed", fakes.checkout_session(pi, 1000, campaign.pk),
                                       created=int(when.timestamp())))
    november = datetime(2026, 11, 20, tzinfo=UTC)
    assert ledger.compute(campaign, now=november).raised == 2000
    assert ledger.compute(campaign, now=datetime(2026, 12, 2, tzinfo=UTC)).raised == 1000


def test_fixed_period_counts_only_its_dates(client, db):
    campaign = Campaign.objects.create(name="Spring drive", goal=100_000, is_active=True, period="fixed",
                                       starts_on=date(2026, 3, 1), ends_on=date(2026, 3, 31))
    for pi, day in [("pi_feb", 28), ("pi_mar", 31)]:
        month = 2 if pi == "pi_feb" else 3
        fakes.post(client, fakes.event("checkout.session.completed", fakes.checkout_session(pi, 500, campaign.pk),
                                       created=int(datetime(2026, month, day, 12, tzinfo=UTC).timestamp())))
    assert ledger.totals(campaign).raised == 500


def test_activating_a_campaign_deactivates_the_previous_one(db):
    old = Campaign.objects.create(name="Old", goal=1000, is_active=True)
    new = Campaign.objects.create(name="New", goal=2000)
    actions.do_activate_campaign(new)
    assert list(Campaign.objects.filter(is_active=True)) == [new]
    old.refresh_from_db()
    assert not old.is_active


def test_bar_costs_no_query_once_cached(campaign, django_assert_num_queries):
    from django.template import Context, Template

    template = Template("{% load funding_tags %}{% funding_bar %}")
    first = template.render(Context({}))
    with django_assert_num_queries(0):
        again = template.render(Context({}))
    assert again == first
    assert "$0" in again
