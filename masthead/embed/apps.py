from django.apps import AppConfig


class EmbedConfig(AppConfig):
    name = "masthead.embed"
    label = "embed"
    verbose_name = "Embed"
    default_auto_field = "django.db.models.BigAutoField"
