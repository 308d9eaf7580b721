from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from masthead.api.api import api
from masthead.core import views as core_views
from masthead.embed import views as embed_views

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("readyz", core_views.readyz, name="readyz"),
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("discussion/", include("masthead.discussion.urls")),
    path("support/", include("masthead.funding.urls")),
    path("moderation/", include("masthead.moderation.urls")),
    path("notifications/", include("masthead.notifications.urls")),
    path("account/", include("masthead.accounts.urls")),
    path("embed.js", embed_views.embed_js, name="embed_js"),  # the address publishers paste (docs/embed.md)
    path("embed/", include("masthead.embed.urls")),
    path("desk/", include("masthead.desk.urls")),
    path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", core_views.media, name="media"),
    path("", include("masthead.discussion.feed_urls")),
    path("", include("masthead.publishing.urls")),
]

# The error pages use the site frame (templates/400.html, 403.html, 404.html, 500.html), falling back to a bare
# page should the frame fail; the 500 page renders from settings alone, so it works with the database down.
handler400 = "masthead.core.views.bad_request"
handler403 = "masthead.core.views.permission_denied"
handler404 = "masthead.core.views.page_not_found"
handler500 = "masthead.core.views.server_error"
