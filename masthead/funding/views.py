"""Reader-facing funding pages: support (campaign, form, donor wall), checkout, thanks, portal link, live totals."""

from __future__ import annotations

import uuid

from asgiref.sync import sync_to_async
from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, StreamingHttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from masthead.core import live
from masthead.core.network import network_hash
from masthead.funding import actions, bar, ledger, money, stripe_client
from masthead.funding.campaigns import active_campaign
from masthead.funding.forms import DonateForm
from masthead.funding.models import Campaign, Donation
from masthead.funding.tasks import PORTAL_SALT

WALL_SIZE = 50
PORTAL_LINK_MAX_AGE = 30 * 24 * 3600


def _support_page(request: HttpRequest, form: DonateForm, campaign: Campaign | None, *, error: str = "",
                  status: int = 200) -> HttpResponse:
    wall = []
    if campaign is not None:
        wall = list(
            Donation.objects.filter(campaign=campaign, show_on_wall=True, net_amount__gt=0)
            .order_by("-paid_at", "-id")
            .only("donor_name", "is_anonymous", "public_message", "paid_at")[:WALL_SIZE]
        )
    context = {
        "campaign": campaign,
        "card_payments": stripe_client.configured(),
        "missing_settings": stripe_client.missing_settings() if request.user.is_staff else [],
        "form": form,
        "error": error,
        "wall": wall,
        "suggested": [(money.plain(v, campaign.currency), money.display(v, campaign.currency))
                      for v in campaign.suggested] if campaign else [],
        "min_display": money.display(campaign.min_amount, campaign.currency) if campaign else "",
    }
    return render(request, "funding/support.html", context, status=status)


@require_safe
def support(request: HttpRequest) -> HttpResponse:
    campaign = active_campaign()
    article = request.GET.get("article", "")
    form = DonateForm(initial={"token": uuid.uuid4().hex, "article": article if article.isdigit() else None})
    return _support_page(request, form, campaign)


@require_POST
def checkout(request: HttpRequest) -> HttpResponse:
    campaign = active_campaign()
    form = DonateForm(request.POST)
    if campaign is None:
        raise Http404("No campaign is running")
    if not stripe_client.configured():
        return _support_page(request, form, campaign, status=503,
                             error="Card donations are not available right now. Please use one of the other ways "
                                   "to give below, or try again later.")
    limit = actions.check_checkout_rate(network_hash(request))
    if not limit.allowed:
        minutes = max(1, (limit.retry_after + 59) // 60)
        response = _support_page(
            request, form, campaign, status=429,
            error=f"Too many donation attempts from your network. Please wait {minutes} minute"
                  f"{'s' if minutes != 1 else ''} and try again, or contact us if this keeps happening.",
        )
        response["Retry-After"] = str(limit.retry_after)
        return response
    if not form.is_valid():
        return _support_page(request, form, campaign, error="Please correct the form below.", status=400)
    data = form.cleaned_data
    try:
        plan = actions.check_checkout(
            campaign, frequency=data["frequency"], amount_text=form.amount_text(), name=data["name"],
            message=data["message"], anonymous=form.anonymous(), wall=form.on_wall(), article_id=data["article"],
            email=data["email"],
        )
        url = actions.do_start_checkout(plan, form_token=data["token"] or "")
    except actions.FundingError as error:
        return _support_page(request, form, campaign, error=str(error), status=400)
    except stripe_client.ServiceError:
        return _support_page(request, form, campaign, status=502,
                             error="The payment service did not answer. Please try again in a moment.")
    return HttpResponseRedirect(url, status=303)


@require_safe
def thanks(request: HttpRequest) -> HttpResponse:
    return render(request, "funding/thanks.html", {"campaign": active_campaign()})


@require_http_methods(["GET", "HEAD", "POST"])
def manage(request: HttpRequest, token: str) -> HttpResponse:
    """A monthly donor's signed link from their receipt: a button (POST) that opens Stripe's customer portal."""
    try:
        customer = signing.loads(token, salt=PORTAL_SALT, max_age=PORTAL_LINK_MAX_AGE)
    except (signing.BadSignature, ValueError):  # ValueError: signed, but not JSON (only the site's key makes one)
        return render(request, "funding/manage.html", {"expired": True}, status=400)
    if request.method != "POST":
        return render(request, "funding/manage.html", {"expired": False})
    try:
        url = actions.do_start_portal(str(customer))
    except stripe_client.NotConfigured:
        return render(request, "funding/manage.html", {"not_configured": True}, status=503)
    except stripe_client.ServiceError:
        return render(request, "funding/manage.html", {"unavailable": True}, status=502)
    return HttpResponseRedirect(url, status=303)


@live.event_stream
async def live_totals(request: HttpRequest, campaign_id: int) -> StreamingHttpResponse:
    """Server-sent events with the campaign's totals: the current figures at once, then each change."""
    campaign = await Campaign.objects.filter(pk=campaign_id).afirst()
    if campaign is None:
        raise Http404("No such campaign")
    figures = await sync_to_async(bar.context)(campaign)
    # Without figures (logged by bar.context) the stream still opens and carries the next change.
    first = [] if figures.get("unavailable") else [live.Event(0, "totals", figures["totals"])]
    return live.sse_response(ledger.channel(campaign.pk), first=first)
