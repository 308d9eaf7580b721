from datetime import timedelta

from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate, post_save


class AccountsConfig(AppConfig):
    name = "masthead.accounts"
    label = "accounts"

    def ready(self) -> None:
        # Imported here, not at the top: this module is loaded before any app's models are.
        from django.contrib.auth.models import User
        from django.contrib.auth.signals import user_logged_in

        from masthead.accounts import confusables, seams
        from masthead.accounts.backends import forget_user, users_along
        from masthead.accounts.retention import do_clear_expired_networks
        from masthead.accounts.throttle import on_signed_in
        from masthead.core import shared_sessions, warmup
        from masthead.core.schedule import register
        from masthead.core.staff_roles import on_post_migrate
        from masthead.discussion import hooks as discussion
        from masthead.notifications.verification import identities

        # Once a day across all workers (core/schedule.py); `masthead privacy_retention` runs it by hand.
        register("accounts.privacy-retention", timedelta(days=1), do_clear_expired_networks)

        post_migrate.connect(on_post_migrate, sender=self, dispatch_uid="masthead-staff-roles")
        user_logged_in.connect(on_signed_in, dispatch_uid="masthead-familiar-network")
        # The signed-in user read from Redis (backends.py): a change in any process ends every copy.
        post_save.connect(forget_user, sender=User, dispatch_uid="masthead-forget-user")
        post_delete.connect(forget_user, sender=User, dispatch_uid="masthead-forget-user-deleted")
        # ...and in the same round trip to Redis as the session (core/shared_sessions.py, accounts/middleware.py).
        shared_sessions.read_along.register(users_along)
        # The lower apps ask the accounts app through hooks (docs/architecture.md, "One direction").
        discussion.reader_tier.register(seams.request_tier)
        discussion.is_protected_name.register(confusables.is_protected_name)
        identities.register(seams.identity_book)
        warmup.on_start.connect(confusables.warm_up)
