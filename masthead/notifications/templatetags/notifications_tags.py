"""``{% notify_of_control article_or_thread %}``: the "Notify of" form (works without JavaScript).

The discussion section already shows it through its ``notify_of`` slot (registered in ``apps.py``); the tag is for
any other template that wants the control.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django import template
from django.utils.safestring import SafeString

from masthead.notifications.control import render_control

if TYPE_CHECKING:
    from masthead.discussion.models import Thread
    from masthead.publishing.models import Article

register = template.Library()


@register.simple_tag(takes_context=True)
def notify_of_control(context: template.Context, target: Thread | Article) -> SafeString:
    from masthead.discussion.actions import thread_for_article
    from masthead.discussion.models import Thread

    thread = target if isinstance(target, Thread) else thread_for_article(target)
    return render_control(context.get("request"), thread)
