"""``{% discussion_for article %}``: the whole server-rendered discussion section under an article."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django import template
from django.utils.safestring import SafeString

from masthead.discussion.counts import comment_counts
from masthead.discussion.render import shown_comment_html
from masthead.discussion.section import render_section

if TYPE_CHECKING:
    from masthead.discussion.models import Comment
    from masthead.publishing.models import Article

register = template.Library()


@register.simple_tag(takes_context=True)
def discussion_for(context: template.Context, article: Article | None) -> SafeString | str:
    request = context.get("request")
    if request is None or article is None:
        return ""

    return render_section(request, article)


@register.simple_tag
def comment_count_for(article: Article, counts: dict[int, int] | None = None) -> int:
    """A count from a dict built once by ``comment_counts`` for the whole list (or one query for one article)."""
    if counts is not None:
        return counts.get(article.pk, 0)
    return comment_counts([article.pk]).get(article.pk, 0)


@register.simple_tag
def shown_comment(comment: Comment) -> SafeString:
    """A comment as ``discussion/_comment.html`` renders it, reused while nothing it shows has changed."""

    return shown_comment_html(comment)
