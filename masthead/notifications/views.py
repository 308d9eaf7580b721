"""Plain-form views: ask for notices, confirm by link, unsubscribe (RFC 8058 one-click), the moderators' opt-in.

Thin: parse, call the actions inside a transaction, answer. Token pages are never cached and send no referrer to
other sites, so a link's token does not leak.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from masthead.core.actors import signed_in_user
from masthead.core.errors import answer_headers
from masthead.core.network import keyed_hash, network_hash
from masthead.discussion.models import Thread
from masthead.discussion.readers import reader_from_request, remember_reader
from masthead.moderation.roles import can_moderate
from masthead.notifications import config
from masthead.notifications import outbox as outbox_backend
from masthead.notifications.actions import (
    NotificationError,
    check_confirmable,
    check_request_limits,
    check_subscription_input,
    do_confirm,
    do_request_subscription,
    do_subscribe_verified,
    do_unsubscribe,
)
from masthead.notifications.compose import unsubscribe_url
from masthead.notifications.models import ModerationDigestOptIn, OutboxMail
from masthead.notifications.moderation_digest import do_set_opt_in
from masthead.notifications.tokens import CONFIRM, UNSUBSCRIBE, read_token
from masthead.notifications.verification import is_verified, normalize_email, remember_in_session, session_email

VERIFIED_COOKIE = "mh_notify"
_VERIFIED_SALT = "masthead.notifications.verified"
VERIFIED_COOKIE_AGE = 365 * 24 * 3600


def _private(response: HttpResponse) -> HttpResponse:
    # Not "no-referrer": browsers then send "Origin: null" with the page's own form, which CSRF checks refuse.
    response["Referrer-Policy"] = "same-origin"
    response["X-Robots-Tag"] = "noindex"
    return response


def _error(request: HttpRequest, error: NotificationError) -> HttpResponse:
    response = render(request, "notifications/error.html", {"error": error.message}, status=error.status)
    answer_headers(response, error)
    return _private(response)


def _proves_address(request: HttpRequest, email: str) -> bool:
    """Has this requester already proved they own ``email``? Only their own credentials are consulted, so the
    answer says nothing about anyone else's address."""
    user = request.user
    if user.is_authenticated and user.email and normalize_email(user.email) == email:
        return is_verified(email)
    if session_email(request) == email:
        return True
    remembered = request.get_signed_cookie(VERIFIED_COOKIE, default=None, salt=_VERIFIED_SALT)
    return remembered == _cookie_value(email) and is_verified(email)


def _cookie_value(email: str) -> str:
    # A keyed hash, not the address: the cookie travels with every request and should not spell it out.
    return keyed_hash(email, "notify-verified")


def _live_thread(raw: str) -> Thread:
    thread = None
    if raw.isdigit() and len(raw) < 19:
        thread = Thread.objects.select_related("article").filter(pk=int(raw)).first()
    if thread is None or thread.article is None or not thread.article.is_live:
        raise NotificationError("No such discussion.", 404)
    return thread


