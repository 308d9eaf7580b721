from django.urls import path

from masthead.funding import staff_views, views, webhooks

app_name = "funding"
urlpatterns = [
    path("", views.support, name="support"),
    path("checkout/", views.checkout, name="checkout"),
    path("thanks/", views.thanks, name="thanks"),
    path("manage/<str:token>/", views.manage, name="manage"),
    path("live/<int:campaign_id>/", views.live_totals, name="live"),
    path("webhooks/stripe/", webhooks.stripe_webhook, name="stripe_webhook"),
    path("staff/manual/", staff_views.manual_donation, name="manual"),
    path("staff/export.csv", staff_views.export_csv, name="export"),
]
