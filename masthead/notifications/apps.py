from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "masthead.notifications"
    label = "notifications"
