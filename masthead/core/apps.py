from datetime import timedelta

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "masthead.core"
    label = "core"
    verbose_name = "Masthead core"

    def ready(self) -> None:
        # Imported here, not at the top: this module is loaded before any app's models are.
        from masthead.core import csrf  # noqa: F401 - registers the CSRF middleware's deploy check
        from masthead.core.schedule import register
        from masthead.core.upkeep import clear_expired_sessions

        register("core.clear-expired-sessions", timedelta(days=1), clear_expired_sessions)
