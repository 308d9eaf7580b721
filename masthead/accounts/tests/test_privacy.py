"""A reader downloads all their data and erases it; afterwards nothing in the database, the cache or the task
queue names them. Staff run the same export and erasure by command."""

from __future__ import annotations

import json
import pickle
from datetime import timedelta

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from masthead.discussion.actions import NewComment, do_vote, submit_comment
from masthead.discussion.models import Comment, Vote
from masthead.funding.models import Donation
from masthead.notifications.actions import do_request_subscription, do_subscribe_verified
from masthead.notifications.models import Subscription
from masthead.testing.discussion import make_thread, post_as, reader

pytestmark = pytest.mark.django_db

EMAIL = "zelda.quixote@example.org"
NAME = "Zelda Quixote"
WEBSITE = "https://zelda-quixote.example/"
NEEDLES = [EMAIL, NAME, "zelda-quixote.example", "Quixote"]


def _rows_naming(needles: list[str]) -> list[str]:
    """Every row of every table (text of any column) that mentions one of ``needles``, case-insensitively."""
    found = []
    lowered = [n.lower() for n in needles]
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 - introspected names
            for row in cursor.fetchall():
                text = " ".join(str(v) for v in row).lower()
                if any(n in text for n in lowered):
                    found.append(f"{table}: {text[:200]}")
    return found


def _cache_naming(needles: list[str]) -> list[str]:
    """Keys of every cache (each alias) whose value names one of the needles."""
    entries = []
    for alias in settings.CACHES:
        store = getattr(caches[alias], "_cache", None)
        assert store is not None, "this check reads the local-memory caches the tests run with"
        entries += list(store.items())
    from masthead.discussion import render

    entries += [(f"shown comment {key[2]}", str(html)) for key, html in render._shown.items()]  # per-process copies
    hits = []
    for key, value in entries:
        raw = value if isinstance(value, bytes) else pickle.dumps(value)
        text = pickle.loads(raw) if isinstance(value, bytes) else value  # noqa: S301 - our own cache entries
        blob = repr(text).lower()
        if any(n.lower() in blob for n in needles):
            hits.append(key)
    return hits


@pytest.fixture
def reader_with_history(browser, inbox, django_capture_on_commit_callbacks, client):
    thread = make_thread(headline="The bridge vote")
    other = post_as(thread, reader("neighbour"), "A neighbour speaks", author_name="Neighbour")
    as_guest = post_as(thread, reader("zelda"), "My first guest comment", author_name=NAME, author_email=EMAIL,
                       author_website=WEBSITE)
    leaf = post_as(thread, reader("zelda"), "A second guest comment", author_name=NAME, author_email=EMAIL)
    post_as(thread, reader("neighbour"), "A reply to Zelda", author_name="Neighbour", parent_id=as_guest.pk)
    Donation.objects.create(donor_email=EMAIL, donor_name=NAME, wall_name=NAME, public_message="Go Quixote",
                            currency="usd", amount=2500, is_paid=True, paid_at=timezone.now(),
                            status=Donation.Status.PAID, net_amount=2500, supporter_key=EMAIL, show_on_wall=True)
    Donation.objects.create(donor_email="someone@example.org", donor_name="Someone", currency="usd", amount=1000,
                            is_paid=True, paid_at=timezone.now(), status=Donation.Status.PAID, net_amount=1000)

    browser.post("/account/sign-in", {"email": EMAIL})
    browser.use_link(inbox.last_link(EMAIL, "/account/link/"), claim=True)
    user = get_user_model().objects.get(email=EMAIL)
    me = reader("zelda-account", user_id=user.pk)
    me.display_name = NAME
    do_vote(other, me, 1)
    submit_comment(thread, me, NewComment(body="Signed in now"))
    do_subscribe_verified(thread.pk, EMAIL, Subscription.Kind.REPLIES, name=NAME, user=user, network_hash="n1")
    with django_capture_on_commit_callbacks(execute=True):  # a confirmation mail waiting in the task queue
        do_request_subscription(thread.pk, EMAIL, Subscription.Kind.THREAD, name=NAME, network_hash="n1")
    assert any(EMAIL in json.dumps(a) for a in DBTaskResult.objects.values_list("args_kwargs", flat=True))
    # The article page caches the discussion with her name in it.
    assert thread.article is not None
    assert NAME in client.get(thread.article.get_absolute_url()).content.decode()
    assert _cache_naming([NAME])
    return {"thread": thread, "other": other, "as_guest": as_guest, "leaf": leaf, "user": user}


def test_download_holds_comments_votes_subscriptions_donations(browser, reader_with_history):
    response = browser.get("/account/data.json")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    bodies = {c["body"] for c in data["comments"]}
    assert bodies == {"My first guest comment", "A second guest comment", "Signed in now"}
    assert [v["value"] for v in data["votes"]] == [1]
    assert {s["kind"] for s in data["subscriptions"]} == {"replies", "thread"} or \
        {s["kind"] for s in data["subscriptions"]} == {"replies"}
    assert [d["amount_minor_units"] for d in data["donations"]] == [2500]
    assert data["donations"][0]["wall_name"] == NAME
    assert data["account"]["email"] == EMAIL
    assert "Someone" not in response.content.decode()
    assert "token" not in response.content.decode().lower()


