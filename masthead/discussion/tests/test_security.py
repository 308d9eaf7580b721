"""SECURITY.md classes on every discussion write path: XSS, CSRF, sort injection, mass assignment, acting as
someone else, data exposure, oversized and malformed input."""

import json
from html.parser import HTMLParser

import pytest
from django.test import Client

from masthead.discussion.actions import thread_for_article
from masthead.discussion.models import Comment, Thread
from masthead.testing.discussion import Guest, make_article, post_as

pytestmark = pytest.mark.django_db

XSS_BODIES = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "[click](jAvAsCrIpT&#58;alert(1))",
    "[click](&#106;avascript:alert(1))",
    '<a href="javascript:alert(1)">x</a>',
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "<svg/onload=alert(1)>",
    "<iframe src=//evil.example>",
]


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, attrs))


def _assert_inert(html: str) -> None:
    """No active element, no event handler, and links only to http, https or mailto."""
    parser = _Elements()
    parser.feed(html)
    for tag, attrs in parser.found:
        assert tag not in {"script", "iframe", "svg", "img", "object", "embed", "style"}, tag
        for name, value in attrs:
            assert not name.startswith("on"), name
            if name in {"href", "src"}:
                assert (value or "").split(":")[0].lower() in {"http", "https", "mailto"} or (value or "").startswith(
                    ("#", "/", "?")), value


@pytest.fixture
def article_and_thread():
    article = make_article()
    return article, thread_for_article(article)


@pytest.mark.parametrize("body", XSS_BODIES)
def test_markup_in_a_new_comment_is_rendered_inert(guest, article_and_thread, body):
    article, thread = article_and_thread
    guest.open(article.get_absolute_url())
    response = guest.post_comment(thread, body)
    assert response.status_code == 201
    _assert_inert(response.json()["body_html"])
    page = guest.open(article.get_absolute_url()).content.decode()
    section = page[page.index('id="comments"'):]
    _assert_inert(section.split("<script src=")[0])


@pytest.mark.parametrize("body", XSS_BODIES[:4])
def test_markup_in_an_edit_is_rendered_inert(guest, article_and_thread, body):
    article, thread = article_and_thread
    guest.open(article.get_absolute_url())
    comment_id = guest.post_comment(thread, "harmless").json()["id"]
    response = guest.api("put", f"/comments/{comment_id}", {"body": body})
    assert response.status_code == 200
    _assert_inert(response.json()["body_html"])
    _assert_inert(Comment.objects.get(pk=comment_id).body_html)


def test_names_and_websites_are_escaped_in_every_context(guest, article_and_thread):
    article, thread = article_and_thread
    guest.open(article.get_absolute_url())
    name = '<script>alert("n")</script>" onmouseover="x'
    website = 'https://ex.ample/"><script>x</script>?a=1&b=2'
    response = guest.post_comment(thread, "hi", author_name=name, author_website=website)
    assert response.status_code == 201
    page = guest.open(article.get_absolute_url()).content.decode()
    section = page[page.index('id="comments"'):].split("<script src=")[0]
    _assert_inert(section)
    assert "&lt;script&gt;alert(&quot;n&quot;)&lt;/script&gt;&quot; onmouseover=&quot;x" in section
    assert 'href="https://ex.ample/&quot;&gt;&lt;script&gt;x&lt;/script&gt;?a=1&amp;b=2"' in section
    # The API gives JSON (escaped by the encoder, served as JSON), and the name comes back as data.
    assert response.json()["author_name"] == name


@pytest.mark.parametrize("website", ["javascript:alert(1)", "data:text/html,x", "ftp://files.example", "//evil.example",
                                     "java\tscript:alert(1)", " javascript:alert(1)"])
def test_only_http_and_https_websites_are_accepted(guest, article_and_thread, website):
    article, thread = article_and_thread
    guest.open(article.get_absolute_url())
    response = guest.post_comment(thread, "hi", author_website=website)
    assert response.status_code == 400
    assert response.json()["code"] == "bad_website"


