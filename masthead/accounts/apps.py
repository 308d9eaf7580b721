from django.apps import AppConfig
from django.db.models.signals import post_migrate


class AccountsConfig(AppConfig):
    name = "masthead.accounts"
    label = "accounts"

    def ready(self) -> None:
        from masthead.accounts.staff_roles import on_post_migrate

        post_migrate.connect(on_post_migrate, sender=self, dispatch_uid="masthead-staff-roles")
