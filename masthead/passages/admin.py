"""Staff views: what each article edit did to passage anchors, the anchors themselves, editors' questions.

Anchors are read-only here: only ``actions`` change them (an edit re-anchors; nothing detaches or deletes one).
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.forms import ModelForm
from django.http import HttpRequest
from django.utils.html import format_html, format_html_join

from masthead.core.admin import ReadOnlyAdmin
from masthead.passages import actions
from masthead.passages.models import ArticleRevision, PassageAnchor, PassageQuestion


@admin.register(ArticleRevision)
class ArticleRevisionAdmin(ReadOnlyAdmin):
    list_display = ["article", "number", "created_at", "exact", "moved", "fuzzy", "orphaned"]
    list_filter = ["created_at"]
    search_fields = ["article__headline"]
    list_select_related = ["article"]
    readonly_fields = ("article", "number", "created_at", "exact", "moved", "fuzzy", "orphaned", "changes")
    fields = readonly_fields

    @admin.display(description="What moved or was orphaned")
    def changes(self, obj: ArticleRevision) -> str:
        if not obj.summary:
            return "Every passage was found where it was."
        rows = format_html_join(
            "",
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{} → {}</td><td>{}</td></tr>",
            (
                (item.get("comment") or "question", item.get("status"), item.get("quote"),
                 item.get("from"), item.get("to"), item.get("score"))
                for item in obj.summary
            ),
        )
        return format_html(
            "<table><thead><tr><th>Comment</th><th>Result</th><th>Original quote</th><th>Offsets</th>"
            "<th>Score</th></tr></thead><tbody>{}</tbody></table>",
            rows,
        )


@admin.register(PassageAnchor)
class PassageAnchorAdmin(ReadOnlyAdmin):
    list_display = ["article", "comment", "status", "short_quote", "start", "end", "revision", "score"]
    list_filter = ["status"]
    search_fields = ["original_exact", "exact", "article__headline"]
    list_select_related = ["article", "comment"]
    raw_id_fields = ["article", "comment", "question"]

    @admin.display(description="Original quote")
    def short_quote(self, obj: PassageAnchor) -> str:
        return obj.original_exact[:80]


@admin.register(PassageQuestion)
class PassageQuestionAdmin(admin.ModelAdmin):
    list_display = ["text", "is_open", "created_by", "created_at"]
    list_filter = ["is_open"]
    fields = ["text", "is_open"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # questions are asked on the article page, where the passage is selected

    def save_model(self, request: HttpRequest, obj: PassageQuestion, form: ModelForm, change: bool) -> None:
        try:
            actions.do_save_question(obj)
        except actions.PassageError as error:
            self.message_user(request, error.message, messages.ERROR)