def test_api_writes_without_a_csrf_token_are_refused(article_and_thread):
    article, thread = article_and_thread
    comment = post_as(thread)
    browser = Client(enforce_csrf_checks=True)
    browser.get(article.get_absolute_url())
    payload = json.dumps({"body": "forged", "author_name": "Mallory"})
    assert browser.post(f"/api/discussion/threads/{thread.pk}/comments", payload,
                        content_type="application/json").status_code == 403
    assert browser.post(f"/api/discussion/threads/{thread.pk}/comments", payload, content_type="application/json",
                        HTTP_X_CSRFTOKEN="not-the-token").status_code == 403
    assert browser.post(f"/api/discussion/comments/{comment.pk}/vote", json.dumps({"value": 1}),
                        content_type="application/json").status_code == 403
    assert browser.put(f"/api/discussion/comments/{comment.pk}", json.dumps({"body": "x"}),
                       content_type="application/json").status_code == 403
    assert browser.delete(f"/api/discussion/comments/{comment.pk}").status_code == 403
    assert Comment.objects.filter(thread=thread).count() == 1
    assert Comment.objects.get(pk=comment.pk).score == 0


def test_plain_forms_without_a_csrf_token_are_refused(article_and_thread):
    article, thread = article_and_thread
    comment = post_as(thread)
    browser = Client(enforce_csrf_checks=True)
    browser.get(article.get_absolute_url())
    assert browser.post(f"/discussion/threads/{thread.pk}/comments",
                        {"body": "forged", "author_name": "Mallory"}).status_code == 403
    assert browser.post(f"/discussion/threads/{thread.pk}/vote", {"vote": f"{comment.pk}:1"}).status_code == 403
    assert Comment.objects.filter(thread=thread).count() == 1


def test_state_never_changes_on_get(guest, article_and_thread):
    _article, thread = article_and_thread
    comment = post_as(thread)
    assert guest.client.get(f"/discussion/threads/{thread.pk}/comments").status_code == 405
    assert guest.client.get(f"/discussion/threads/{thread.pk}/vote?vote={comment.pk}:1").status_code == 405
    assert guest.client.get(f"/api/discussion/comments/{comment.pk}/vote").status_code == 405


@pytest.mark.parametrize("sort", ["id; DROP TABLE discussion_comment", "-score", "body", "created_at__gt",
                                  "(SELECT 1)", "votes'--", "author_email"])
def test_sort_parameters_come_from_a_fixed_set(guest, article_and_thread, sort):
    article, thread = article_and_thread
    post_as(thread, body="first")
    page = guest.client.get(article.get_absolute_url(), {"sort": sort})
    assert page.status_code == 200
    assert 'data-sort="newest"' in page.content.decode()  # unknown values fall back to the default
    assert guest.client.get(f"/discussion/threads/{thread.pk}/page", {"sort": sort}).status_code == 200
    api = guest.client.get(f"/api/discussion/threads/{thread.pk}/comments", {"sort": sort})
    assert api.status_code == 400
    assert Comment.objects.filter(thread=thread).count() == 1


@pytest.mark.parametrize("after", ["1.1; DROP TABLE x", "abc", "1e9.1", "99999999999999999999999.1", "-.1", "1.-1"])
def test_malformed_cursors_are_refused_not_crashed(guest, article_and_thread, after):
    article, thread = article_and_thread
    post_as(thread)
    assert guest.client.get(f"/api/discussion/threads/{thread.pk}/comments", {"after": after}).status_code == 400
    assert guest.client.get(f"/discussion/threads/{thread.pk}/page", {"after": after}).status_code == 400
    assert guest.client.get(article.get_absolute_url(), {"after": after}).status_code == 200


def test_clients_cannot_set_status_score_author_or_times(guest, article_and_thread):
    article, thread = article_and_thread
    guest.open(article.get_absolute_url())
    for field, value in [("status", "visible"), ("score", 999), ("user_id", 1), ("created_at", "2001-01-01T00:00:00Z"),
                         ("reply_count", 5), ("author_email_verified", True), ("thread_id", 1)]:
        response = guest.post_comment(thread, "sneaky", **{field: value})
        assert response.status_code == 400, field
    assert Comment.objects.filter(thread=thread).count() == 0
    ok = guest.post_comment(thread, "plain")
    stored = Comment.objects.get(pk=ok.json()["id"])
    assert (stored.score, stored.reply_count, stored.user_id) == (0, 0, None)
    vote = guest.api("post", f"/comments/{stored.pk}/vote", {"value": 5})
    assert vote.status_code == 400


