from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "masthead.notifications"
    label = "notifications"

    def ready(self) -> None:
        from masthead.discussion.slots import register_slot
        from masthead.notifications import outbox  # noqa: F401 - registers its deployment check
        from masthead.notifications.control import render_control

        register_slot("notify_of", render_control)
