"""The moderators' queue and its actions, and the readers' flag form. Thin: check, one action, answer.

Each action answers JSON to the queue script (``Accept: application/json``) and a redirect back to the queue
for plain forms, so the queue works without JavaScript too.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING

from django.contrib.auth.views import redirect_to_login
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from masthead.core.ratelimit import hit
from masthead.discussion.models import Comment
from masthead.discussion.readers import reader_from_request
from masthead.moderation import actions, queue, roles, site_training
from masthead.moderation.config import moderation_settings
from masthead.moderation.models import Flag

if TYPE_CHECKING:
    from masthead.discussion.models import Comment

View = Callable[..., HttpResponse]


def moderators_only(view: View) -> View:
    @wraps(view)
    def wrapper(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not roles.can_moderate(request.user):
            return HttpResponse("Moderators only.", status=403, content_type="text/plain")
        return view(request, *args, **kwargs)

    return wrapper


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _answer(request: HttpRequest, payload: dict[str, object], status: int = 200) -> HttpResponse:
    if _wants_json(request):
        return JsonResponse(payload, status=status)
    if status >= 400:
        return HttpResponse(payload.get("error", "Refused."), status=status, content_type="text/plain")
    tab = request.POST.get("tab", "pending")
    return HttpResponseRedirect(reverse("moderation:queue") + f"?tab={tab if tab in queue.TABS else 'pending'}")


def _comment(pk: int) -> Comment:
    return get_object_or_404(Comment, pk=pk)


@require_GET
@moderators_only
def queue_view(request: HttpRequest) -> HttpResponse:
    tab = request.GET.get("tab", "pending")
    if tab not in queue.TABS:
        tab = "pending"
    after_raw = request.GET.get("after", "")
    after = int(after_raw) if after_raw.isdigit() and len(after_raw) < 19 else None
    items, next_after = queue.load(tab, after)
    return render(request, "moderation/queue.html", {
        "tab": tab, "tabs": queue.TABS, "items": items, "next_after": next_after, "counts": queue.counts(),
        "can_ban": roles.can_ban(request.user), "flag_reasons": dict(Flag.Reason.choices),
        "better_candidates": better_candidates(moderation_settings().active_model),
    })


@require_GET
@moderators_only
def models_view(request: HttpRequest) -> HttpResponse:
    """Trained site models with what they measured against the active model, before anyone promotes one."""

    config = moderation_settings()
    candidates = site_training.candidate_reports()
    for report in candidates:
        report["gain"] = _gain(report)
    return render(request, "moderation/models.html", {
        "active": config.active_model, "shadow": config.shadow_model, "share": config.benign_hold_share,
        "candidates": candidates, "can_promote": roles.can_configure(request.user),
    })


def _gain(report: dict) -> dict[str, str] | None:
    """What the candidate measured above (or below) the model in use then, signed: {"recall": "+0.120", ...}."""
    candidate, active = report.get("candidate"), report.get("active")
    if not candidate or not active:
        return None
    return {key: f"{candidate[key] - active[key]:+.3f}" for key in ("recall", "precision", "f1", "roc_auc")}


def better_candidates(active: str) -> int:
    """Trained models, not in use, that measured better than the model in use when they were trained."""
    return sum(1 for report in site_training.candidate_reports() if report.get("better") and report["name"] != active)


@require_POST
@moderators_only
def promote_model(request: HttpRequest, name: str) -> HttpResponse:
    if not roles.can_configure(request.user):
        return HttpResponse("Admins only.", status=403, content_type="text/plain")
    if site_training.load_report(name) is None:
        return HttpResponse("No such trained model.", status=404, content_type="text/plain")
    with transaction.atomic():
        actions.do_promote_model(request.user, name, reason=request.POST.get("reason", "")[:300] or "promoted in "
                                 "the models screen")
    return HttpResponseRedirect(reverse("moderation:models"))


_ACTIONS = {"approve": "publish", "reject": "reject", "hold": "hold"}


@require_POST
@moderators_only
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    action = _ACTIONS.get(request.POST.get("action", ""))
    if action is None:
        return _answer(request, {"error": "Unknown action."}, 400)
    with transaction.atomic():
        comment = _comment(pk)
        try:
            updated = actions.do_decide_comment(request.user, comment, action,
                                                reason=request.POST.get("reason", "")[:300])
        except actions.ModerationError as error:
            return _answer(request, {"error": error.message}, error.status)
    return _answer(request, {"id": pk, "status": updated.status})


@require_POST
@moderators_only
def ban_author(request: HttpRequest, pk: int) -> HttpResponse:
    """Ban the comment's author (account or guest cookie, and network) and reject the comment."""
    shadow = request.POST.get("shadow") == "1"
    with transaction.atomic():
        comment = _comment(pk)
        try:
            bans = actions.do_ban_comment_author(request.user, comment, shadow=shadow,
                                                 reason=request.POST.get("reason", "")[:300] or f"comment {pk}")
            if comment.status != "rejected":
                actions.do_decide_comment(request.user, comment, "reject", reason="author banned")
        except actions.ModerationError as error:
            return _answer(request, {"error": error.message}, error.status)
    return _answer(request, {"id": pk, "status": "rejected", "bans": [ban.kind for ban in bans]})


