"""Staff-only views of subscriptions and deliveries (the admin requires staff): no listing exists for anyone else."""

from django.contrib import admin

from masthead.notifications.models import Delivery, ModerationDigestOptIn, Subscription, VerifiedEmail


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ("subscriber", "thread", "kind", "status", "requested_at", "confirmed_at")
    list_filter = ("kind", "status")
    search_fields = ("subscriber__email",)
    raw_id_fields = ("subscriber", "thread")
    exclude = ("token_key",)


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ("key", "kind", "status", "attempts", "created_at", "sent_at")
    list_filter = ("kind", "status")
    search_fields = ("to_email", "key")
    raw_id_fields = ("subscription", "subscriber", "thread", "user")


admin.site.register(VerifiedEmail)
admin.site.register(ModerationDigestOptIn)