def test_a_guest_cannot_edit_or_delete_someone_elses_comment(guest, other_guest, article_and_thread):
    article, thread = article_and_thread
    for person in (guest, other_guest):
        person.open(article.get_absolute_url())
    comment_id = guest.post_comment(thread, "my words").json()["id"]
    assert other_guest.api("put", f"/comments/{comment_id}", {"body": "your words"}).status_code == 403
    assert other_guest.api("delete", f"/comments/{comment_id}").status_code == 403
    assert other_guest.form_post(f"/discussion/comments/{comment_id}/edit", {"body": "x"}).status_code == 403
    assert other_guest.form_post(f"/discussion/comments/{comment_id}/delete", {}).status_code == 403
    # A forged edit cookie (right id, wrong token) is refused too.
    other_guest.client.cookies["mh_edit"] = f"{comment_id}.{'A' * 43}"
    assert other_guest.api("put", f"/comments/{comment_id}", {"body": "forged"}).status_code == 403
    assert Comment.objects.get(pk=comment_id).body == "my words"


def test_the_edit_token_is_random_stored_hashed_and_bound_to_one_comment(guest, article_and_thread):
    article, thread = article_and_thread
    guest.open(article.get_absolute_url())
    first = guest.post_comment(thread, "first").json()["id"]
    token = dict(entry.split(".", 1) for entry in guest.client.cookies["mh_edit"].value.split(","))[str(first)]
    assert len(token) >= 43  # 32 random bytes
    stored = Comment.objects.get(pk=first)
    assert token not in stored.edit_token_hash
    assert len(stored.edit_token_hash) == 64
    assert guest.client.cookies["mh_edit"]["httponly"]
    second = post_as(thread, body="someone else's")
    guest.client.cookies["mh_edit"] = f"{second.pk}.{token}"
    assert guest.api("put", f"/comments/{second.pk}", {"body": "hijack"}).status_code == 403


def test_emails_network_hashes_and_tokens_never_leave_for_readers(guest, article_and_thread):
    article, thread = article_and_thread
    guest.open(article.get_absolute_url())
    created = guest.post_comment(thread, "hello", author_email="ada@example.org")
    stored = Comment.objects.get(pk=created.json()["id"])
    outputs = [
        created.content.decode(),
        guest.client.get(f"/api/discussion/threads/{thread.pk}/comments").content.decode(),
        guest.open(article.get_absolute_url()).content.decode(),
        guest.client.get(f"/discussion/threads/{thread.pk}/page").content.decode(),
    ]
    for text in outputs:
        assert "ada@example.org" not in text
        assert stored.network_hash not in text
        assert stored.edit_token_hash not in text
        assert stored.reader_key not in text


@pytest.mark.parametrize("field", ["body", "author_name", "author_email", "author_website", "quote"])
def test_oversized_fields_are_answered_413(guest, article_and_thread, field):
    article, thread = article_and_thread
    parent = post_as(thread, body="parent " * 10)
    guest.open(article.get_absolute_url())
    response = guest.post_comment(thread, **{"body": "ok", field: "x" * 6000, "parent_id": parent.pk})
    assert response.status_code == 413
    assert Comment.objects.filter(thread=thread).count() == 1


def test_a_request_body_over_the_upload_limit_is_refused_not_crashed(guest, article_and_thread):
    article, thread = article_and_thread
    guest.open(article.get_absolute_url())
    response = guest.post_comment(thread, "x" * 300_000)
    assert response.status_code in (400, 413)
    form = guest.form_post(f"/discussion/threads/{thread.pk}/comments", {"body": "y" * 300_000, "author_name": "A"})
    assert form.status_code in (400, 413)


