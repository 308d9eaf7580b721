"""Admin for campaigns and the ledger. Ledger rows are read-only here: they change only through actions."""

from __future__ import annotations

from django.contrib import admin, messages
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from masthead.funding import actions, money
from masthead.funding.models import Campaign, Donation, FundingAudit, RecurringDonation, StripeEvent


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = ["name", "is_active", "period", "currency", "goal_display", "placement"]
    actions = ["activate"]

    @admin.display(description="Goal")
    def goal_display(self, obj: Campaign) -> str:
        return money.display(obj.goal, obj.currency)

    @admin.action(description="Make the selected campaign the active one")
    def activate(self, request: HttpRequest, queryset: QuerySet[Campaign]) -> None:
        if queryset.count() != 1:
            self.message_user(request, "Select exactly one campaign.", messages.ERROR)
            return
        with transaction.atomic():
            actions.do_activate_campaign(queryset.get())
        self.message_user(request, "Campaign activated.")


@admin.register(Donation)
class DonationAdmin(admin.ModelAdmin):
    list_display = ["id", "paid_at", "campaign", "kind", "method", "status", "amount_display", "net_display",
                    "public_name"]
    list_filter = ["status", "kind", "method", "campaign"]
    search_fields = ["donor_name", "donor_email", "stripe_payment_intent", "stripe_invoice", "stripe_checkout_session"]
    date_hierarchy = "paid_at"
    readonly_fields = [f.name for f in Donation._meta.fields]

    @admin.display(description="Amount")
    def amount_display(self, obj: Donation) -> str:
        return money.display(obj.amount, obj.currency or "usd")

    @admin.display(description="Counts")
    def net_display(self, obj: Donation) -> str:
        return money.display(obj.net_amount, obj.currency or "usd")

    def add_view(self, request: HttpRequest, form_url: str = "", extra_context: dict | None = None) -> HttpResponse:
        # Manual entries need a note and an audit record: they go through the staff form and its action.
        return HttpResponseRedirect(reverse("funding:manual"))

    def has_change_permission(self, request: HttpRequest, obj: Donation | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Donation | None = None) -> bool:
        return False


@admin.register(RecurringDonation)
class RecurringDonationAdmin(admin.ModelAdmin):
    list_display = ["stripe_subscription", "status", "campaign", "amount", "currency", "created_at"]
    readonly_fields = [f.name for f in RecurringDonation._meta.fields]


@admin.register(StripeEvent)
class StripeEventAdmin(admin.ModelAdmin):
    list_display = ["event_id", "type", "received_at", "donation"]
    list_filter = ["type"]
    readonly_fields = [f.name for f in StripeEvent._meta.fields]


@admin.register(FundingAudit)
class FundingAuditAdmin(admin.ModelAdmin):
    list_display = ["created_at", "action", "actor", "donation"]
    readonly_fields = [f.name for f in FundingAudit._meta.fields]

    def has_delete_permission(self, request: HttpRequest, obj: FundingAudit | None = None) -> bool:
        return False
