"""Small helpers for the desk's tests: a draft made through the desk, and its autosave."""

from __future__ import annotations

import json

from django.test import Client

from masthead.publishing.models import Article


def new_draft(client: Client) -> Article:
    response = client.post("/desk/new")
    assert response.status_code == 302, response.content
    return Article.objects.get(pk=int(response["Location"].rstrip("/").rsplit("/", 1)[-1]))


def autosave(client: Client, article: Article, version: int, **fields: object):
    data = {"headline": "A headline", "kicker": "", "standfirst": "", "body": "", "canonical_url": "",
            "authors": [], "topics": [], "version": version, "autosave": True, **fields}
    return client.post(f"/desk/articles/{article.pk}/autosave", json.dumps(data), content_type="application/json",
                       HTTP_ACCEPT="application/json")
