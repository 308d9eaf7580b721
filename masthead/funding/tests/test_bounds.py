"""Every money input has an upper bound; no row can overflow a total or take a public page down."""

from __future__ import annotations

import logging

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction

from masthead.funding import actions, ledger
from masthead.funding.models import Campaign, Donation, RecurringDonation
from masthead.testing import stripe_fakes as fakes
from masthead.testing.articles import make_article
from masthead.testing.clock import early_this_month

pytestmark = pytest.mark.django_db

# The ceilings of docs/funding.md ("Bounds"), AMOUNT_CEILING and GOAL_CEILING, written out here so the
# tests also run (and fail) against code without them.
AMOUNT_CEILING = 10**13
GOAL_CEILING = 10**15


@pytest.fixture
def treasurer(db):
    user = get_user_model().objects.create_user("treasurer", "t@example.org", "pw-treasurer-1234", is_staff=True)
    user.groups.add(Group.objects.get_or_create(name="Funding")[0])
    return user


def _manual(campaign, amount: str) -> dict[str, str]:
    return {"campaign": str(campaign.pk), "method": "bank", "amount": amount, "received_on": early_this_month(),
            "note": "Bank transfer ref 1"}


def _pages_render(client, campaign) -> None:
    article = make_article("Council votes on the river path")
    for url in (article.get_absolute_url(), "/support/", "/api/funding/campaign"):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("92233720368547758.07", "The largest amount accepted is $1,000,000."),
        ("1000000.01", "The largest amount accepted is $1,000,000."),
        ("1e30", "is not an amount we can read"),
        ("9" * 40, "at most 32 characters"),
    ],
)
def test_manual_donation_above_the_cap_is_refused_and_pages_still_render(client, campaign, treasurer, amount,
                                                                         message):
    client.force_login(treasurer)
    response = client.post("/support/staff/manual/", _manual(campaign, amount))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Donation.objects.count() == 0
    _pages_render(client, campaign)


def test_the_cap_is_the_publishers_setting(client, campaign, treasurer, settings):
    settings.FUNDING_MAX_DONATION = 50_000
    client.force_login(treasurer)
    assert client.post("/support/staff/manual/", _manual(campaign, "50,000.01")).status_code == 400
    assert client.post("/support/staff/manual/", _manual(campaign, "50,000")).status_code == 302
    assert Donation.objects.get().amount == 5_000_000


def test_checkout_is_capped_even_when_the_campaign_allows_more(client, db, fake_stripe, settings):
    settings.FUNDING_MAX_DONATION = 1_000_000
    # A campaign saved before the cap existed (or without the admin's checks) allows ten million dollars online.
    Campaign.objects.create(name="Big", goal=10**12, is_active=True, min_amount=300, max_amount=10**9)
    response = client.post("/support/checkout/", {"frequency": "one_off", "amount": "2,000,000"})
    assert response.status_code == 400
    assert "The largest online donation is $1,000,000" in response.content.decode()
    assert fake_stripe.requests == []


@pytest.mark.parametrize(
    ("model", "field", "value"),
    [
        (Donation, "amount", AMOUNT_CEILING + 1),
        (Donation, "refunded_amount", AMOUNT_CEILING + 1),
        (Donation, "dispute_amount", AMOUNT_CEILING + 1),
        (Donation, "dispute_amount", -1),
        (Donation, "net_amount", 2**63 - 1),
        (Campaign, "goal", GOAL_CEILING + 1),
        (Campaign, "max_amount", AMOUNT_CEILING + 1),
        (RecurringDonation, "amount", 2**63 - 1),
    ],
)
def test_the_database_refuses_amounts_above_the_ceiling(campaign, model, field, value):
    """Whatever writes to the tables (a script, a shell, a future bug), the check constraints hold the bounds."""
    donation = Donation.objects.create(campaign=campaign, currency="usd", amount=1000, net_amount=1000)
    recurring = RecurringDonation.objects.create(stripe_subscription="sub_bound", amount=1000)
    row = {Donation: donation, Campaign: campaign, RecurringDonation: recurring}[model]
    with pytest.raises(IntegrityError), transaction.atomic():
        model.objects.filter(pk=row.pk).update(**{field: value})
    assert model.objects.filter(pk=row.pk, **{field: getattr(row, field)}).exists()


