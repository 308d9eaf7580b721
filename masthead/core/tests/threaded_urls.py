"""Views for the tests of core/threaded_django.py (ROOT_URLCONF in those tests only)."""

from __future__ import annotations

import asyncio
import threading
import time

from django.db import connection
from django.http import FileResponse, HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

# The site's error handlers: its 404 page needs the site's URLs, missing here, so it falls back to a bare page.
from masthead.urls import handler400, handler403, handler404, handler500  # noqa: F401

BIG_PART = b"0123456789abcdef" * 4096  # 64 KiB


@csrf_exempt
def echo(request: HttpRequest) -> HttpResponse:
    response = JsonResponse({
        "method": request.method,
        "path": request.path,
        "query": request.GET.get("q", ""),
        "body": request.body.decode(),
        "header": request.headers.get("X-Probe", ""),
        "cookie": request.COOKIES.get("probe", ""),
        "remote": request.META.get("REMOTE_ADDR", ""),
    })
    response.set_cookie("answered", "yes", httponly=True)
    return response


def where(request: HttpRequest) -> HttpResponse:
    """Which thread ran the view, and which database connection it used (after a query)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"thread": threading.current_thread().name, "connection": id(connection.connection)})


def slow(request: HttpRequest) -> HttpResponse:
    time.sleep(int(request.GET.get("ms", "50")) / 1000)
    return HttpResponse(threading.current_thread().name)


@csrf_exempt
def write(request: HttpRequest) -> HttpResponse:
    return HttpResponse(threading.current_thread().name)


RENDERED: list[str] = []  # what /count/ was asked to do, in order (the tests clear it)


@csrf_exempt
def count(request: HttpRequest) -> HttpResponse:
    RENDERED.append(f"{request.method} {request.GET.get('n', '')}")
    return HttpResponse("counted")


def stream(request: HttpRequest) -> StreamingHttpResponse:
    return StreamingHttpResponse(BIG_PART for _ in range(10))


def a_file(request: HttpRequest) -> FileResponse:
    return FileResponse(open(request.GET["name"], "rb"))


def boom(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("a view that fails")


async def live(request: HttpRequest) -> StreamingHttpResponse:
    async def events():
        for n in range(3):
            await asyncio.sleep(0)
            yield f"data: {n}\n\n"

    return StreamingHttpResponse(events(), content_type="text/event-stream")


def async_parts(request: HttpRequest) -> StreamingHttpResponse:
    """A synchronous view whose answer is an asynchronous iterator: consumed on the event loop."""

    async def parts():
        for n in range(3):
            await asyncio.sleep(0)
            yield f"part {n};"

    return StreamingHttpResponse(parts())


urlpatterns = [
    path("echo/", echo),
    path("where/", where),
    path("slow/", slow),
    path("write/", write),
    path("count/", count),
    path("stream/", stream),
    path("file/", a_file),
    path("boom/", boom),
    path("live/", live),
    path("async-parts/", async_parts),
]
