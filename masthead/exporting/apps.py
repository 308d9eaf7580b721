from django.apps import AppConfig


class ExportingConfig(AppConfig):
    name = "masthead.exporting"
    label = "exporting"
