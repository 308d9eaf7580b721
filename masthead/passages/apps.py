from django.apps import AppConfig


class PassagesConfig(AppConfig):
    name = "masthead.passages"
    label = "passages"
    verbose_name = "Passage comments"

    def ready(self) -> None:
        # Imported here, not at the top: this module is loaded before any app's models are.
        from masthead.discussion.slots import register_slot
        from masthead.passages.actions import on_article_changed
        from masthead.passages.section import render_filter
        from masthead.publishing import hooks as publishing

        # The "Inline feedback" filter goes in the discussion's filters slot (no edit to discussion templates).
        register_slot("filters", render_filter)
        publishing.article_changed.connect(on_article_changed)  # quotes re-found when an article's text changes
