"""The funding bar slot on article pages. The [funding] issue fills it; until then it renders nothing."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def funding_bar(context: template.Context) -> str:
    return ""