@pytest.mark.parametrize("raw", ["{", "[]", "null", '{"body": 5}', '{"body": ["a"]}', '{"body": "a", "parent_id": "x"}',
                                 '{"body": "a", "parent_id": 99999999999999999999999}', '"just a string"',
                                 '{"body": "\\u0000\\u0000"}', '{"body": "ok", "author_name": "\\u0000"}',
                                 '{"body": "ok", "idempotency_key": "../../etc"}'])
def test_malformed_json_is_a_client_error(guest, article_and_thread, raw):
    article, thread = article_and_thread
    guest.open(article.get_absolute_url())
    response = guest.client.post(f"/api/discussion/threads/{thread.pk}/comments", raw,
                                 content_type="application/json", HTTP_X_CSRFTOKEN=guest.csrf)
    assert response.status_code == 400, response.content


@pytest.mark.parametrize("path", [
    "/api/discussion/threads/99999999999999999999999/comments",
    "/api/discussion/threads/0/comments",
    "/discussion/threads/99999999999999999999/page",
])
def test_out_of_range_ids_are_client_errors(guest, path):
    assert 400 <= guest.client.get(path).status_code < 500


def test_names_confusable_with_staff_or_the_publication_are_refused(guest, article_and_thread, django_user_model):
    article, thread = article_and_thread
    django_user_model.objects.create_user("editor", password="x" * 12, is_staff=True)
    guest.open(article.get_absolute_url())
    for name in ("\uff25\uff24\uff29\uff34\uff2f\uff32", "The Lantern", "the\u200blantern"):
        response = guest.post_comment(thread, "hi", author_name=name)
        assert response.status_code == 400, name
        assert response.json()["code"] == "name_reserved"


def test_unicode_names_are_normalised_when_stored(guest, article_and_thread):
    article, thread = article_and_thread
    guest.open(article.get_absolute_url())
    response = guest.post_comment(thread, "hi", author_name="\u202eZoe\u0308\u200b  Lindqvist")
    assert response.json()["author_name"] == "Zoë Lindqvist"
    assert guest.post_comment(thread, "hi", author_name="\u200b\u202e").status_code == 400


def test_the_thread_counts_only_what_readers_can_see(guest, article_and_thread):
    article, thread = article_and_thread
    post_as(thread)
    Guest().open(article.get_absolute_url())
    assert Thread.objects.get(pk=thread.pk).comment_count == 1


@pytest.mark.parametrize("field", ["body", "author_name", "author_email", "author_website", "quote", "idempotency_key"])
def test_nul_bytes_in_any_field_never_reach_the_database(guest, article_and_thread, field):
    article, thread = article_and_thread
    parent = post_as(thread, body="xy parent")
    guest.open(article.get_absolute_url())
    response = guest.post_comment(thread, **{"body": "ok", "parent_id": parent.pk, field: "x\x00y"})
    assert response.status_code in (201, 400)
    for comment in Comment.objects.filter(thread=thread):
        assert "\x00" not in comment.body + comment.author_name + comment.quote + comment.idempotency_key
    form = guest.form_post(f"/discussion/threads/{thread.pk}/comments", {"body": "ok", "author_name": "A",
                                                                           field: "x\x00y"})
    assert form.status_code in (302, 400)


@pytest.mark.parametrize("value", ["²", "٣", "1e3", "-1", "0", " 7", "9" * 30, "\x00"])
def test_odd_numbers_in_query_and_form_fields_are_refused_or_ignored(guest, article_and_thread, value):
    article, thread = article_and_thread
    comment = post_as(thread)
    for params in ({"replyto": value}, {"pages": value}, {"after": f"{value}.1"}):
        assert guest.client.get(article.get_absolute_url(), params).status_code == 200
    guest.open(article.get_absolute_url())
    assert guest.form_post(f"/discussion/threads/{thread.pk}/comments",
                           {"body": "x", "author_name": "A", "parent": value}).status_code == 400
    assert guest.form_post(f"/discussion/threads/{thread.pk}/vote", {"vote": f"{value}:1"}).status_code == 400
    assert Comment.objects.get(pk=comment.pk).score == 0
