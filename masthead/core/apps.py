from datetime import timedelta

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "masthead.core"
    label = "core"
    verbose_name = "Masthead core"

    def ready(self) -> None:
        # Imported here, not at the top: this module is loaded before any app's models are.
        from masthead.core import csrf  # noqa: F401 - registers the CSRF middleware's deploy check
        from masthead.core.schedule import register, register_on_start
        from masthead.core.task_recovery import EVERY, requeue_abandoned_tasks
        from masthead.core.upkeep import clear_expired_sessions

        register("core.clear-expired-sessions", timedelta(days=1), clear_expired_sessions)
        # Tasks a dead worker left running: at each worker's start, and every minute (core/task_recovery.py).
        register_on_start("core.requeue-abandoned-tasks", requeue_abandoned_tasks)
        register("core.requeue-abandoned-tasks", EVERY, requeue_abandoned_tasks)
