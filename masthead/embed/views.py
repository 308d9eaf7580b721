"""The embed's endpoints: the loader script, the origin check, the frame, comment counts, the crawlable copy
of a discussion, and the sign-in popup. See docs/embed.md."""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.staticfiles import finders
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.cache import patch_vary_headers
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_GET

from masthead.core import csp, ratelimit
from masthead.core.cacheable import shared_page
from masthead.core.network import network_hash
from masthead.discussion.actions import page_thread
from masthead.discussion.section import render_section
from masthead.embed import frame_identity, origins
from masthead.embed.actions import do_register_page
from masthead.embed.pages import BadPage, clean_title, normalise_url
from masthead.embed.theme import clean_properties, clean_theme
from masthead.funding import bar
from masthead.funding.campaigns import active_campaign
from masthead.publishing.models import Article

MAX_COUNT_URLS = 50
COUNTS_MAX_AGE = 30  # seconds a browser may keep a list of counts
REFUSED = (
    "Masthead: {origin} may not embed this discussion. Staff add it to EMBED_ALLOWED_ORIGINS or to "
    "Admin > Embed > Allowed origins."
)


def _loader_path() -> Path:
    found = finders.find("embed/embed.js")
    assert found, "embed/embed.js is missing from the embed app's static files"
    return Path(found)


