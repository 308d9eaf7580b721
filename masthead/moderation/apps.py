from django.apps import AppConfig


class ModerationConfig(AppConfig):
    name = "masthead.moderation"
    label = "moderation"

    def ready(self) -> None:
        # Imported here, not at the top: this module is loaded before any app's models are.
        from masthead.core import warmup
        from masthead.discussion.moderation_hook import screen
        from masthead.moderation.comments import screen_for_discussion
        from masthead.moderation.pipeline import warm_up

        screen.register(screen_for_discussion)  # every comment written is screened by the pipeline
        warmup.on_start.connect(warm_up)
