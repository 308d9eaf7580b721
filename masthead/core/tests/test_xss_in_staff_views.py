"""SECURITY.md, stored XSS in the staff contexts: what readers type is inert in the moderation queue (pending and
flagged tabs, with a hostile flag note) and in the admin's lists and forms.

The reader-facing contexts (page, API, feeds, passages, mail, donor wall, JSON-LD) have their tests in their apps
(see docs/security.md); a moderator's screen is the most valuable target, since a script there acts with
moderator rights.
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from masthead.discussion.actions import do_change_status
from masthead.moderation import actions as moderation
from masthead.testing.discussion import make_thread, post_as, reader

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("relaxed_moderation")]

MARK = "xssmark"
NAME = f'<script>{MARK}()</script>"><img src=x onerror={MARK}()>'
BODY = f'<script>{MARK}()</script> <img src=x onerror="{MARK}()"> [x](javascript:{MARK}())'
WEBSITE = f'https://ex.ample/"><script>{MARK}()</script>'
NOTE = f'</textarea><svg onload={MARK}()>'


class _Active(HTMLParser):
    """Finds the marker anywhere it would run: in a script element, an event handler, or a script URL."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.in_script = False
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.in_script = tag == "script"
        for name, value in attrs:
            value = value or ""
            if MARK in value and (name.startswith("on") or value.strip().lower().startswith("javascript:")):
                self.found.append(f"<{tag} {name}={value}>")
        if tag in {"svg", "img", "iframe"} and any(MARK in (v or "") for _, v in attrs):
            self.found.append(f"<{tag}>")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.in_script = False

    def handle_data(self, data: str) -> None:
        if self.in_script and MARK in data:
            self.found.append(f"<script>{data[:40]}")


def _assert_inert(html: str, where: str) -> None:
    parser = _Active()
    parser.feed(html)
    assert not parser.found, (where, parser.found)


def test_what_readers_type_is_inert_in_the_moderation_queue_and_the_admin(boss):
    thread = make_thread(headline=f"<script>{MARK}()</script> headline")
    parent = post_as(thread, reader("ada"), body=BODY, author_name=NAME, author_website=WEBSITE)
    held = post_as(thread, reader("bo", network="net-b"), body=BODY, author_name=NAME, parent_id=parent.pk,
                   quote="script")
    do_change_status(held, "pending", [f"<b>{MARK}</b>"])
    moderation.do_flag(parent, "g:one", "abuse", note=NOTE, network_hash="net-1")

    pages = {path: boss.get(path) for path in [
        "/moderation/?tab=pending", "/moderation/?tab=flagged", "/admin/discussion/comment/",
        f"/admin/discussion/comment/{parent.pk}/change/", f"/admin/discussion/comment/{held.pk}/change/",
        "/admin/moderation/moderationdecision/", "/admin/moderation/auditlog/",
    ]}
    for path, response in pages.items():
        assert response.status_code == 200, path
        _assert_inert(response.content.decode(), path)
    # The texts are there, escaped, not dropped (else the test would pass on an empty page).
    queue = pages["/moderation/?tab=pending"].content.decode()
    assert "&lt;script&gt;" in queue
    assert MARK in pages["/moderation/?tab=flagged"].content.decode()
    assert MARK in pages[f"/admin/discussion/comment/{parent.pk}/change/"].content.decode()


def test_the_control_detector_finds_live_markup():
    with pytest.raises(AssertionError):
        _assert_inert(f"<p>{NAME}</p>", "control")
    with pytest.raises(AssertionError):
        _assert_inert(f'<a href="javascript:{MARK}()">x</a>', "control")