@require_GET
def embed_js(request: HttpRequest) -> HttpResponse:
    """The loader a host page includes (``<script src="https://<masthead>/embed.js" async>``)."""
    response = HttpResponse(_loader_path().read_bytes(), content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "public, max-age=300"
    response["Cross-Origin-Resource-Policy"] = "cross-origin"  # a script other sites load on purpose
    return response


def _cors(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """Let an allowed origin read the answer; others get no CORS header, so their page cannot read it."""
    origin = request.headers.get("Origin")
    if origin is not None and origins.is_allowed(origin):
        response["Access-Control-Allow-Origin"] = origin
    patch_vary_headers(response, ["Origin"])
    return response


@require_GET
def check(request: HttpRequest) -> HttpResponse:
    """Whether the calling page's origin may embed (the loader asks before making the frame)."""
    origin = request.headers.get("Origin")
    if not origins.is_allowed(origin):
        return _cors(request, JsonResponse({"allowed": False}, status=403))
    response = JsonResponse({"allowed": True})
    response["Cache-Control"] = "private, max-age=60"
    return _cors(request, response)


@require_GET
def counts(request: HttpRequest) -> HttpResponse:
    """Visible comment counts for up to 50 page addresses: ``{"counts": {"<address as given>": n}}``."""
    origin = request.headers.get("Origin")
    if not origins.is_allowed(origin):
        return _cors(request, JsonResponse({"detail": "This origin may not embed."}, status=403))
    given = request.GET.getlist("url")[:MAX_COUNT_URLS]
    keys: dict[str, str] = {}
    for raw in given:
        try:
            keys[raw] = normalise_url(raw)
        except BadPage:
            continue
    found = dict(
        Article.objects.filter(is_external=True, external_url__in=set(keys.values()))
        .values_list("external_url", "thread__comment_count")
    )
    result = {raw: found.get(key) or 0 for raw, key in keys.items()}
    response = JsonResponse({"counts": result})
    response["Cache-Control"] = f"public, max-age={COUNTS_MAX_AGE}"
    return _cors(request, response)


def _refused_frame(request: HttpRequest, message: str, status: int = 403) -> HttpResponse:
    # Never framable: frame-ancestors 'none' (the site default), so a refused origin is shown nothing at all.
    return render(request, "embed/refused.html", {"message": message}, status=status)


@xframe_options_exempt
@require_GET
def frame(request: HttpRequest) -> HttpResponse:
    """The discussion (and funding bar) inside the host page's iframe, framable only by the host's origin."""
    parent = (request.GET.get("origin") or "").strip()
    if not origins.is_allowed(parent):
        response = _refused_frame(request, REFUSED.format(origin=parent[:200] or "This site"))
        response["X-Frame-Options"] = "DENY"
        return response
    try:
        url = normalise_url(request.GET.get("url", ""))
    except BadPage as error:
        response = _refused_frame(request, str(error), status=400)
        response["X-Frame-Options"] = "DENY"
        return response
    if not origins.is_allowed(origins.origin_of(url)):
        response = _refused_frame(request, REFUSED.format(origin=origins.origin_of(url) or url[:200]))
        response["X-Frame-Options"] = "DENY"
        return response
    article = Article.objects.filter(is_external=True, external_url=url).first()
    if article is None:
        # A new page: limited per network, so a script cannot fill the database with pages.
        limit = ratelimit.hit("embed-page", network_hash(request), limit=settings.EMBED_NEW_PAGES_PER_NETWORK,
                              window=3600)
        if not limit.allowed:
            response = _refused_frame(request, "Too many new pages from your network. Please try later.", 429)
            response["X-Frame-Options"] = "DENY"
            return response
        article = do_register_page(url, clean_title(request.GET.get("title", "")))
    thread = page_thread(article)
    # The frame's reader is the fresh guest of its token (signing in goes through the popup), whatever cookies a
    # browser that allows third-party cookies might still send.
    request.user = AnonymousUser()
    identity = frame_identity.new_identity(parent, thread.pk)
    funding = ""
    campaign = active_campaign() if request.GET.get("funding") == "1" else None
    if campaign is not None:
        funding = render_to_string("funding/bar.html", bar.context(campaign), request=request)
    context = {
        "article": article,
        "section": render_section(request, article),
        "funding": funding,
        "frame_token": frame_identity.sign(identity),
        "parent_origin": parent,
        "theme": clean_theme(request.GET.get("theme")),
        "properties": json.dumps(clean_properties(request.GET), separators=(",", ":")),
        "thread_page": article.get_absolute_url(),
    }
    response = render(request, "embed/frame.html", context)
    response["Cache-Control"] = "private, no-store"  # carries this frame's token
    response[csp.HEADER] = csp.policy(
        img_src=tuple(settings.CSP_IMG_SRC), form_action=tuple(settings.CSP_FORM_ACTION),
        frame_ancestors=parent, report_uri=settings.CSP_REPORT_URI,
    )
    # No csrftoken cookie either: a third-party frame's cookies are dropped, and its writes pass the CSRF check on
    # Sec-Fetch-Site: same-origin (core/csrf.py) plus the frame token.
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = False
    return response


@require_GET
def thread_by_url(request: HttpRequest) -> HttpResponse:
    """``/embed/thread/?url=<page>``: the stable crawlable copy of that page's discussion (the snippet's
    ``<noscript>`` link), or 404 when the page has none yet."""
    try:
        url = normalise_url(request.GET.get("url", ""))
    except BadPage:
        raise Http404("No discussion for this address.") from None
    article = get_object_or_404(Article, is_external=True, external_url=url)
    return redirect("embed:thread", article_id=article.pk, permanent=True)


@require_GET
@shared_page  # like an article page: every anonymous reader (and crawler) gets the same bytes, cached a second
def thread(request: HttpRequest, article_id: int) -> HttpResponse:
    """The discussion of an external page, rendered on the server for search engines and readers without
    JavaScript: the comments, the form and links back to the page."""
    article = get_object_or_404(Article, pk=article_id, is_external=True)
    context = {"article": article, "section": render_section(request, article)}
    return render(request, "embed/thread.html", context)


@require_GET
def signin(request: HttpRequest) -> HttpResponse:
    """The sign-in popup the frame opens (a top-level Masthead page, so its cookies are first-party). Signed in,
    it hands the opener frame a token for this account by postMessage to Masthead's own origin only."""
    user = request.user
    token = ""
    thread_id = request.GET.get("thread", "")
    parent = request.GET.get("origin", "")
    if user.is_authenticated and thread_id.isascii() and thread_id.isdigit() and origins.is_allowed(parent):
        token = frame_identity.sign(frame_identity.new_identity(parent, int(thread_id), user.pk))
    response = render(request, "embed/signin.html", {"token": token, "next": request.get_full_path()})
    # The site's Cross-Origin-Opener-Policy (same-origin) would cut this window off from the frame that opened it
    # (the frame's top-level page is the host's, another origin), and window.opener would be null. This page alone
    # keeps the link; it talks only to Masthead's own origin (signin.js) and refuses framing like every page.
    response["Cross-Origin-Opener-Policy"] = "unsafe-none"
    response["Cache-Control"] = "private, no-store"
    return response
