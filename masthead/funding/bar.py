"""What the funding bar shows: ticks placed on the scale, the figures, and their accessible text.

``context`` never fails: when the figures cannot be computed (a database error, a row the code cannot read) the
bar degrades to the campaign's name and the link to the support page, the failure is logged, and the page around
it renders as usual.
"""

from __future__ import annotations

import logging
from typing import Any

from django.db import connection, transaction

from masthead.funding import ledger, money
from masthead.funding.models import Campaign

log = logging.getLogger(__name__)


def _figures(campaign: Campaign) -> dict[str, Any]:
    public = ledger.totals(campaign).public()
    ticks = [
        {"label": money.number(value, campaign.currency), "position": round(value * 100 / campaign.goal, 2)}
        for value in campaign.tick_values
    ]
    return {"totals": public, "ticks": ticks}


def context(campaign: Campaign, *, article_id: int | None = None) -> dict[str, Any]:
    base = {"campaign": campaign, "article_id": article_id}
    try:
        if connection.in_atomic_block:
            # A failed query must not poison the caller's transaction (PostgreSQL): roll back to a savepoint.
            with transaction.atomic():
                return {**base, **_figures(campaign)}
        return {**base, **_figures(campaign)}
    except Exception:  # whatever broke, the page must render; the traceback goes to the log
        log.exception("Funding bar figures unavailable for campaign %s", campaign.pk)
        return {**base, "totals": None, "ticks": [], "unavailable": True}
