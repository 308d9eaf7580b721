from django.urls import path

from masthead.moderation import views

app_name = "moderation"
urlpatterns = [
    path("", views.queue_view, name="queue"),
    path("comments/<int:pk>/decide", views.decide, name="decide"),
    path("comments/<int:pk>/ban", views.ban_author, name="ban"),
    path("comments/<int:pk>/flag", views.flag, name="flag"),
    path("bulk", views.bulk, name="bulk"),
    path("models", views.models_view, name="models"),
    path("models/<str:name>/promote", views.promote_model, name="promote"),
]
