"""SECURITY.md, framing: the moderation and admin UI is never framable (clickjacking a moderator's "approve" or
"ban" button).

Every page of the admin (each registered model's list and add page, read from the admin registry so new models
are included), the moderation queue, the staff funding pages and the reader's account page must forbid framing:
``X-Frame-Options: DENY``, or a Content-Security-Policy whose ``frame-ancestors`` is ``'none'``.
"""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.test import Client
from django.urls import reverse

from masthead.testing.discussion import make_thread, post_as

pytestmark = pytest.mark.django_db


def _forbids_framing(response) -> bool:
    if response.get("X-Frame-Options", "").upper() == "DENY":
        return True
    policy = response.get("Content-Security-Policy", "")
    ancestors = [part.split()[1:] for part in policy.split(";") if part.split()[:1] == ["frame-ancestors"]]
    return bool(ancestors) and ancestors[0] == ["'none'"]


def test_every_admin_page_forbids_framing(boss):
    post_as(make_thread())  # a comment, so change pages have something to show
    paths = ["/admin/", "/admin/password_change/"]
    for model in admin.site._registry:
        name = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        paths += [reverse(f"{name}_changelist"), reverse(f"{name}_add")]
        first = model._default_manager.first()
        if first is not None:
            paths.append(reverse(f"{name}_change", args=[first.pk]))
    assert len(paths) > 20
    for path in paths:
        response = boss.get(path)
        assert response.status_code in (200, 302, 403), (path, response.status_code)  # 403: models without "add"
        assert _forbids_framing(response), path
    assert _forbids_framing(Client().get("/admin/login/"))


def test_moderation_and_staff_pages_forbid_framing(boss):
    comment = post_as(make_thread())
    for path in ["/moderation/", "/moderation/?tab=flagged", "/support/staff/manual/", "/support/staff/export.csv",
                 "/notifications/moderation-digest", "/account/"]:
        response = boss.get(path)
        assert response.status_code in (200, 302, 405), (path, response.status_code)
        assert _forbids_framing(response), path
    # The moderators' actions answer the same way, so a framed form post cannot show its result either.
    decided = boss.post(f"/moderation/comments/{comment.pk}/decide", {"action": "approve"})
    assert _forbids_framing(decided)
