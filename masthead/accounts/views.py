"""The reader's account pages: sign in (emailed link or password), verify an address, use a link, sign out,
display name, badge, password, download and erase one's data. Thin: parse, call an action, answer."""

from __future__ import annotations

import json

from django.contrib.auth import login, logout
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from masthead.accounts import actions, claims, links
from masthead.accounts.actions import AccountsError
from masthead.accounts.models import EmailLink, PrivacySettings, ReaderIdentity
from masthead.accounts.privacy import EraseOptions, erase_data, export_data, subject_for
from masthead.accounts.tiers import SESSION_IDENTITY, is_staff_user, session_identity, tier_of
from masthead.core.errors import answer_headers
from masthead.core.network import network_hash
from masthead.discussion.readers import has_reader_cookie, reader_from_request

AUTH_BACKEND = "masthead.accounts.backends.ThrottledModelBackend"


def _identity(request: HttpRequest) -> ReaderIdentity | None:
    if request.user.is_authenticated:
        return ReaderIdentity.objects.filter(user=request.user).first()
    return session_identity(request)


def _refused(request: HttpRequest, error: AccountsError) -> HttpResponse:
    response = render(request, "accounts/refused.html", {"error": error.message}, status=error.status)
    answer_headers(response, error)
    return response


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    identity = _identity(request)
    email = identity.email if identity is not None else ""
    context = {
        "identity": identity,
        "tier": tier_of(request, email),
        "next": request.GET.get("next", ""),
        "allow_removal": PrivacySettings.current().allow_comment_removal,
        "is_staff_user": is_staff_user(request.user),
    }
    return render(request, "accounts/home.html", context)


def _request_link(request: HttpRequest, purpose: str) -> HttpResponse:
    next_url = actions.safe_next(request.POST.get("next", ""), request.get_host(), secure=request.is_secure())
    try:
        with transaction.atomic():
            actions.do_request_link(purpose, request.POST.get("email", ""), network=network_hash(request),
                                    next_url=next_url, claim=request.POST.get("claim") == "1")
    except AccountsError as error:
        return _refused(request, error)
    # The same page for every address: it never says whether the address is known.
    return render(request, "accounts/link_sent.html", {"purpose": purpose})


@require_POST
def sign_in(request: HttpRequest) -> HttpResponse:
    if request.POST.get("password"):
        return _password_sign_in(request)
    return _request_link(request, EmailLink.Purpose.SIGN_IN)


@require_POST
def verify(request: HttpRequest) -> HttpResponse:
    return _request_link(request, EmailLink.Purpose.VERIFY)


def _password_sign_in(request: HttpRequest) -> HttpResponse:
    next_url = actions.safe_next(request.POST.get("next", ""), request.get_host(), secure=request.is_secure())
    try:
        user = actions.check_password_sign_in(request.POST.get("email", ""), request.POST["password"],
                                              network=network_hash(request))
    except AccountsError as error:
        return _refused(request, error)
    if user is None:
        return _refused(request, AccountsError("That email and password do not match an account.", 400, "bad"))
    login(request, user, backend=AUTH_BACKEND)  # a new session key: no fixation
    return HttpResponseRedirect(next_url)


@require_http_methods(["GET", "POST"])
def use_link(request: HttpRequest, purpose: str, token: str) -> HttpResponse:
    """GET asks for confirmation (mail scanners fetch links; only a POST uses one); POST uses the link."""
    if purpose not in EmailLink.Purpose.values:
        return _refused(request, AccountsError("No such link.", 404, "not_found"))
    if request.method == "GET":

        link = links.peek(token, purpose)
        context: dict[str, object] = {"link": link, "purpose": purpose}
        if link is not None:
            context["from_this_browser"], context["others"] = claims.for_confirmation(link.email,
                                                                                     claims.browser_key(request))
        return render(request, "accounts/confirm_link.html", context, status=200 if link else 410)
    try:
        wanted = actions.check_claim_request(claims.browser_key(request), request.POST.get("claim") == "1",
                                             request.POST.getlist("comment"))
        with transaction.atomic():
            outcome = actions.do_use_link(purpose, token, claim=wanted)
    except AccountsError as error:
        return _refused(request, error)
    if outcome.user is not None:
        login(request, outcome.user, backend=AUTH_BACKEND)
    request.session[SESSION_IDENTITY] = outcome.identity.pk
    next_url = actions.safe_next(outcome.next_url, request.get_host(), secure=request.is_secure())
    return HttpResponseRedirect(next_url)


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    logout(request)  # flushes the session, the verified identity with it
    return HttpResponseRedirect("/")


@require_POST
def display_name(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return _refused(request, AccountsError("Please sign in first.", 403, "anonymous"))
    try:
        with transaction.atomic():
            actions.do_set_display_name(request.user, request.POST.get("display_name", ""))
    except AccountsError as error:
        return _refused(request, error)
    return HttpResponseRedirect("/account/")


@require_POST
def badge(request: HttpRequest) -> HttpResponse:
    identity = _identity(request)
    if identity is None:
        return _refused(request, AccountsError("Please verify your address or sign in first.", 403, "anonymous"))
    actions.do_set_badge(identity, request.POST.get("show") == "1")
    return HttpResponseRedirect("/account/")


@require_POST
def password(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        return _refused(request, AccountsError("Please sign in first.", 403, "anonymous"))
    try:
        with transaction.atomic():
            actions.do_set_password(request.user, request.POST.get("password", ""))
    except AccountsError as error:
        return _refused(request, error)
    from django.contrib.auth import update_session_auth_hash

    update_session_auth_hash(request, request.user)
    return HttpResponseRedirect("/account/")


def _subject(request: HttpRequest):  # type: ignore[no-untyped-def]

    identity = _identity(request)
    if identity is None and not request.user.is_authenticated:
        return None
    user = request.user if request.user.is_authenticated else None
    author_key = voter_key = ""
    if has_reader_cookie(request):  # this browser's guest comments and votes are the reader's too
        guest = reader_from_request(request)
        guest.user_id = None
        author_key, voter_key = guest.author_key, guest.voter_key
    return subject_for(identity.email if identity else "", user, author_key=author_key, voter_key=voter_key)


@require_GET
def download(request: HttpRequest) -> HttpResponse:
    subject = _subject(request)
    if subject is None:
        return _refused(request, AccountsError("Please verify your address or sign in first.", 403, "anonymous"))
    response = HttpResponse(json.dumps(export_data(subject), indent=2, ensure_ascii=False),
                            content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="my-data.json"'
    response["Cache-Control"] = "no-store"
    return response


@require_POST
def erase(request: HttpRequest) -> HttpResponse:
    subject = _subject(request)
    if subject is None:
        return _refused(request, AccountsError("Please verify your address or sign in first.", 403, "anonymous"))
    if request.POST.get("confirm") != "erase":
        return _refused(request, AccountsError("Type “erase” to confirm.", 400, "unconfirmed"))
    if is_staff_user(request.user):
        return _refused(request, AccountsError("Staff accounts are closed by an administrator.", 403, "staff"))
    remove = request.POST.get("comments") == "remove" and PrivacySettings.current().allow_comment_removal
    with transaction.atomic():
        erase_data(subject, EraseOptions(remove_comments=remove))
    logout(request)
    response = render(request, "accounts/erased.html")
    for cookie in ("mh_reader", "mh_edit"):  # the discussion's guest cookies identify this browser
        response.delete_cookie(cookie, samesite="Lax")
    response["Cache-Control"] = "no-store"
    return response
