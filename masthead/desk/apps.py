from django.apps import AppConfig


class DeskConfig(AppConfig):
    name = "masthead.desk"
    label = "desk"
    verbose_name = "Editor's desk"

    def ready(self) -> None:
        # Imported here, not at the top: this module is loaded before any app's models are.
        from masthead.desk.roles import edit_url
        from masthead.publishing import hooks as publishing

        publishing.edit_url.register(edit_url)  # the article page's "Edit this article" opens the desk