def test_admin_refuses_a_goal_or_maximum_beyond_the_caps(client, db):
    admin = get_user_model().objects.create_superuser("boss", "boss@example.org", "pw-boss-12345")
    client.force_login(admin)
    form = {"name": "Huge", "description": "", "goal": str(10**18), "currency": "usd", "period": "monthly",
            "ticks": "[]", "suggested_amounts": '["lots"]', "min_amount": "300", "max_amount": str(10**12),
            "placement": "articles", "other_ways": ""}
    response = client.post("/admin/funding/campaign/add/", form)
    assert response.status_code == 200
    html = response.content.decode()
    assert "The goal can be at most $100,000,000." in html
    assert "Online donations can be at most $1,000,000." in html
    assert "A list of whole amounts in minor units" in html
    assert Campaign.objects.count() == 0
    fine = {**form, "goal": "500000", "max_amount": "500000", "suggested_amounts": "[500, 1000]"}
    assert client.post("/admin/funding/campaign/add/", fine).status_code == 302
    assert Campaign.objects.get().goal == 500_000


def test_totals_are_exact_for_amounts_at_the_ceiling(campaign):
    """The total is summed in two halves joined in Python; check the join with values around the split."""
    amounts = [AMOUNT_CEILING, AMOUNT_CEILING - 1, 2**32 - 1, 2**32, 2**32 + 1, 1]
    campaign.goal = GOAL_CEILING
    campaign.save()
    for n, amount in enumerate(amounts):
        session = fakes.checkout_session(f"pi_big_{n}", amount, campaign.pk, email=f"b{n}@example.org")
        actions.do_record_stripe_event(fakes.event("checkout.session.completed", session))
    totals = ledger.compute(campaign)
    assert totals.raised == sum(amounts)
    assert totals.raised > 2 * 10**13
    assert totals.supporters == len(amounts)


def test_hand_edited_ticks_and_suggested_amounts_never_break_a_page(client, db):
    """JSON the admin would refuse but the database holds (an import, a shell): bad entries are skipped."""
    Campaign.objects.create(name="Odd", goal=500_000, is_active=True,
                            ticks=["lots", 10**30, -5, 250_000, True, 2.5],
                            suggested_amounts=["x", 10**40, 2_500, None])
    article = make_article()
    html = client.get(article.get_absolute_url()).content.decode()
    assert 'x1="50.00%"' in html  # the 2,500 tick, halfway along the SVG scale
    assert '<li class="funding-bar__tick">2,500</li>' in html
    support = client.get("/support/")
    assert support.status_code == 200
    assert "><span>$25</span></label>" in support.content.decode()


def test_when_the_total_cannot_be_computed_the_bar_degrades_and_pages_render(client, campaign, monkeypatch,
                                                                            caplog):
    """A real database error in the totals query (an integer overflow, as a bad row once caused) is contained.

    The ledger's constraints now make such a row impossible, so the failure is put into the query itself: the
    database really raises ("integer overflow" on SQLite, "bigint out of range" on PostgreSQL), inside the test's
    transaction, which must survive it for the rest of the page (PostgreSQL aborts a transaction on error).
    """
    fakes_session = fakes.checkout_session("pi_ok", 2500, campaign.pk)
    actions.do_record_stripe_event(fakes.event("checkout.session.completed", fakes_session))
    real_counted = ledger.counted
    monkeypatch.setattr(ledger, "counted", lambda campaign, now=None: real_counted(campaign, now).extra(
        where=["abs(-9223372036854775807 - 1) > 0"]))
    article = make_article("Council votes on the river path")
    with caplog.at_level(logging.ERROR, logger="masthead.funding.bar"):
        page = client.get(article.get_absolute_url())
    assert page.status_code == 200
    html = page.content.decode()
    assert "Council votes on the river path" in html
    assert "The figures are unavailable right now." in html
    assert 'role="progressbar"' not in html
    assert "Funding bar figures unavailable" in caplog.text
    assert client.get("/support/").status_code == 200
    api = client.get("/api/funding/campaign")
    assert api.status_code == 503
    assert api.json() == {"detail": "The campaign's figures are unavailable right now."}
    monkeypatch.undo()
    assert ledger.compute(campaign).raised == 2500
