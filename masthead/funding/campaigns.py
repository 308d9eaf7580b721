"""The active campaign, looked up on every article page, so cached briefly and dropped on any campaign change."""

from __future__ import annotations

from django.core.cache import cache
from django.db import transaction

from masthead.funding.models import Campaign

ACTIVE_KEY = "funding:active-campaign"
ACTIVE_SECONDS = 60
_NONE = "none"


def active_campaign() -> Campaign | None:
    cached = cache.get(ACTIVE_KEY)
    if cached == _NONE:
        return None
    if isinstance(cached, Campaign):
        return cached
    campaign = Campaign.objects.filter(is_active=True).first()
    cache.set(ACTIVE_KEY, campaign if campaign is not None else _NONE, ACTIVE_SECONDS)
    return campaign


def forget_active_on_commit() -> None:
    """Called by Campaign.save()/delete(): the next page looks the active campaign up again."""
    cache.delete(ACTIVE_KEY)  # now, for this transaction's own reads
    transaction.on_commit(lambda: cache.delete(ACTIVE_KEY))  # and after commit, for everyone else
