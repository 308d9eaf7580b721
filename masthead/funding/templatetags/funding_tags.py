"""``{% funding_bar %}``: the active campaign's live goal bar, at the top of article pages."""

from __future__ import annotations

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from masthead.funding import bar
from masthead.funding.campaigns import active_campaign
from masthead.funding.models import Campaign

register = template.Library()


@register.simple_tag(takes_context=True)
def funding_bar(context: template.Context, placement: str = Campaign.Placement.ARTICLES) -> SafeString | str:
    """Renders nothing when no campaign is active (or it is meant for the support page only)."""
    campaign = active_campaign()
    if campaign is None or (placement == Campaign.Placement.ARTICLES and campaign.placement != placement):
        return ""
    article = context.get("article")
    return render_to_string("funding/bar.html", bar.context(campaign, article_id=getattr(article, "pk", None)),
                            request=context.get("request"))
