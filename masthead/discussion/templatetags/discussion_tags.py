"""The discussion slot under each article. The [discussion] issue fills it; until then it renders nothing."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def discussion_for(context: template.Context, article: object) -> str:
    return ""
