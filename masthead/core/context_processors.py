from django.conf import settings
from django.http import HttpRequest

from masthead.core.cacheable import is_shared


def publication(request: HttpRequest) -> dict[str, object]:
    """The publication's identity, available to every template."""
    context: dict[str, object] = {
        "publication_name": settings.PUBLICATION_NAME,
        "publication_tagline": settings.PUBLICATION_TAGLINE,
        "publication_language": settings.PUBLICATION_LANGUAGE,
        "site_url": settings.SITE_URL,
    }
    if is_shared(request):
        # A page shared by every anonymous reader carries no CSRF token: an empty value makes {% csrf_token %}
        # render nothing and mint no cookie (Django's "NOTPROVIDED" marker would too, but goes through a
        # format_html call deprecated in Django 5.x). Their posts pass on Sec-Fetch-Site / Origin (core/csrf.py).
        context["csrf_token"] = ""
    return context
