"""Template helpers of the site chrome: the topic navigation in the header and article bylines."""

from __future__ import annotations

from typing import Any

from django import template

from masthead.publishing import hooks
from masthead.publishing.models import Article
from masthead.publishing.navigation import nav_topics

register = template.Library()


@register.inclusion_tag("publishing/_topic_nav.html", takes_context=True)
def topic_nav(context: template.Context) -> dict[str, Any]:
    """The header's topic links (cached; see navigation.py), marking the current topic for screen readers."""
    request = context.get("request")
    path = request.path if request is not None else ""
    return {"topics": nav_topics(), "current_path": path}


@register.filter
def author_names(authors: Any) -> str:
    """"A", "A and B", "A, B and C" from a list (or prefetched manager) of authors."""
    # A related manager is asked for .all() (which uses a prefetch); a QuerySet or list is iterated as is,
    # since .all() on a QuerySet would drop its prefetched rows and query again.
    names = [a.name for a in (authors.all() if hasattr(authors, "get_queryset") else authors)]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


@register.simple_tag(takes_context=True)
def edit_url(context: template.Context, article: Article) -> str:
    """The address of the signed-in staff member's edit screen for ``article`` ("" for everyone else)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    return hooks.edit_url(user, article) if user is not None else ""
