"""Password guessing is throttled on every password path (admin login, reader sign-in), per account and per
network, with backoff; the owner keeps a way in (a familiar network, or the emailed link). The clock is fixed."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

pytestmark = pytest.mark.django_db

STAFF_PASSWORD = "the editor's long passphrase"
READER_PASSWORD = "a reader's long passphrase"


@pytest.fixture
def editor():
    return get_user_model().objects.create_user("editor", email="editor@example.org", password=STAFF_PASSWORD,
                                                is_staff=True)


def _admin_login(client: Client, password: str, username: str = "editor"):
    return client.post("/admin/login/", {"username": username, "password": password, "next": "/admin/"})


def _signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def test_thirty_wrong_admin_passwords_then_the_right_one_is_refused(clock, editor):
    attacker = Client(REMOTE_ADDR="203.0.113.7")
    answers = [_admin_login(attacker, f"guess number {i}").status_code for i in range(30)]
    # Five free failures, a sixth checked attempt that starts a one-minute lock, then refusals.
    assert answers[:6] == [200] * 6
    assert set(answers[6:]) == {429}
    right = _admin_login(attacker, STAFF_PASSWORD)
    assert right.status_code == 429
    assert "Too many failed sign-in attempts" in right.content.decode()
    assert int(right["Retry-After"]) <= 60
    assert not _signed_in(attacker)


def test_the_owner_at_a_familiar_network_is_not_locked_out_by_a_stranger(clock, editor):
    owner = Client(REMOTE_ADDR="198.51.100.20")
    assert _admin_login(owner, STAFF_PASSWORD).status_code == 302  # the network becomes familiar
    owner.post("/admin/logout/")
    attacker = Client(REMOTE_ADDR="203.0.113.7")
    for i in range(30):
        _admin_login(attacker, f"guess number {i}")
    assert _admin_login(attacker, STAFF_PASSWORD).status_code == 429
    # The owner, at home, signs in at once with the right password; a new browser there too.
    assert _admin_login(owner, STAFF_PASSWORD).status_code == 302
    assert _signed_in(owner)
    assert _admin_login(Client(REMOTE_ADDR="198.51.100.77"), STAFF_PASSWORD).status_code == 302


def test_the_lock_backs_off_and_ends(clock, editor):
    attacker = Client(REMOTE_ADDR="203.0.113.7")
    for i in range(6):
        assert _admin_login(attacker, f"guess {i}").status_code == 200
    assert _admin_login(attacker, "guess 6").status_code == 429
    clock.shift(timedelta(seconds=61))
    assert _admin_login(attacker, "guess 7").status_code == 200  # one checked attempt, then two minutes
    clock.shift(timedelta(seconds=61))
    assert _admin_login(attacker, "guess 8").status_code == 429
    clock.shift(timedelta(seconds=60))
    # A stranger's six failures kept the owner (from a new network) out for minutes, never an hour.
    owner_elsewhere = Client(REMOTE_ADDR="198.51.100.20")
    assert _admin_login(owner_elsewhere, STAFF_PASSWORD).status_code == 302


def test_one_network_trying_many_accounts_is_locked(clock, settings):
    settings.ACCOUNTS_PASSWORD_NETWORK_FREE_FAILURES = 8
    model = get_user_model()
    for i in range(12):
        model.objects.create_user(f"user{i}", password=f"secret passphrase {i}")
    sprayer = Client(REMOTE_ADDR="203.0.113.7")
    answers = [_admin_login(sprayer, "Winter2026!", username=f"user{i}").status_code for i in range(12)]
    assert answers[:9] == [200] * 9  # eight free, a ninth that starts the network's lock
    assert set(answers[9:]) == {429}
    # Another network is not affected.
    assert _admin_login(Client(REMOTE_ADDR="198.51.100.20"), "Winter2026!", username="user11").status_code == 200


def test_reader_password_guessing_is_throttled_and_the_emailed_link_stays_open(clock, make_browser, inbox):
    get_user_model().objects.create_user("reader-1", email="ann@example.org", password=READER_PASSWORD)
    attacker = make_browser("203.0.113.7")
    answers = [attacker.post("/account/sign-in", {"email": "ann@example.org", "password": f"guess {i}"}).status_code
               for i in range(30)]
    assert answers[:6] == [400] * 6
    assert set(answers[6:]) == {429}
    right = attacker.post("/account/sign-in", {"email": "ann@example.org", "password": READER_PASSWORD})
    assert right.status_code == 429
    assert "try again in a minute" in right.content.decode()
    assert "_auth_user_id" not in attacker.client.session

    # The owner asks for a link from their own network and signs in with it.
    owner = make_browser("198.51.100.20")
    assert owner.post("/account/sign-in", {"email": "ann@example.org"}).status_code == 200
    assert owner.use_link(inbox.last_link("ann@example.org", "/account/link/"), claim=False).status_code == 302
    assert "_auth_user_id" in owner.client.session


def test_unknown_addresses_are_throttled_alike(clock, make_browser):
    attacker = make_browser("203.0.113.7")
    answers = [attacker.post("/account/sign-in", {"email": "nobody@example.org", "password": f"guess {i}"})
               .status_code for i in range(8)]
    assert answers == [400] * 6 + [429] * 2


def test_a_few_link_requests_from_a_stranger_do_not_lock_the_owner_out(clock, make_browser, inbox):
    stranger = make_browser("203.0.113.7")
    answers = [stranger.post("/account/sign-in", {"email": "bea@example.org"}).status_code for _ in range(6)]
    assert answers == [200] * 5 + [429]
    owner = make_browser("198.51.100.20")
    assert owner.post("/account/sign-in", {"email": "bea@example.org"}).status_code == 200
    assert len(inbox.wait_for(6, to="bea@example.org")) == 6


def test_mail_to_one_address_from_many_networks_is_bounded_but_not_at_home(clock, make_browser, inbox, settings):
    settings.ACCOUNTS_LINKS_PER_ADDRESS_ALL = 4
    owner = make_browser("198.51.100.20")
    owner.post("/account/sign-in", {"email": "cy@example.org"})
    assert owner.use_link(inbox.last_link("cy@example.org", "/account/link/"), claim=False).status_code == 302
    owner.post("/account/sign-out")
    answers = [make_browser(f"203.0.{i}.7").post("/account/sign-in", {"email": "cy@example.org"}).status_code
               for i in range(5)]
    assert answers == [200] * 3 + [429] * 2  # the owner's request counted as one of the four
    assert owner.post("/account/sign-in", {"email": "cy@example.org"}).status_code == 200


def test_a_parallel_burst_after_the_free_failures_gets_one_checked_attempt(clock):
    from concurrent.futures import ThreadPoolExecutor

    from masthead.accounts import throttle

    attempt = throttle.Attempt(throttle.account_key(None, "someone"), "net-x")
    assert [throttle.reserve(attempt) for _ in range(5)] == [0] * 5  # the free failures
    with ThreadPoolExecutor(max_workers=16) as pool:
        waits = list(pool.map(lambda _: throttle.reserve(attempt), range(40)))
    assert waits.count(0) == 1  # one attempt took the lock; the rest were told to wait
    assert all(0 < wait <= 60 for wait in waits if wait)
