"""What the funding bar shows: ticks placed on the scale, the figures, and their accessible text."""

from __future__ import annotations

from typing import Any

from masthead.funding import ledger, money
from masthead.funding.models import Campaign


def context(campaign: Campaign, *, article_id: int | None = None) -> dict[str, Any]:
    totals = ledger.totals(campaign)
    public = totals.public()
    ticks = [
        {"label": money.number(value, campaign.currency), "position": round(value * 100 / campaign.goal, 2)}
        for value in campaign.tick_values
    ]
    return {"campaign": campaign, "totals": public, "ticks": ticks, "article_id": article_id}
