"""CSRF policy (masthead.core.csrf): Fetch Metadata and Origin from browsers, Django's token otherwise."""

import json

import pytest
from django.test import Client

from masthead.discussion.models import Comment
from masthead.testing.discussion import make_thread

pytestmark = pytest.mark.django_db

OURS = "http://testserver"


@pytest.fixture
def thread(relaxed_moderation):
    return make_thread()


def _browser() -> Client:
    return Client(enforce_csrf_checks=True, REMOTE_ADDR="198.51.100.41")


def _form_post(client: Client, thread, **headers):
    data = headers.pop("data", {})
    return client.post(f"/discussion/threads/{thread.pk}/comments",
                       {"body": "A comment from a form.", "author_name": "Ada", **data}, **headers)


def _api_post(client: Client, thread, **headers):
    payload = json.dumps({"body": "A comment from the script.", "author_name": "Ada"})
    return client.post(f"/api/discussion/threads/{thread.pk}/comments", payload,
                       content_type="application/json", **headers)


def _token(client: Client) -> str:
    """An old client's way: a page with a form sets the csrftoken cookie."""
    assert client.get("/account/").status_code == 200
    return client.cookies["csrftoken"].value


@pytest.mark.parametrize("site", ["same-origin", "none", "Same-Origin"])
def test_a_browser_form_post_from_our_own_pages_needs_no_token(thread, site):
    response = _form_post(_browser(), thread, HTTP_SEC_FETCH_SITE=site, HTTP_ORIGIN=OURS)
    assert response.status_code == 302
    assert Comment.objects.filter(thread=thread).count() == 1


@pytest.mark.parametrize("site", ["cross-site", "same-site"])
def test_a_post_from_another_site_is_refused_even_with_a_valid_token(thread, site):
    client = _browser()
    token = _token(client)
    response = _form_post(client, thread, data={"csrfmiddlewaretoken": token},
                          HTTP_SEC_FETCH_SITE=site, HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 403
    api = _api_post(client, thread, HTTP_X_CSRFTOKEN=token, HTTP_SEC_FETCH_SITE=site)
    assert api.status_code == 403
    assert not Comment.objects.filter(thread=thread).exists()


def test_a_cross_site_post_from_a_trusted_origin_is_accepted(thread, settings):
    settings.CSRF_TRUSTED_ORIGINS = ["https://*.example.org"]
    response = _form_post(_browser(), thread, HTTP_SEC_FETCH_SITE="same-site", HTTP_ORIGIN="https://www.example.org")
    assert response.status_code == 302
    refused = _form_post(_browser(), thread, HTTP_SEC_FETCH_SITE="same-site", HTTP_ORIGIN="https://example.net")
    assert refused.status_code == 403
    assert Comment.objects.filter(thread=thread).count() == 1


def test_without_fetch_metadata_our_own_origin_is_enough(thread):
    assert _form_post(_browser(), thread, HTTP_ORIGIN=OURS).status_code == 302
    assert _api_post(_browser(), thread, HTTP_ORIGIN=OURS).status_code == 201
    assert Comment.objects.filter(thread=thread).count() == 2


def test_without_fetch_metadata_another_origin_is_refused_even_with_a_token(thread):
    client = _browser()
    token = _token(client)
    response = _form_post(client, thread, data={"csrfmiddlewaretoken": token}, HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 403
    assert _api_post(client, thread, HTTP_X_CSRFTOKEN=token, HTTP_ORIGIN="null").status_code == 403
    assert not Comment.objects.filter(thread=thread).exists()


def test_without_either_header_the_token_is_required(thread):
    client = _browser()
    assert _form_post(client, thread).status_code == 403
    assert _api_post(client, thread).status_code == 403
    token = _token(client)
    assert _form_post(client, thread, data={"csrfmiddlewaretoken": "x" * 64}).status_code == 403
    assert _form_post(client, thread, data={"csrfmiddlewaretoken": token}).status_code == 302
    assert _api_post(client, thread, HTTP_X_CSRFTOKEN=token).status_code == 201
    assert Comment.objects.filter(thread=thread).count() == 2


def test_the_api_accepts_a_same_origin_fetch_without_cookie_or_token(thread):
    created = _api_post(_browser(), thread, HTTP_SEC_FETCH_SITE="same-origin", HTTP_ORIGIN=OURS)
    assert created.status_code == 201
    comment = Comment.objects.get(thread=thread)
    vote = _browser().post(f"/api/discussion/comments/{comment.pk}/vote", json.dumps({"value": 1}),
                           content_type="application/json", HTTP_SEC_FETCH_SITE="same-origin")
    assert vote.status_code == 200


def test_safe_methods_are_never_checked(thread):
    response = _browser().get(f"/api/discussion/threads/{thread.pk}/comments", HTTP_SEC_FETCH_SITE="cross-site",
                              HTTP_ORIGIN="https://evil.example")
    assert response.status_code == 200


def test_the_deploy_check_wants_a_csrf_middleware(settings):
    from django.core import checks

    def ours() -> list[str]:
        return [m.id for m in checks.run_checks(include_deployment_checks=True)
                if m.id is not None and m.id.startswith("masthead.W00")]

    settings.CSRF_COOKIE_SECURE = True
    assert ours() == []
    settings.CSRF_COOKIE_SECURE = False
    assert ours() == ["masthead.W002"]
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if not m.endswith("FetchMetadataCsrfMiddleware")]
    assert ours() == ["masthead.W001"]


def test_a_filled_pages_token_is_one_django_accepts_and_differs_every_time():
    from django.middleware.csrf import (  # type: ignore[attr-defined]  # Django's private helpers, not in the stubs
        _check_token_format,
        _get_new_csrf_string,
        _unmask_cipher_token,
    )
    from django.test import RequestFactory

    from masthead.core.personal_parts import csrf_token

    request = RequestFactory().get("/")
    secret = _get_new_csrf_string()
    request.META["CSRF_COOKIE"] = secret
    tokens = {csrf_token(request) for _ in range(50)}
    assert len(tokens) == 50
    for token in tokens:
        _check_token_format(token)
        assert _unmask_cipher_token(token) == secret
    assert request.META["CSRF_COOKIE_NEEDS_UPDATE"] is True
    fresh = RequestFactory().get("/")  # no secret yet: Django's own get_token makes one
    assert _unmask_cipher_token(csrf_token(fresh)) == fresh.META["CSRF_COOKIE"]
