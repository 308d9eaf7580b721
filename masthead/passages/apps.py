from django.apps import AppConfig


class PassagesConfig(AppConfig):
    name = "masthead.passages"
    label = "passages"
    verbose_name = "Passage comments"

    def ready(self) -> None:
        # The "Inline feedback" filter goes in the discussion's filters slot (no edit to discussion templates).
        from masthead.discussion.slots import register_slot
        from masthead.passages.section import render_filter

        register_slot("filters", render_filter)
