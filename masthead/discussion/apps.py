from django.apps import AppConfig


class DiscussionConfig(AppConfig):
    name = "masthead.discussion"
    label = "discussion"

    def ready(self) -> None:
        # Imported here, not at the top: this module is loaded before any app's models are.
        from masthead.discussion.actions import page_thread, thread_columns
        from masthead.discussion.counts import comment_counts
        from masthead.publishing import hooks as publishing
        from masthead.publishing.models import Article

        def conversation(article: Article) -> publishing.Conversation:
            thread = page_thread(article)
            return publishing.Conversation(thread.version, thread.comment_count)

        publishing.comment_counts.register(comment_counts)
        publishing.conversation.register(conversation)
        publishing.conversation_columns.register(thread_columns)
