"""Staff-only funding pages: record a manual donation, export the ledger as CSV."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_safe

from masthead.core.actors import signed_in_user
from masthead.funding import actions, csv_export, roles
from masthead.funding.forms import ManualDonationForm
from masthead.funding.models import Donation


@roles.requires(roles.RECORD)
@require_http_methods(["GET", "HEAD", "POST"])
def manual_donation(request: HttpRequest) -> HttpResponse:
    form = ManualDonationForm(request.POST or None)
    show_export = roles.can(request.user, roles.EXPORT)
    error = ""
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                entry = actions.check_manual_donation(
                    request.user, campaign=data["campaign"], method=data["method"], amount_text=data["amount"],
                    received_on=data["received_on"], note=data["note"], donor_name=data["donor_name"],
                    donor_email=data["donor_email"], is_anonymous=data["is_anonymous"],
                    show_on_wall=data["show_on_wall"], public_message=data["public_message"],
                )
                donation = actions.do_record_manual_donation(signed_in_user(request), entry)
        except actions.FundingError as exc:
            error = str(exc)
        else:
            messages.success(request, f"Recorded manual donation #{donation.pk}.")
            return HttpResponseRedirect(reverse("admin:funding_donation_change", args=[donation.pk]))
    status = 400 if request.method == "POST" else 200
    context = {"form": form, "error": error, "show_export": show_export}
    return render(request, "funding/manual.html", context, status=status)


@roles.requires(roles.EXPORT)
@require_safe
def export_csv(request: HttpRequest) -> StreamingHttpResponse:
    donations = Donation.objects.select_related("campaign", "article").order_by("id")
    if request.GET.get("campaign", "").isdigit():
        donations = donations.filter(campaign_id=int(request.GET["campaign"]))
    with transaction.atomic():
        actions.do_audit_export(signed_in_user(request), donations.count())
    response = StreamingHttpResponse(csv_export.rows(donations.iterator()), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="donations-{timezone.localdate():%Y-%m-%d}.csv"'
    response["Cache-Control"] = "private, no-store"
    return response
