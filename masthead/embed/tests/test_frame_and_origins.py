"""The frame, the origin check, counts and the crawlable copy, through Django's test client (both databases)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from masthead.core.env import SettingError, env_origins, parse_origin
from masthead.discussion.models import Thread
from masthead.embed.actions import do_delete_origin, do_save_origin
from masthead.embed.models import AllowedOrigin
from masthead.embed.tests.conftest import HOST
from masthead.publishing.models import Article

pytestmark = pytest.mark.django_db

PAGE = HOST + "/2026/budget-vote/"


def frame(client: Client, url: str = PAGE, origin: str = HOST, **params: str):
    return client.get("/embed/frame/", {"url": url, "origin": origin, "title": "Budget vote", **params})


def frame_ancestors(response) -> list[str]:
    policy = response["Content-Security-Policy"]
    return next(part.split()[1:] for part in policy.split(";") if part.split()[:1] == ["frame-ancestors"])


def test_origins_setting_is_parsed_strictly(monkeypatch):
    monkeypatch.setenv("EMBED_ALLOWED_ORIGINS", "https://News.Example.org, http://localhost:8000,https://a.org:443")
    assert env_origins("EMBED_ALLOWED_ORIGINS") == [
        "https://news.example.org", "http://localhost:8000", "https://a.org"]
    for bad in ("https://news.example.org/", "news.example.org", "https://*.example.org", "ftp://a.org",
                "https://a.org/path", "https://user@a.org", "https://a.org:99999", "https://a.org'"):
        monkeypatch.setenv("EMBED_ALLOWED_ORIGINS", bad)
        with pytest.raises(SettingError, match="EMBED_ALLOWED_ORIGINS"):
            env_origins("EMBED_ALLOWED_ORIGINS")
    assert parse_origin("http://127.0.0.1:80") == "http://127.0.0.1"


def test_first_visit_from_an_allowed_origin_creates_the_external_article_once(client, allowed):
    response = frame(client)
    assert response.status_code == 200
    article = Article.objects.get(is_external=True)
    assert (article.external_url, article.headline, article.body) == (PAGE, "Budget vote", "")
    # The same page under another spelling (tracking parameters, fragment, case, default port) is the same thread.
    again = frame(client, url="HTTP://LOCALHOST:8123/2026/budget-vote/?utm_source=x#comments", title="Renamed")
    assert again.status_code == 200
    assert Article.objects.filter(is_external=True).count() == 1
    assert Article.objects.get(is_external=True).headline == "Budget vote"
    assert Thread.objects.filter(article=article).count() == 1
    # Never listed or served as one of the publication's own articles.
    assert article not in Article.objects.live()
    assert client.get(f"/articles/{article.slug}/").status_code == 404
    assert "Budget vote" not in client.get("/").content.decode()


def test_frame_is_framable_only_by_its_host(client, allowed):
    response = frame(client)
    assert frame_ancestors(response) == [HOST]
    assert "X-Frame-Options" not in response
    assert response["Cache-Control"] == "private, no-store"
    assert not response.cookies  # nothing a third-party context would drop
    body = response.content.decode()
    assert 'id="comments"' in body
    assert "data-frame-token=" in body
    # The rest of the site keeps refusing every frame.
    assert frame_ancestors(client.get("/")) == ["'none'"]
    assert frame_ancestors(client.get(f"/embed/thread/{Article.objects.get().pk}/")) == ["'none'"]


@pytest.mark.parametrize("origin", ["https://evil.example", "http://localhost:8124", "", "null",
                                    "http://localhost:8123/", "http://LOCALHOST:8123",
                                    "http://localhost:8123\nX: y"])
def test_frame_refused_for_other_origins(client, allowed, origin):
    response = frame(client, origin=origin)
    assert response.status_code == 403
    assert frame_ancestors(response) == ["'none'"]
    assert "EMBED_ALLOWED_ORIGINS" in response.content.decode()
    assert not Article.objects.filter(is_external=True).exists()


def test_frame_refuses_pages_of_other_sites_and_bad_addresses(client, allowed):
    assert frame(client, url="https://victim.example/page").status_code == 403
    for bad in ("javascript:alert(1)", "", "/relative", "http://user:pw@localhost:8123/", "http://localhost:8123/\x00"):
        assert frame(client, url=bad).status_code == 400, bad
    assert not Article.objects.filter(is_external=True).exists()


def test_theme_values_are_validated(client, allowed):
    response = frame(client, theme="dark", accent="#123456", link="rgb(1, 2, 3)",
                     font="Georgia, 'Times New Roman', serif",
                     text="red; background: url(https://evil.example/x)", background="#12345g")
    body = response.content.decode()
    assert 'class="mh-dark"' in body
    assert "--support&quot;:&quot;#123456" in body
    assert "rgb(1, 2, 3)" in body
    assert "Times New Roman" in body
    assert "evil.example" not in body
    assert "#12345g" not in body
    hostile = frame(client, theme="dark\" onload=\"x", font="x}body{background:url(//e)")
    assert "onload" not in hostile.content.decode()
    assert "url(//e)" not in hostile.content.decode()


def test_admin_origins_count_and_are_validated(client, settings):
    settings.EMBED_ALLOWED_ORIGINS = []
    assert frame(client).status_code == 403
    with pytest.raises(ValidationError):
        do_save_origin(AllowedOrigin(origin="https://news.example.org/path"))
    saved = do_save_origin(AllowedOrigin(origin="HTTP://localhost:8123", note="Test site"))
    assert saved.origin == HOST
    assert frame(client).status_code == 200
    do_delete_origin(saved)
    assert frame(client).status_code == 403


def test_counts_for_a_list_with_cors_for_allowed_origins_only(client, allowed):
    from masthead.testing.discussion import post_as

    frame(client)
    thread = Thread.objects.get(article__is_external=True)
    post_as(thread)
    post_as(thread, body="Another.")
    other = HOST + "/other/"
    response = client.get("/embed/counts", {"url": [PAGE + "?utm_medium=mail", other, "not a url"]},
                          HTTP_ORIGIN=HOST)
    assert response.status_code == 200
    assert response.json() == {"counts": {PAGE + "?utm_medium=mail": 2, other: 0}}
    assert response["Access-Control-Allow-Origin"] == HOST
    assert "Origin" in response["Vary"]
    assert "max-age=30" in response["Cache-Control"]
    refused = client.get("/embed/counts", {"url": PAGE}, HTTP_ORIGIN="https://evil.example")
    assert refused.status_code == 403
    assert "Access-Control-Allow-Origin" not in refused
    assert client.get("/embed/check", HTTP_ORIGIN=HOST).status_code == 200
    assert client.get("/embed/check", HTTP_ORIGIN="https://evil.example").status_code == 403
    assert client.get("/embed/check").status_code == 403


def test_crawlable_copy_at_a_stable_address(client, allowed):
    from masthead.testing.discussion import post_as

    frame(client)
    article = Article.objects.get(is_external=True)
    post_as(Thread.objects.get(article=article), body="A crawlable comment.")
    found = client.get("/embed/thread/", {"url": PAGE + "#x"})
    assert found.status_code == 301
    assert found["Location"] == f"/embed/thread/{article.pk}/"
    page = client.get(found["Location"])
    body = page.content.decode()
    assert page.status_code == 200
    assert "A crawlable comment." in body
    assert f'href="{PAGE}"' in body
    assert client.get("/embed/thread/", {"url": HOST + "/never-seen/"}).status_code == 404


def test_loader_is_served_for_other_sites(client):
    response = client.get("/embed.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Cross-Origin-Resource-Policy"] == "cross-origin"
    assert b"data-masthead-thread" in response.content
