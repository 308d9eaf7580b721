from django.apps import AppConfig


class ImportingConfig(AppConfig):
    name = "masthead.importing"
    label = "importing"
    verbose_name = "Importing"
    default_auto_field = "django.db.models.BigAutoField"
