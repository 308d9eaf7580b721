from datetime import timedelta

from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AccountsConfig(AppConfig):
    name = "masthead.accounts"
    label = "accounts"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from masthead.accounts.retention import do_clear_expired_networks
        from masthead.accounts.staff_roles import on_post_migrate
        from masthead.accounts.throttle import on_signed_in
        from masthead.core.schedule import register

        # Once a day across all workers (core/schedule.py); `masthead privacy_retention` runs it by hand.
        register("accounts.privacy-retention", timedelta(days=1), do_clear_expired_networks)

        post_migrate.connect(on_post_migrate, sender=self, dispatch_uid="masthead-staff-roles")
        user_logged_in.connect(on_signed_in, dispatch_uid="masthead-familiar-network")