@require_POST
@moderators_only
def bulk(request: HttpRequest) -> HttpResponse:
    action = _ACTIONS.get(request.POST.get("action", ""))
    ids = [int(raw) for raw in request.POST.getlist("ids")[: queue.PAGE_SIZE] if raw.isdigit() and len(raw) < 19]
    if action is None or not ids:
        return _answer(request, {"error": "Choose comments and an action."}, 400)
    with transaction.atomic():
        comments = list(Comment.objects.filter(pk__in=ids).order_by("pk"))
        try:
            done = actions.do_decide_comments(request.user, comments, action)
        except actions.ModerationError as error:
            return _answer(request, {"error": error.message}, error.status)
    return _answer(request, {"done": done, "ids": [c.pk for c in comments]})


@require_http_methods(["GET", "POST"])
def flag(request: HttpRequest, pk: int) -> HttpResponse:
    """A reader reports a visible comment: a small form (GET), then the flag (POST).

    Guests are known by the discussion app's reader cookie and network. The page script posts with
    ``Accept: application/json``; a plain form gets a thank-you page that links back to the article.
    """

    comment = get_object_or_404(Comment.objects.select_related("thread__article"), pk=pk,
                                status=Comment.Status.VISIBLE)
    article = comment.thread.article
    back = f"{article.get_absolute_url()}#comment-{comment.pk}" if article is not None else "/"
    if request.method == "GET":
        return render(request, "moderation/flag.html",
                      {"comment": comment, "reasons": Flag.Reason.choices, "back": back})
    reader = reader_from_request(request)
    limit = hit("moderation-flag", reader.network_hash, limit=30, window=3600)
    if not limit.allowed:
        response = _flag_answer(request, {"error": "Too many reports; please try again later."}, 429, back)
        response["Retry-After"] = str(limit.retry_after)
        return response
    with transaction.atomic():
        try:
            actions.do_flag(comment, reader.author_key, request.POST.get("reason", ""),
                            note=request.POST.get("note", ""), network_hash=reader.network_hash)
        except actions.ModerationError as error:
            return _flag_answer(request, {"error": error.message}, error.status, back)
    # The same answer whether or not this flag held the comment: flaggers learn nothing about the others.
    return _flag_answer(request, {"flagged": True}, 200, back)


def _flag_answer(request: HttpRequest, payload: dict[str, object], status: int, back: str) -> HttpResponse:
    if _wants_json(request):
        return JsonResponse(payload, status=status)
    return render(request, "moderation/flag_done.html", {"error": payload.get("error", ""), "back": back},
                  status=status)
