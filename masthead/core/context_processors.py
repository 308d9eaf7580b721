from django.conf import settings
from django.http import HttpRequest


def publication(request: HttpRequest) -> dict[str, object]:
    """The publication's identity, available to every template."""
    return {
        "publication_name": settings.PUBLICATION_NAME,
        "publication_tagline": settings.PUBLICATION_TAGLINE,
        "publication_language": settings.PUBLICATION_LANGUAGE,
        "site_url": settings.SITE_URL,
    }
