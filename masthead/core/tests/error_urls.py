"""The site's URLs plus views that fail as a lost database does, and as a fault in the code does, for the error
page tests."""

from django.core.exceptions import PermissionDenied
from django.db import OperationalError
from django.http import HttpRequest, HttpResponse
from django.urls import path

from masthead.urls import *  # noqa: F403 - the site's patterns and its error handlers
from masthead.urls import urlpatterns as site_urlpatterns


def database_gone(request: HttpRequest) -> HttpResponse:
    raise OperationalError("could not connect to server: Connection refused")


def broken(request: HttpRequest) -> HttpResponse:
    raise ValueError("a fault in the code")


def forbidden(request: HttpRequest) -> HttpResponse:
    raise PermissionDenied


urlpatterns = [path("test-errors/database-gone", database_gone), path("test-errors/forbidden", forbidden),
               path("test-errors/broken", broken), path("api/test-errors/database-gone", database_gone),
               *site_urlpatterns]
