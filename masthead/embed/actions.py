"""Writes of the embed app: allowed origins, and the external article a page's first visit registers."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from masthead.core.env import parse_origin
from masthead.embed import origins
from masthead.embed.models import AllowedOrigin
from masthead.publishing.actions import do_register_external_article
from masthead.publishing.models import Article


def check_origin(value: str) -> str:
    origin = parse_origin(value)
    if origin is None:
        raise ValidationError(
            {"origin": "Give an origin such as https://news.example.org: scheme, host and optional port, "
                       "without a path or a trailing slash."}
        )
    return origin


def do_save_origin(allowed: AllowedOrigin) -> AllowedOrigin:
    allowed.origin = check_origin(allowed.origin)
    allowed.full_clean()
    with transaction.atomic():
        allowed.save()
    origins.forget()  # the list is cached for 30 s; a change applies at once
    return allowed


def do_delete_origin(allowed: AllowedOrigin) -> None:
    with transaction.atomic():
        allowed.delete()
    origins.forget()


def do_register_page(url: str, title: str) -> Article:
    """The page's external article (created on its first visit from an allowed origin; see publishing)."""
    return do_register_external_article(url, title)
