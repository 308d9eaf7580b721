"""With no SMTP server configured (a first `make run`), every mail flow can still be finished: mail is written to
the server's log and kept in an outbox that superusers read, links clickable. Real worker, committed data."""

from __future__ import annotations

import logging
import re
import subprocess
import sys
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from masthead.notifications.models import OutboxMail, Subscription
from masthead.notifications.outbox import BACKEND
from masthead.notifications.tests.helpers import make_thread, wait_idle
from masthead.testing.processes import masthead_env

pytestmark = pytest.mark.django_db(transaction=True)

LINK = re.compile(r'<a href="([^"]+)"')


@pytest.fixture
def outbox(settings) -> None:
    settings.EMAIL_BACKEND = BACKEND
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # personas, not login tests


@pytest.fixture
def editor() -> Client:
    client = Client()
    client.force_login(get_user_model().objects.create_superuser("editor", "editor@example.org", "pw-for-tests"))
    return client


def links_in_outbox(editor: Client, part: str) -> list[str]:
    page = editor.get("/notifications/outbox/")
    assert page.status_code == 200
    return [urlsplit(href).path for href in LINK.findall(page.content.decode()) if part in href]


def settings_of(tmp_path, **env: str) -> str:
    """EMAIL_BACKEND as a fresh process reads it from this environment (as `make run` starts)."""
    program = "import django; django.setup(); from django.conf import settings; print(settings.EMAIL_BACKEND)"
    base = {k: v for k, v in masthead_env(tmp_path, "").items() if not k.startswith("EMAIL_")}
    result = subprocess.run([sys.executable, "-c", program], env={**base, **env}, capture_output=True, text=True,
                            check=True, timeout=60)
    return result.stdout.strip()


def test_without_an_smtp_server_mail_goes_to_the_outbox(tmp_path):
    assert settings_of(tmp_path) == BACKEND
    assert settings_of(tmp_path, EMAIL_HOST="mail.example.org") == "django.core.mail.backends.smtp.EmailBackend"


def test_a_guest_confirms_notify_of_through_the_outbox(outbox, worker, editor, caplog):
    thread = make_thread(headline="Tram depot plans")
    guest = Client(REMOTE_ADDR="198.51.100.7")
    with caplog.at_level(logging.INFO, logger="masthead.mail"):
        answer = guest.post("/notifications/subscribe", {"thread": thread.pk, "email": "ada@example.org",
                                                         "kind": "thread"})
        assert b"Check your inbox" in answer.content
        wait_idle()
    mail = OutboxMail.objects.get()
    assert mail.to == "ada@example.org"
    assert "Tram depot plans" in mail.subject
    [confirm] = links_in_outbox(editor, "/notifications/confirm/")
    assert confirm in caplog.text  # the server's log carries the same mail, link included

    assert b"Confirm" in guest.get(confirm).content
    assert b"You are subscribed" in guest.post(confirm).content
    assert Subscription.objects.get().status == Subscription.Status.ACTIVE


def test_a_reader_signs_in_by_link_through_the_outbox(outbox, editor):
    reader = Client(REMOTE_ADDR="198.51.100.8")
    answer = reader.post("/account/sign-in", {"email": "reader@example.org"})
    assert answer.status_code == 200
    [link] = links_in_outbox(editor, "/account/link/")
    assert "_auth_user_id" not in reader.session
    assert reader.post(link, {"claim": "1"}).status_code == 302
    assert reader.session["_auth_user_id"] == str(get_user_model().objects.get(email="reader@example.org").pk)


def test_only_superusers_read_the_outbox(outbox):
    from masthead.moderation import roles
    from masthead.testing.moderation import staff_user

    OutboxMail.objects.create(from_email="news@localhost", to="ada@example.org", subject="Your sign-in link",
                              body="https://news.example/account/link/sign_in/secret-token")
    anonymous = Client().get("/notifications/outbox/")
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/admin/login/")
    for user in (get_user_model().objects.create_user("reader", "r@example.org", "pw-for-tests"),
                 staff_user("moderator", roles.MODERATORS)):
        client = Client()
        client.force_login(user)
        answer = client.get("/notifications/outbox/")
        assert answer.status_code == 403
        assert b"secret-token" not in answer.content
    superuser = Client()
    superuser.force_login(get_user_model().objects.create_superuser("editor", "e@example.org", "pw-for-tests"))
    assert b"secret-token" in superuser.get("/notifications/outbox/").content


def test_erasing_an_address_deletes_the_mails_kept_for_it(outbox):
    from masthead.notifications.actions import do_keep_outbox_mail
    from masthead.notifications.privacy import do_erase_address

    for to in ("ada@example.org", "bob@example.org"):
        do_keep_outbox_mail(from_email="news@localhost", to=[to], subject="Confirm", body="a link")
    assert do_erase_address("Ada@Example.org") == 1
    assert list(OutboxMail.objects.values_list("to", flat=True)) == ["bob@example.org"]


def test_the_outbox_keeps_only_the_latest_mails(outbox, monkeypatch):
    from masthead.notifications import actions

    monkeypatch.setattr(actions, "OUTBOX_KEEP", 3)
    for n in range(5):
        actions.do_keep_outbox_mail(from_email="news@localhost", to=["ada@example.org"], subject=f"Mail {n}",
                                    body="text")
    assert list(OutboxMail.objects.values_list("subject", flat=True)) == ["Mail 4", "Mail 3", "Mail 2"]
