"""Template tags for the article page and the discussion section (placed by the lead; see docs/passages.md).

- ``{% passage_marks article %}`` after ``#article-body``: the marks' data, stylesheet and script.
- ``{% inline_feedback thread %}`` in the discussion section: the "Inline feedback" list for readers without
  JavaScript (``?filter=inline``); the script fetches the same list when the filter is used.
"""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from masthead.discussion.models import Thread
from masthead.passages.section import render_feedback, render_marks
from masthead.publishing.models import Article

register = template.Library()


@register.simple_tag(takes_context=True)
def passage_marks(context: template.Context, article: Article) -> SafeString | str:
    if article is None or not getattr(article, "pk", None):
        return ""

    return render_marks(context.get("request"), article)


@register.simple_tag(takes_context=True)
def inline_feedback(context: template.Context, thread: object) -> SafeString | str:
    if not isinstance(thread, Thread) or thread.article_id is None:
        return ""
    return render_feedback(context.get("request"), thread)
