"""Sign-in by emailed link: single use, expiry, identical answers for known and unknown addresses, rate limits,
safe `next` redirects, password sign-in, sign-out by POST. Mails go through a real SMTP server."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from masthead.accounts.models import EmailLink, ReaderIdentity

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("clock")]


def _signed_in(browser) -> bool:
    return "_auth_user_id" in browser.client.session


def _strip_csrf(html: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def test_a_link_signs_in_once_and_creates_the_account(browser, inbox):
    response = browser.post("/account/sign-in", {"email": "Reader@Example.org"})
    assert response.status_code == 200
    link = inbox.last_link("reader@example.org", "/account/link/")
    stored = EmailLink.objects.get()
    assert link.rsplit("/", 1)[1] not in stored.token_hash  # only a hash is stored
    # GET only asks for confirmation (mail scanners follow links); it does not use the link.
    assert browser.get("/" + link.split("/", 3)[3]).status_code == 200
    assert not _signed_in(browser)
    response = browser.use_link(link)
    assert response.status_code == 302
    assert _signed_in(browser)
    user = get_user_model().objects.get(email="reader@example.org")
    assert not user.has_usable_password()
    assert "@" not in user.username  # the username never shows the address in comments
    assert ReaderIdentity.objects.get(user=user).verified_at is not None

    again = browser.use_link(link)
    assert again.status_code == 410
    other = type(browser)()
    assert other.use_link(link).status_code == 410
    assert not _signed_in(other)


def test_an_expired_link_is_refused(browser, inbox):
    browser.post("/account/sign-in", {"email": "late@example.org"})
    link = inbox.last_link("late@example.org", "/account/link/")
    EmailLink.objects.update(created_at=timezone.now() - timedelta(minutes=30),
                             expires_at=timezone.now() - timedelta(minutes=15))
    assert browser.use_link(link).status_code == 410
    assert not _signed_in(browser)
    assert not get_user_model().objects.filter(email="late@example.org").exists()


def test_a_forged_or_mangled_token_is_refused(browser, inbox):
    browser.post("/account/sign-in", {"email": "x@example.org"})
    link = inbox.last_link("x@example.org", "/account/link/")
    assert browser.use_link(link[:-1] + ("A" if link[-1] != "A" else "B")).status_code == 410
    assert browser.use_link(link.replace("/sign_in/", "/verify/")).status_code == 410  # bound to its purpose
    assert browser.post("/account/link/sign_in/" + "x" * 300).status_code == 410


def test_answers_are_identical_for_known_and_unknown_addresses(make_browser, inbox):
    get_user_model().objects.create_user("known", email="known@example.org", password="a long passphrase 1")
    known = make_browser("203.0.113.1").post("/account/sign-in", {"email": "known@example.org"})
    unknown = make_browser("203.0.113.2").post("/account/sign-in", {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 200
    assert _strip_csrf(known.content.decode()) == _strip_csrf(unknown.content.decode())
    # Both got the same kind of mail: nothing tells a caller which address has an account.
    assert len(inbox.wait_for(to="known@example.org")) == len(inbox.wait_for(to="nobody@example.org")) == 1

    wrong_known = make_browser("203.0.113.3").post("/account/sign-in",
                                                   {"email": "known@example.org", "password": "wrong guess 123"})
    wrong_unknown = make_browser("203.0.113.4").post("/account/sign-in",
                                                     {"email": "nobody@example.org", "password": "wrong guess 123"})
    assert wrong_known.status_code == wrong_unknown.status_code == 400
    assert _strip_csrf(wrong_known.content.decode()) == _strip_csrf(wrong_unknown.content.decode())


def test_attempts_are_limited_per_address_and_per_network(make_browser, inbox, settings):
    settings.ACCOUNTS_LINKS_PER_ADDRESS = 3
    settings.ACCOUNTS_LINKS_PER_NETWORK = 5
    for i in range(3):
        assert make_browser(f"192.0.2.{i + 1}").post("/account/sign-in", {"email": "a@example.org"}).status_code == 200
    # The fourth request for one address from the same network (192.0.2.0/24) is refused.
    assert make_browser("192.0.2.9").post("/account/sign-in", {"email": "a@example.org"}).status_code == 429
    assert len(inbox.wait_for(3, to="a@example.org")) == 3
    # One network asking for many addresses is refused too.
    spray = make_browser("198.18.0.1")
    answers = [spray.post("/account/sign-in", {"email": f"n{i}@example.org"}).status_code for i in range(7)]
    assert answers == [200] * 5 + [429] * 2


@pytest.mark.parametrize("target", [
    "https://evil.example/steal", "//evil.example/x", "http://evil.example", "\\\\evil.example",
    "javascript:alert(1)", "/\\evil.example",
])
def test_next_never_leaves_our_host(browser, inbox, target):
    browser.post("/account/sign-in", {"email": "n@example.org", "next": target})
    response = browser.use_link(inbox.last_link("n@example.org", "/account/link/"))
    assert response.status_code == 302
    assert response["Location"] == "/account/"


def test_next_to_our_own_page_is_followed(browser, inbox):
    browser.post("/account/sign-in", {"email": "n@example.org", "next": "/some/article/?sort=votes#comments"})
    link = inbox.last_link("n@example.org", "/account/link/")
    assert browser.use_link(link)["Location"] == "/some/article/?sort=votes#comments"


def test_staff_accounts_cannot_sign_in_by_link(browser, inbox):
    get_user_model().objects.create_user("ed", email="ed@example.org", password="x" * 12, is_staff=True)
    assert browser.post("/account/sign-in", {"email": "ed@example.org"}).status_code == 200
    assert browser.use_link(inbox.last_link("ed@example.org", "/account/link/")).status_code == 403
    assert not _signed_in(browser)


def test_password_sign_in_sign_out_by_post_only(browser, inbox):
    browser.post("/account/sign-in", {"email": "p@example.org"})
    browser.use_link(inbox.last_link("p@example.org", "/account/link/"))
    assert browser.post("/account/password", {"password": "short"}).status_code == 400
    assert browser.post("/account/password", {"password": "correct horse battery"}).status_code == 302
    user = get_user_model().objects.get(email="p@example.org")
    user.refresh_from_db()
    assert user.password.startswith("argon2")
    assert browser.get("/account/sign-out").status_code == 405
    assert _signed_in(browser)
    assert browser.post("/account/sign-out").status_code == 302
    assert not _signed_in(browser)
    session_before = browser.client.cookies.get("sessionid")
    response = browser.post("/account/sign-in", {"email": "p@example.org", "password": "correct horse battery",
                                                 "next": "https://evil.example/"})
    assert response.status_code == 302
    assert response["Location"] == "/account/"
    assert _signed_in(browser)
    assert session_before is None or browser.client.cookies["sessionid"].value != session_before.value


def test_session_cookie_is_http_only_and_secure_when_https(browser, inbox, settings):
    settings.SESSION_COOKIE_SECURE = True
    browser.post("/account/sign-in", {"email": "c@example.org"})
    response = browser.use_link(inbox.last_link("c@example.org", "/account/link/"))
    cookie = response.cookies["sessionid"]
    assert cookie["httponly"]
    assert cookie["secure"]
    assert cookie["samesite"] == "Lax"


def test_known_and_unknown_addresses_cost_the_same_database_work(make_browser, inbox):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    get_user_model().objects.create_user("k", email="known2@example.org")
    ReaderIdentity.objects.create(email="known2@example.org", verified_at=timezone.now())
    counts = []
    for i, email in enumerate(["known2@example.org", "unknown2@example.org"]):
        visitor = make_browser(f"203.0.113.{60 + i}")
        visitor.csrf()
        with CaptureQueriesContext(connection) as queries:
            assert visitor.post("/account/sign-in", {"email": email}).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_password_checks_take_similar_time_for_unknown_addresses(settings):
    import statistics
    import time

    from masthead.accounts.actions import check_password_sign_in

    settings.ACCOUNTS_LINKS_PER_ADDRESS = settings.ACCOUNTS_LINKS_PER_NETWORK = 1000
    get_user_model().objects.create_user("t", email="timed@example.org", password="the right passphrase")

    def timed(email: str) -> float:
        start = time.perf_counter()
        assert check_password_sign_in(email, "a wrong passphrase", network="n") is None
        return time.perf_counter() - start

    known = statistics.median(timed("timed@example.org") for _ in range(3))
    unknown = statistics.median(timed("nobody-timed@example.org") for _ in range(3))
    # Both spend one Argon2 hash; without the dummy hash the unknown case would be ~100 times faster.
    assert 0.33 < unknown / known < 3, (known, unknown)
