from django.apps import AppConfig


class FundingConfig(AppConfig):
    name = "masthead.funding"
    label = "funding"

    def ready(self) -> None:
        from datetime import timedelta

        from masthead.core.schedule import register
        from masthead.funding.receipts import requeue_owed

        # Receipts refused by the mail server, or never queued, are queued again (once across all workers).
        register("funding.requeue-owed-receipts", timedelta(minutes=10), requeue_owed)
