from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "masthead.notifications"
    label = "notifications"

    def ready(self) -> None:
        # Imported here, not at the top: this module is loaded before any app's models are.
        from masthead.discussion import hooks
        from masthead.discussion.slots import register_slot
        from masthead.notifications import outbox  # noqa: F401 - registers its deployment check
        from masthead.notifications.actions import on_comment_pending, on_comment_visible
        from masthead.notifications.control import render_control

        register_slot("notify_of", render_control)
        hooks.comment_visible.connect(on_comment_visible)
        hooks.comment_pending.connect(on_comment_pending)
