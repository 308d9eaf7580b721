"""Public funding figures as JSON (for the embed widget and integrations). Nothing personal is exposed."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router, Schema, Status

from masthead.funding import bar
from masthead.funding.campaigns import active_campaign

router = Router(tags=["funding"])


class Tick(Schema):
    label: str
    position: float


class CampaignTotals(Schema):
    campaign_id: int
    name: str
    currency: str
    goal: int
    raised: int
    share: int
    supporters: int
    raised_display: str
    goal_display: str
    text: str
    version: int
    ticks: list[Tick]
    live_url: str


@router.get("/campaign", response={200: CampaignTotals, 404: dict, 503: dict})
def campaign_totals(request: HttpRequest) -> Status:
    """The active campaign's totals for this period (integer minor units) and its milestone ticks."""
    campaign = active_campaign()
    if campaign is None:
        return Status(404, {"detail": "No campaign is running."})
    context = bar.context(campaign)
    if context.get("unavailable"):
        return Status(503, {"detail": "The campaign's figures are unavailable right now."})
    totals = context["totals"]
    return Status(200, {
        **{key: totals[key] for key in ("campaign_id", "currency", "goal", "raised", "share", "supporters",
                                        "raised_display", "goal_display", "text", "version")},
        "name": campaign.name,
        "ticks": context["ticks"],
        "live_url": f"/support/live/{campaign.pk}/",
    })
