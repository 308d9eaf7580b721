"""The JSON API (django-ninja): thin endpoints over each domain's actions. Schema at /api/openapi.json."""

from ninja import NinjaAPI

api = NinjaAPI(
    title="Masthead API",
    version="1",
    urls_namespace="api",
    docs_url="/docs",
    openapi_url="/openapi.json",
)

# Each domain owns its router (``<app>/api.py``) and registers it here.
api.add_router("/discussion/", "masthead.discussion.api.router")
api.add_router("/funding/", "masthead.funding.api.router")
