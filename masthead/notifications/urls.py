from django.urls import path

from masthead.notifications import views

app_name = "notifications"
urlpatterns = [
    path("subscribe", views.subscribe, name="subscribe"),
    path("confirm/<str:token>", views.confirm, name="confirm"),
    path("unsubscribe/<str:token>", views.unsubscribe, name="unsubscribe"),
    path("moderation-digest", views.moderation_digest, name="moderation_digest"),
    path("outbox/", views.outbox, name="outbox"),
]
