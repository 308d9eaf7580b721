"""A signed-in reader for the ``signed-in`` scenario: ``python -m benchmarks.signin ARTICLE_PATH`` in Masthead's
environment (the same data folder and database as the measured server).

Creates (or reuses) an account with a paid donation, so the reader is a supporter, stores a session for it the way
a sign-in does (the configured session store, the auth keys), casts a few votes on the article's first comments so the
page has personal state to show, and prints ``SESSION_JSON {...}`` with the cookie values wrk sends.
Nothing goes through the sign-in form: its throttle and emailed link are not what the scenario measures.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

USERNAME = "bench-supporter"
EMAIL = "bench-supporter@example.invalid"


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")
    import django

    django.setup()


def signed_in_reader(article_path: str) -> dict[str, Any]:
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.auth.models import User
    from django.middleware.csrf import _get_new_csrf_string  # a valid token value

    SessionStore = import_module(settings.SESSION_ENGINE).SessionStore

    user, _ = User.objects.get_or_create(username=USERNAME, defaults={"email": EMAIL, "first_name": "Bench"})
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    result: dict[str, Any] = {"sessionid": session.session_key, "csrftoken": _get_new_csrf_string(),
                              "session_cookie": settings.SESSION_COOKIE_NAME, "user_id": user.pk}
    result.update(_supporter(user))
    result.update(_votes(user, article_path))
    return result


def _supporter(user: Any) -> dict[str, Any]:
    """A paid donation from the account's address makes the reader a supporter (accounts.tiers)."""
    try:
        from masthead.funding.models import Campaign, Donation
    except ImportError:
        return {"supporter": False}
    if not Donation.objects.filter(donor_email=EMAIL, is_paid=True).exists():
        campaign = Campaign.objects.order_by("pk").first()
        fields = {f.name for f in Donation._meta.get_fields()}
        values: dict[str, Any] = {"donor_email": EMAIL, "is_paid": True, "net_amount": 500}
        for name, value in (("amount", 500), ("campaign", campaign), ("payment_intent", "pi_bench_supporter"),
                            ("donor_name", "Bench Supporter"), ("currency", "usd")):
            if name in fields and value is not None:
                values[name] = value
        try:
            Donation.objects.create(**values)
        except Exception as exc:  # the ledger's required fields changed: the reader is then an account
            return {"supporter": False, "supporter_skipped": str(exc)[:200]}
    return {"supporter": True}


def _votes(user: Any, article_path: str) -> dict[str, Any]:
    """Up-votes on three of the article's top-level comments, written as the vote action stores them."""
    from masthead.discussion.models import Comment, Vote
    from masthead.publishing.models import Article

    slug = article_path.strip("/").split("/")[-1]
    article = Article.objects.filter(slug=slug).first()
    if article is None:
        return {"votes": 0}
    key = f"u:{user.pk}"
    comments = Comment.objects.filter(thread__article=article, depth=0, status=Comment.Status.VISIBLE)
    ids = list(comments.order_by("-created_at").values_list("pk", flat=True)[:3])
    for cid in ids:
        Vote.objects.get_or_create(comment_id=cid, voter_key=key, defaults={"value": 1})
    return {"votes": len(ids), "voted_ids": ids}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("article_path")
    args = parser.parse_args(argv)
    _setup_django()
    print("SESSION_JSON " + json.dumps(signed_in_reader(args.article_path)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