@require_POST
@never_cache
def subscribe(request: HttpRequest) -> HttpResponse:
    form = request.POST
    reader = reader_from_request(request)
    try:
        thread = _live_thread(form.get("thread", ""))
        email, kind, name = check_subscription_input(form.get("email", ""), form.get("kind", ""),
                                                     form.get("name", ""))
        mail_allowed = check_request_limits(network_hash(request), email)
        if _proves_address(request, email):
            with transaction.atomic():
                subscription = do_subscribe_verified(
                    thread.pk, email, kind, name=name, reader_key=reader.author_key, network_hash=reader.network_hash,
                    user=request.user if request.user.is_authenticated else None,
                )
            response = render(request, "notifications/subscribed.html", {
                "article": thread.article, "subscription": subscription,
                "unsubscribe_url": unsubscribe_url(subscription),
            })
        else:
            with transaction.atomic():
                do_request_subscription(thread.pk, email, kind, name=name, network_hash=reader.network_hash,
                                        reader_key=reader.author_key, mail_allowed=mail_allowed)
            # The same page whatever we know of the address.
            response = render(request, "notifications/check_inbox.html", {
                "article": thread.article, "hours": max(1, config.confirm_max_age() // 3600),
            })
    except NotificationError as error:
        return _error(request, error)
    remember_reader(response, reader, secure=request.is_secure())
    return _private(response)


@require_http_methods(["GET", "POST"])
@never_cache
def confirm(request: HttpRequest, token: str) -> HttpResponse:
    """GET shows a button (mail scanners fetch links; they must not subscribe anyone); POST confirms."""
    try:
        subscription = check_confirmable(read_token(token, CONFIRM, max_age=config.confirm_max_age()))
    except NotificationError as error:
        return _error(request, error)
    article = subscription.thread.article
    if request.method == "GET":
        return _private(render(request, "notifications/confirm.html", {
            "subscription": subscription, "article": article,
        }))
    with transaction.atomic():
        subscription = do_confirm(subscription)
    remember_in_session(request, getattr(subscription, "identity", None))
    response = render(request, "notifications/subscribed.html", {
        "article": article, "subscription": subscription, "unsubscribe_url": unsubscribe_url(subscription),
    })
    # This browser has now proved the address: its next "Notify of" for it needs no new confirmation mail.
    response.set_signed_cookie(
        VERIFIED_COOKIE, _cookie_value(subscription.subscriber.email), salt=_VERIFIED_SALT, max_age=VERIFIED_COOKIE_AGE,
        httponly=True, samesite="Lax", secure=request.is_secure() or settings.SESSION_COOKIE_SECURE,
    )
    return _private(response)


def _masked(email: str) -> str:
    local, _, domain = email.partition("@")
    return f"{local[:1]}…@{domain}"


@csrf_exempt  # RFC 8058: mail clients POST here without a session; the signed token is the authentication
@require_http_methods(["GET", "POST"])
@never_cache
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    subscription = read_token(token, UNSUBSCRIBE)
    if subscription is None:
        return _error(request, NotificationError("This unsubscribe link is not valid.", 400))
    context = {
        "subscription": subscription,
        "article": subscription.thread.article,
        "masked_email": _masked(subscription.subscriber.email),
    }
    if request.method == "GET":
        return _private(render(request, "notifications/unsubscribe.html", context))
    with transaction.atomic():
        do_unsubscribe(subscription)
    return _private(render(request, "notifications/unsubscribed.html", context))


@login_required
@require_http_methods(["GET", "POST"])
def moderation_digest(request: HttpRequest) -> HttpResponse:
    if not can_moderate(request.user):
        return _error(request, NotificationError("Only moderators can ask for this digest.", 403))
    moderator = signed_in_user(request)
    if request.method == "POST":
        with transaction.atomic():
            do_set_opt_in(moderator, request.POST.get("enabled") == "1")
    opt_in = ModerationDigestOptIn.objects.filter(user=moderator, enabled=True).exists()
    return render(request, "notifications/moderation_digest.html", {"enabled": opt_in,
                                                                     "has_email": bool(moderator.email)})



OUTBOX_PAGE = 50


@never_cache
@require_http_methods(["GET", "HEAD"])
def outbox(request: HttpRequest) -> HttpResponse:
    """The mails kept instead of sent (no SMTP server configured: outbox.py), newest first, links clickable.

    Superusers only: the mails hold every reader's sign-in and confirmation links."""
    from django.contrib.auth.views import redirect_to_login


    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not (request.user.is_staff and request.user.is_superuser):
        return _private(render(request, "403.html", status=403))
    mails = list(OutboxMail.objects.order_by("-id")[:OUTBOX_PAGE])
    return _private(render(request, "notifications/outbox.html", {
        "mails": mails, "active": outbox_backend.is_active(), "site_url": settings.SITE_URL,
    }))
