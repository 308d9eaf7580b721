from django.apps import AppConfig


class ModerationConfig(AppConfig):
    name = "masthead.moderation"
    label = "moderation"

    def ready(self) -> None:
        # Imported here, not at the top: this module is loaded before any app's models are.
        from masthead.core import warmup
        from masthead.discussion.moderation_hook import record_screenings, screen
        from masthead.moderation.comments import record_comment_decisions, screen_for_discussion
        from masthead.moderation.pipeline import warm_up

        screen.register(screen_for_discussion)  # every comment written is screened by the pipeline
        record_screenings.register(record_comment_decisions)  # an import's batches, in a few statements
        warmup.on_start.connect(warm_up)
