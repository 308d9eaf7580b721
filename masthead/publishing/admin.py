"""The editors' desk in the Django admin. Every save and bulk action goes through ``actions``."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.forms import ModelForm
from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import format_html

from masthead.publishing import actions
from masthead.publishing.models import Article, Author, RelatedArticle, Topic


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "user"]
    search_fields = ["name", "slug", "bio"]
    prepopulated_fields = {"slug": ["name"]}
    raw_id_fields = ["user"]

    def save_model(self, request: HttpRequest, obj: Author, form: ModelForm, change: bool) -> None:
        actions.do_save_author(obj)


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "nav_position"]
    list_editable = ["nav_position"]
    search_fields = ["name", "slug", "description"]
    prepopulated_fields = {"slug": ["name"]}

    def save_model(self, request: HttpRequest, obj: Topic, form: ModelForm, change: bool) -> None:
        actions.do_save_topic(obj)

    def delete_model(self, request: HttpRequest, obj: Topic) -> None:
        actions.do_delete_topic(obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Topic]) -> None:
        for topic in queryset:
            actions.do_delete_topic(topic)


class OriginFilter(admin.SimpleListFilter):
    """Our own articles by default; external ones (pages on other sites whose discussion is embedded here,
    docs/embed.md) only when asked for: they have no body to edit and would crowd the list."""

    title = "origin"
    parameter_name = "origin"
    OURS, EXTERNAL, ALL = "ours", "external", "all"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin[Any]) -> list[tuple[str, str]]:
        return [(self.OURS, "Our articles"), (self.EXTERNAL, "External (embedded discussions)"), (self.ALL, "All")]

    def choices(self, changelist: Any) -> Any:
        current = self.value() or self.OURS  # no parameter: our own articles, and that choice shows as selected
        for value, label in self.lookup_choices:
            yield {
                "selected": current == value,
                "query_string": changelist.get_query_string({self.parameter_name: value}),
                "display": label,
            }

    def queryset(self, request: HttpRequest, queryset: QuerySet[Article]) -> QuerySet[Article]:
        value = self.value() or self.OURS
        if value == self.EXTERNAL:
            return queryset.filter(is_external=True)
        if value == self.ALL:
            return queryset
        return queryset.filter(is_external=False)


class ArticleAdminForm(ModelForm):
    canonical_url = forms.URLField(
        required=False, max_length=500, assume_scheme="https",
        widget=forms.URLInput(attrs={"class": "article-field-wide"}),
        help_text="Leave empty unless first published elsewhere.",
    )

    class Meta:
        model = Article
        fields = [
            "kicker", "headline", "slug", "standfirst", "body", "status", "published_at", "discussion_open",
            "canonical_url", "featured_image", "image_caption", "image_alt", "authors", "topics",
        ]
        # Classes from publishing/admin.css, not style="" (the Content-Security-Policy allows no inline styles).
        _wide = {"class": "article-field-wide"}
        widgets = {
            "headline": forms.TextInput(attrs={"class": "article-field-wide article-field-headline"}),
            "slug": forms.TextInput(attrs=_wide),
            "standfirst": forms.Textarea(attrs={**_wide, "rows": 3}),
            "body": forms.Textarea(attrs={"class": "article-field-wide article-field-body", "rows": 28}),
            "image_caption": forms.TextInput(attrs=_wide),
            "image_alt": forms.TextInput(attrs=_wide),
        }

    class Media:
        css = {"all": ["publishing/admin.css"]}

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        # The editorial rules of actions.check_article, shown on the form instead of as an error page.
        probe = Article(
            headline=data.get("headline") or "",
            body=data.get("body") or "",
            status=data.get("status") or Article.Status.DRAFT,
            published_at=data.get("published_at"),
            featured_image=data.get("featured_image") or None,
            image_alt=data.get("image_alt") or "",
        )
        if probe.status == Article.Status.PUBLISHED and probe.published_at is None:
            probe.published_at = timezone.now()
        try:
            actions.check_article(probe)
        except ValidationError as error:
            for field, problems in error.message_dict.items():
                self.add_error(field if field in self.fields else None, problems)
        return data

    def _post_clean(self) -> None:  # ModelForm's hook after the instance is built (Django private API)
        super()._post_clean()  # type: ignore[misc]
        # Store a new image while the form can still show why it failed (an unreachable media bucket).
        if not self.errors:
            try:
                actions.do_store_featured_image(self.instance)
            except ValidationError as error:
                self._update_errors(error)  # type: ignore[attr-defined]


class RelatedInline(admin.TabularInline):
    model = RelatedArticle
    fk_name = "article"
    readonly_fields = ("rank", "related", "score", "computed_at")
    fields = readonly_fields
    extra = 0
    can_delete = False
    verbose_name_plural = "More on this topic (computed)"

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleAdminForm
    list_display = ["headline", "status_label", "published_at", "discussion_open", "updated_at"]
    list_filter = [OriginFilter, "status", "discussion_open", "topics", "authors",
                   ("published_at", admin.DateFieldListFilter)]
    search_fields = ["headline", "standfirst", "slug", "body"]
    prepopulated_fields = {"slug": ["headline"]}
    date_hierarchy = "published_at"
    filter_horizontal = ["authors", "topics"]
    readonly_fields = ["revised_at", "render_version", "created_at", "updated_at", "view_on_site_link"]
    list_select_related = True
    list_per_page = 50
    inlines = [RelatedInline]
    actions = ["publish_now", "unpublish", "open_discussion", "close_discussion"]
    fieldsets = [
        (None, {"fields": ["kicker", "headline", "slug", "standfirst", "body"]}),
        ("Publication", {
            "fields": ["status", "published_at", "discussion_open", "canonical_url", "view_on_site_link"],
            "description": "Choose Scheduled and a future time to publish later; Published with no time "
                           "publishes now. Readers never see drafts or articles whose time has not come.",
        }),
        ("Featured image", {"fields": ["featured_image", "image_caption", "image_alt"]}),
        ("People and topics", {"fields": ["authors", "topics"]}),
        ("Record", {"classes": ["collapse"], "fields": ["revised_at", "render_version", "created_at", "updated_at"]}),
    ]

    @admin.display(description="Status", ordering="status")
    def status_label(self, obj: Article) -> str:
        if obj.status == Article.Status.SCHEDULED and obj.is_live:
            return "Published (was scheduled)"
        return obj.get_status_display()

    @admin.display(description="Reader page")
    def view_on_site_link(self, obj: Article) -> str:
        if not obj.pk:
            return "—"
        label = "Open" if obj.is_live else "Preview"
        return format_html('<a href="{}" target="_blank" rel="noopener">{}</a>', obj.get_absolute_url(), label)

    def get_readonly_fields(self, request: HttpRequest, obj: Article | None = None) -> list[str]:
        # Contributors write drafts but never publish (accounts/staff_roles.py): the status and the time are
        # theirs to read, not to change.
        fields = list(super().get_readonly_fields(request, obj))
        if not request.user.has_perm("publishing.publish_article"):
            fields += ["status", "published_at"]
        return fields

    def get_actions(self, request: HttpRequest) -> dict[str, Any]:
        found = super().get_actions(request)
        if not request.user.has_perm("publishing.publish_article"):
            found.pop("publish_now", None)
            found.pop("unpublish", None)
        return found

    def save_model(self, request: HttpRequest, obj: Article, form: ModelForm, change: bool) -> None:
        # The admin saves authors and topics right after this, in the same transaction; the related-articles
        # refresh that actions enqueue runs on commit, so it sees them.
        actions.do_save_article(obj, by=request.user if isinstance(request.user, User) else None)

    def delete_model(self, request: HttpRequest, obj: Article) -> None:
        actions.do_delete_article(obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        for article in queryset:
            actions.do_delete_article(article)

    @admin.action(description="Publish selected articles now", permissions=["change"])
    def publish_now(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        for article in queryset:
            actions.do_publish_article(article)
        self.message_user(request, f"Published {len(queryset)} article(s).", messages.SUCCESS)

    @admin.action(description="Unpublish selected articles (back to draft)", permissions=["change"])
    def unpublish(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        for article in queryset:
            actions.do_unpublish_article(article)
        self.message_user(request, f"Unpublished {len(queryset)} article(s).", messages.SUCCESS)

    @admin.action(description="Open discussion on selected articles", permissions=["change"])
    def open_discussion(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        for article in queryset:
            actions.do_set_discussion_open(article, True)

    @admin.action(description="Close discussion on selected articles", permissions=["change"])
    def close_discussion(self, request: HttpRequest, queryset: QuerySet[Article]) -> None:
        for article in queryset:
            actions.do_set_discussion_open(article, False)
