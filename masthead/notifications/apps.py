from datetime import timedelta

from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "masthead.notifications"
    label = "notifications"

    def ready(self) -> None:
        # Imported here, not at the top: this module is loaded before any app's models are.
        from masthead.core.schedule import register, register_on_start
        from masthead.discussion import hooks
        from masthead.discussion.slots import register_slot
        from masthead.notifications import outbox  # noqa: F401 - registers its deployment check
        from masthead.notifications.actions import on_comment_pending, on_comment_visible
        from masthead.notifications.control import render_control
        from masthead.notifications.privacy import prune
        from masthead.notifications.recovery import EVERY, on_worker_start, requeue_abandoned

        register_slot("notify_of", render_control)
        hooks.comment_visible.connect(on_comment_visible)
        hooks.comment_pending.connect(on_comment_pending)
        # Once a day across all workers (core/schedule.py); `masthead notifications_prune` runs it by hand.
        register("notifications.prune", timedelta(days=1), prune)
        # Mail a killed worker left half done is queued again: by each worker as it starts, and by a sweep.
        register_on_start("notifications.requeue-abandoned-mail", on_worker_start)
        register("notifications.requeue-abandoned-mail", EVERY, requeue_abandoned)
