"""Content-Security-Policy on every answer Django gives: scripts and styles only from files on this site.

No page carries an inline script, an inline event handler, a ``javascript:`` URL, a ``<style>`` block or a
``style=""`` attribute (values reach scripts through ``data-*`` attributes; what varies per page is drawn with
SVG geometry attributes or set through the CSSOM, which the policy does not govern). So the policy needs no
nonce: it is the same for every answer, which keeps shared pages byte-identical for every reader (ETags, the
page cache and nginx's micro-cache depend on that). Why each directive: docs/architecture.md, "Security:
Content-Security-Policy".

Operators may add hosts (never keywords such as ``'unsafe-inline'``) for images and form targets, and a
reporting address; ``parse_sources`` checks them at start-up.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from masthead.core.env import SettingError

HEADER = "Content-Security-Policy"

# The funding forms post to this site, which answers 303 with Stripe's hosted Checkout or billing portal;
# browsers apply form-action to that redirect too (docs/funding.md).
STRIPE_FORM_TARGETS = ("https://checkout.stripe.com", "https://billing.stripe.com")

# A CSP scheme-source ("https:") or host-source ("https://img.example.org", "*.example.org:8443/path/").
_SOURCE = re.compile(
    r"[a-z][a-z0-9+.-]*:"
    r"|(?:[a-z][a-z0-9+.-]*://)?(?:\*|(?:\*\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*)(?::(?:[0-9]{1,5}|\*))?(?:/[^\s;,'\"]*)?",
    re.IGNORECASE,
)
_REPORT_URI = re.compile(r"(?:https?://[^\s;,'\"]+|/[^\s;,'\"]*)", re.IGNORECASE)

# What X-Frame-Options says, as frame-ancestors (the newer header; browsers that know both obey it).
_FRAME_ANCESTORS = {"DENY": "'none'", "SAMEORIGIN": "'self'"}


def parse_sources(name: str, values: Sequence[str]) -> list[str]:
    """The sources an operator listed in ``name``, or a start-up error naming the first one that is not a host."""
    for value in values:
        if not _SOURCE.fullmatch(value):
            raise SettingError(
                f"{name}: {value!r} is not a host or scheme such as https://images.example.org or https:"
            )
    return list(values)


def parse_report_uri(name: str, value: str) -> str:
    if value and not _REPORT_URI.fullmatch(value):
        raise SettingError(f"{name}: {value!r} is not an http(s) address or a path on this site")
    return value


@lru_cache(maxsize=16)
def policy(
    *,
    img_src: tuple[str, ...] = (),
    form_action: tuple[str, ...] = (),
    frame_ancestors: str | None = "'none'",
    report_uri: str = "",
) -> str:
    directives = [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        " ".join(["img-src 'self' data:", *img_src]),  # data: for the empty favicon in base.html
        "font-src 'self'",
        "connect-src 'self'",  # the API and the live-event streams
        "object-src 'none'",
        "base-uri 'none'",
        " ".join(["form-action 'self'", *STRIPE_FORM_TARGETS, *form_action]),
    ]
    if frame_ancestors:
        directives.append(f"frame-ancestors {frame_ancestors}")
    if report_uri:
        directives.append(f"report-uri {report_uri}")
    return "; ".join(directives)


def policy_for(response: HttpResponse) -> str:
    return policy(
        img_src=tuple(settings.CSP_IMG_SRC),
        form_action=tuple(settings.CSP_FORM_ACTION),
        # Follows the X-Frame-Options the response leaves with (site default DENY, or a view's own choice);
        # none when a view is exempt from it.
        frame_ancestors=_FRAME_ANCESTORS.get(response.get("X-Frame-Options", "").upper()),
        report_uri=settings.CSP_REPORT_URI,
    )


class ContentSecurityPolicyMiddleware:
    """Adds the policy to every response that has none of its own.

    Sits outside XFrameOptionsMiddleware, so it sees the X-Frame-Options each response ends up with. With DEBUG
    on, error pages go without it: Django's debug pages style themselves inline.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if HEADER not in response and not (settings.DEBUG and response.status_code >= 400):
            response[HEADER] = policy_for(response)
        return response
