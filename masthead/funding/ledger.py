"""Campaign totals: sums over the donation ledger in minor units, cached under a versioned key.

The version lives in the cache and is bumped after every committed ledger change, so a cached total is never
served once the ledger has moved on; nothing is ever incremented by a webhook except that version. The totals are
also published live (server-sent events) on the campaign's channel.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime

from django.core.cache import cache
from django.db import transaction
from django.db.models import Count, F, Q, QuerySet, Sum

from masthead.core import live
from masthead.funding import money
from masthead.funding.models import Campaign, Donation
from masthead.funding.periods import current_window
from masthead.funding.state import derive

CACHE_SECONDS = 300


@dataclass(frozen=True)
class Totals:
    campaign_id: int
    currency: str
    goal: int
    raised: int
    supporters: int
    version: int

    @property
    def share(self) -> int:
        """Whole percent of the goal (may pass 100)."""
        return self.raised * 100 // self.goal if self.goal else 0

    def public(self) -> dict[str, object]:
        """What readers may see: the figures and their display strings."""
        data = asdict(self)
        data.update(
            share=self.share,
            raised_display=money.display(self.raised, self.currency),
            goal_display=money.display(self.goal, self.currency),
            fill=min(100.0, round(self.raised * 100 / self.goal, 2)) if self.goal else 0.0,
            text=describe(self),
        )
        return data


def describe(totals: Totals) -> str:
    people = "supporter" if totals.supporters == 1 else "supporters"
    return (
        f"{money.display(totals.raised, totals.currency)} raised of {money.display(totals.goal, totals.currency)} "
        f"goal ({totals.share}%), {totals.supporters:,} {people}"
    )


def counted(campaign: Campaign, now: datetime | None = None) -> QuerySet[Donation]:
    """The ledger rows that count towards the campaign in its current window."""
    window = current_window(campaign, now)
    return Donation.objects.filter(
        campaign=campaign, currency=campaign.currency, net_amount__gt=0,
        paid_at__gte=window.start, paid_at__lt=window.end,
    )


# The sum is taken in two halves, each far below 64 bits per row, and joined in Python: SQLite's SUM raises
# "integer overflow" past 2**63 (PostgreSQL's returns numeric), and this way no number of rows a campaign could
# ever have (fewer than 2**31) can overflow on either database, whatever the amounts.
_HALF = 2**32


def compute(campaign: Campaign, version: int = 0, now: datetime | None = None) -> Totals:
    figures = counted(campaign, now).aggregate(
        high=Sum(F("net_amount") / _HALF, default=0),
        low=Sum(F("net_amount") % _HALF, default=0),
        supporters=Count("supporter_key", distinct=True, filter=~Q(supporter_key="")),
    )
    raised = int(figures["high"]) * _HALF + int(figures["low"])
    return Totals(campaign.pk, campaign.currency, campaign.goal, raised, figures["supporters"], version)


def _version_key(campaign_id: int) -> str:
    return f"funding:ledger-version:{campaign_id}"


def version(campaign_id: int) -> int:
    key = _version_key(campaign_id)
    cache.add(key, 1, timeout=None)
    return int(cache.get(key) or 1)


def totals(campaign: Campaign) -> Totals:
    """The campaign's current totals, from the cache when the ledger has not changed since they were computed."""
    current = version(campaign.pk)  # read the version before the ledger, so a racing change is never masked
    key = f"funding:totals:{campaign.pk}:{current_window(campaign).key}:{campaign.goal}:{current}"
    cached = cache.get(key)
    if cached is not None:
        return Totals(**cached)
    result = compute(campaign, current)
    cache.set(key, asdict(result), CACHE_SECONDS)
    return result


def channel(campaign_id: int) -> str:
    return f"funding:{campaign_id}"


def changed_on_commit(campaign_id: int | None) -> None:
    """Call inside the transaction that changed the ledger: once it commits, bump the version and publish."""
    if campaign_id is not None:
        transaction.on_commit(lambda: _changed(campaign_id), robust=True)  # a cache hiccup must not fail the webhook


def _changed(campaign_id: int) -> None:
    key = _version_key(campaign_id)
    cache.add(key, 1, timeout=None)
    try:
        cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.add(key, 2, timeout=None)
    campaign = Campaign.objects.filter(pk=campaign_id).first()
    if campaign is None:
        return
    # Outside a transaction publish_on_commit publishes at once. Readers keep the highest version they saw, so
    # two changes published out of order never move the bar backwards.
    live.publish_on_commit(channel(campaign_id), "totals", totals(campaign).public())


def rebuild(campaign: Campaign) -> int:
    """The total recomputed row by row from the ledger's facts (an audit of the stored derived amounts)."""

    window = current_window(campaign)
    total = 0
    for donation in Donation.objects.filter(campaign=campaign, currency=campaign.currency, paid_at__isnull=False):
        if donation.paid_at is not None and window.contains(donation.paid_at):
            derive(donation)
            total += donation.net_amount
    return total