def test_erasure_leaves_nothing_that_names_the_reader(browser, reader_with_history):
    before = _rows_naming(NEEDLES)
    assert before  # the search finds the reader before erasure (it can fail)
    response = browser.post("/account/erase", {"confirm": "erase", "comments": "remove"})
    assert response.status_code == 200

    assert _rows_naming(NEEDLES) == []
    assert _cache_naming(NEEDLES) == []
    # The confirmation mail that was waiting in the queue for her address will not go out.
    assert not DBTaskResult.objects.filter(status="READY", task_path__endswith="process_subscription_request").exists()
    assert not get_user_model().objects.filter(pk=reader_with_history["user"].pk).exists()
    # Comments with replies stay as tombstones; the rest are gone; counts follow.
    tombstone = Comment.objects.get(pk=reader_with_history["as_guest"].pk)
    assert tombstone.status == Comment.Status.DELETED
    assert (tombstone.body, tombstone.author_name, tombstone.author_email) == ("", "", "")
    assert not Comment.objects.filter(pk=reader_with_history["leaf"].pk).exists()
    thread = reader_with_history["thread"]
    thread.refresh_from_db()
    assert thread.comment_count == Comment.objects.filter(thread=thread, status="visible").count() == 2
    # Votes deleted and the score follows; donations anonymised with the amounts kept.
    assert not Vote.objects.exists()
    assert Comment.objects.get(pk=reader_with_history["other"].pk).score == 0
    assert sorted(Donation.objects.values_list("amount", flat=True)) == [1000, 2500]
    assert Donation.objects.get(amount=2500).is_anonymous
    assert not Subscription.objects.exists()
    # The browser is signed out and its guest cookies are gone.
    assert "_auth_user_id" not in browser.client.session
    assert browser.get("/account/data.json").status_code == 403


def test_erasure_keeps_tombstones_when_the_reader_chooses(browser, reader_with_history):
    browser.post("/account/erase", {"confirm": "erase", "comments": "tombstone"})
    assert Comment.objects.filter(pk=reader_with_history["leaf"].pk, status="deleted", author_name="").exists()
    assert _rows_naming(NEEDLES) == []


def test_publisher_can_forbid_removal(browser, reader_with_history):
    from masthead.accounts.models import PrivacySettings

    PrivacySettings.objects.update_or_create(pk=1, defaults={"allow_comment_removal": False})
    browser.post("/account/erase", {"confirm": "erase", "comments": "remove"})
    assert Comment.objects.filter(pk=reader_with_history["leaf"].pk, status="deleted").exists()


def test_erasure_needs_confirmation_and_a_proved_identity(browser, make_browser, reader_with_history):
    assert browser.post("/account/erase", {"confirm": "yes"}).status_code == 400
    stranger = make_browser("203.0.113.77")
    assert stranger.post("/account/erase", {"confirm": "erase"}).status_code == 403
    assert stranger.get("/account/data.json").status_code == 403
    assert get_user_model().objects.filter(email=EMAIL).exists()


def test_staff_export_and_erase_by_command(reader_with_history, tmp_path, capsys):
    out = tmp_path / "export.json"
    call_command("privacy_export", "--email", EMAIL.upper(), "--output", str(out))
    data = json.loads(out.read_text())
    assert len(data["comments"]) == 3
    assert len(data["donations"]) == 1
    with pytest.raises(Exception, match="--yes"):
        call_command("privacy_erase", "--email", EMAIL)
    call_command("privacy_erase", "--email", EMAIL, "--yes")
    # The command cannot know the reader's browser, so nothing else is needed to find them: address and account.
    assert _rows_naming([EMAIL, NAME]) == []


def test_retention_setting_exists_with_default():
    from masthead.accounts.models import PrivacySettings

    assert PrivacySettings.current().network_retention_days == 90
    assert apps.get_model("accounts", "PrivacySettings")
    assert timedelta(days=PrivacySettings.current().network_retention_days).days == 90


def test_a_verified_guest_without_account_downloads_and_erases(browser, inbox):
    thread = make_thread()
    post_as(thread, reader("guest-only"), "Guest words", author_name="Guesty McGuest",
            author_email="guesty@example.org")
    browser.post("/account/verify", {"email": "guesty@example.org"})
    browser.use_link(inbox.last_link("guesty@example.org", "/account/link/"), claim=True)
    data = json.loads(browser.get("/account/data.json").content)
    assert [c["body"] for c in data["comments"]] == ["Guest words"]
    assert data["account"] is None
    assert data["identity"]["email"] == "guesty@example.org"
    assert browser.post("/account/erase", {"confirm": "erase", "comments": "remove"}).status_code == 200
    assert _rows_naming(["guesty@example.org", "Guesty McGuest"]) == []
    assert not Comment.objects.filter(thread=thread).exists()


@pytest.mark.django_db
def test_votes_imported_under_an_address_are_exported_and_erased_with_it(tmp_path):
    """``masthead import wordpress-db`` keeps a member's wpDiscuz votes under their address's imported-reader key."""
    from masthead.discussion.imported import ImportedVote, do_import_votes, imported_reader_key

    comment = post_as(make_thread(), reader("author"), "Someone else's comment.")
    do_import_votes(comment, [ImportedVote(imported_reader_key("Voter@Example.org"), 1)], upvotes=3, downvotes=0)
    out = tmp_path / "export.json"
    call_command("privacy_export", "--email", "voter@example.org", "--output", str(out))
    assert len(json.loads(out.read_text())["votes"]) == 1
    call_command("privacy_erase", "--email", "voter@example.org", "--yes")
    comment.refresh_from_db()
    assert not Vote.objects.exists()
    assert (comment.upvotes, comment.score) == (2, 2)  # the others' anonymous votes stay
