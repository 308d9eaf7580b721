"""Which stretch of time a campaign's bar counts: this calendar month (publication time zone) or fixed dates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from masthead.funding.models import Campaign


@dataclass(frozen=True)
class Window:
    start: datetime  # inclusive
    end: datetime  # exclusive
    key: str  # names the window in cache keys

    def contains(self, moment: datetime) -> bool:
        return self.start <= moment < self.end


def _midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min), timezone.get_default_timezone())


def current_window(campaign: Campaign, now: datetime | None = None) -> Window:
    local = timezone.localtime(now or timezone.now(), timezone.get_default_timezone())
    if campaign.period == Campaign.Period.MONTHLY:
        first = local.date().replace(day=1)
        following = (first + timedelta(days=32)).replace(day=1)
        return Window(_midnight(first), _midnight(following), f"m{first:%Y%m}")
    assert campaign.starts_on is not None
    assert campaign.ends_on is not None
    return Window(_midnight(campaign.starts_on), _midnight(campaign.ends_on + timedelta(days=1)), "fixed")
