"""Tier transitions: guest → verified (link) → account (sign-in) → supporter (paid donation) → staff; the badge."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import RequestFactory
from django.utils import timezone

from masthead.accounts.models import ReaderIdentity
from masthead.accounts.tiers import Tier, shows_supporter_badge, tier_of
from masthead.funding.models import Donation

pytestmark = pytest.mark.django_db


def _request_of(browser):
    """A request carrying the browser's session, as a view would see it."""
    from django.contrib.auth import get_user
    from django.contrib.sessions.backends.db import SessionStore

    request = RequestFactory().get("/")
    key = browser.client.cookies.get("sessionid")
    request.session = SessionStore(key.value if key else None)
    request.user = get_user(request)
    return request


def _donate(email: str, *, paid: bool = True, refunded: bool = False) -> Donation:
    return Donation.objects.create(
        donor_email=email, currency="usd", amount=2500, is_paid=paid, paid_at=timezone.now() if paid else None,
        status=Donation.Status.REFUNDED if refunded else (Donation.Status.PAID if paid else Donation.Status.PENDING),
        net_amount=0 if refunded or not paid else 2500, refunded_amount=2500 if refunded else 0,
    )


def test_guest_verifies_then_signs_in_then_donates(browser, make_browser, inbox):
    assert tier_of(_request_of(browser), "ada@example.org") == Tier.GUEST

    browser.post("/account/verify", {"email": "ada@example.org"})
    browser.use_link(inbox.last_link("ada@example.org", "/account/link/"))
    request = _request_of(browser)
    assert tier_of(request, "ada@example.org") == Tier.VERIFIED
    assert tier_of(request, "ADA@example.org ") == Tier.VERIFIED
    # The proof belongs to this browser and this address only.
    assert tier_of(request, "someone-else@example.org") == Tier.GUEST
    assert tier_of(_request_of(make_browser("203.0.113.50")), "ada@example.org") == Tier.GUEST
    assert tier_of(None, "ada@example.org") == Tier.GUEST

    _donate("ada@example.org", paid=False)
    assert tier_of(_request_of(browser), "ada@example.org") == Tier.VERIFIED  # pending is not paid
    _donate("Ada@Example.org")
    assert tier_of(_request_of(browser), "ada@example.org") == Tier.SUPPORTER

    browser.post("/account/sign-in", {"email": "ada@example.org"})
    inbox.wait_for(2, to="ada@example.org")
    browser.use_link(inbox.last_link("ada@example.org", "/account/link/"))
    user = get_user_model().objects.get(email="ada@example.org")
    assert tier_of(user) == Tier.SUPPORTER
    assert tier_of(_request_of(browser)) == Tier.SUPPORTER


def test_account_without_donation_and_after_a_full_refund(inbox):
    user = get_user_model().objects.create_user("r1", email="r1@example.org")
    assert tier_of(user) == Tier.ACCOUNT
    donation = _donate("r1@example.org")
    assert tier_of(user) == Tier.SUPPORTER
    Donation.objects.filter(pk=donation.pk).update(net_amount=0, status=Donation.Status.REFUNDED,
                                                   refunded_amount=2500)
    assert tier_of(user) == Tier.ACCOUNT


@pytest.mark.parametrize("group", ["Moderators", "Editors", "Admins"])
def test_staff_by_group_or_flag(group):
    user = get_user_model().objects.create_user("m", email="m@example.org")
    _donate("m@example.org")
    assert tier_of(user) == Tier.SUPPORTER
    user.groups.add(Group.objects.get_or_create(name=group)[0])
    assert tier_of(user) == Tier.STAFF
    flagged = get_user_model().objects.create_user("s", email="s@example.org", is_staff=True)
    assert tier_of(flagged) == Tier.STAFF
    user.is_active = False
    user.save()
    assert tier_of(user) != Tier.STAFF


def test_supporter_can_hide_and_show_the_badge(browser, inbox):
    _donate("b@example.org")
    browser.post("/account/sign-in", {"email": "b@example.org"})
    browser.use_link(inbox.last_link("b@example.org", "/account/link/"))
    user = get_user_model().objects.get(email="b@example.org")
    assert shows_supporter_badge(user)
    assert browser.post("/account/badge", {"show": "0"}).status_code == 302
    assert not ReaderIdentity.objects.get(user=user).show_supporter_badge
    assert not shows_supporter_badge(user)
    browser.post("/account/badge", {"show": "1"})
    assert shows_supporter_badge(user)
    assert not shows_supporter_badge(get_user_model().objects.create_user("plain", email="p@example.org"))


def test_other_apps_can_record_a_proved_address():
    from masthead.accounts.actions import do_mark_verified
    from masthead.accounts.tiers import is_verified_email

    assert not is_verified_email("sub@example.org")
    do_mark_verified("Sub@Example.org")
    assert is_verified_email("sub@example.org")
    assert ReaderIdentity.objects.get(email="sub@example.org").verified_at is not None
