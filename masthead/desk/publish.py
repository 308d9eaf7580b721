"""Publishing from the desk: publish now, schedule, unpublish, correction notes, and private preview links."""

from __future__ import annotations

from datetime import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from masthead.desk import preview_links
from masthead.desk.access import acting_user, error_text, publishers_only, wants_json
from masthead.publishing.editing import EditConflict, do_add_correction, do_publish, do_unpublish
from masthead.publishing.models import Article
from masthead.publishing.views import article_context


def parse_schedule(value: str) -> datetime:
    """A ``datetime-local`` value read in the publication's time zone (PUBLICATION_TIME_ZONE), in the future."""
    try:
        naive = datetime.fromisoformat(value.strip())
    except ValueError as error:
        raise ValidationError("Give the date and time to publish at, e.g. 2026-12-24 06:00.") from error
    if naive.tzinfo is not None:
        raise ValidationError("Give the time without a time zone: it is read in the publication's.")
    at = timezone.make_aware(naive, timezone.get_current_timezone())
    if at <= timezone.now():
        raise ValidationError("That time has passed: publish now, or choose a time to come.")
    return at


def _answer(request: HttpRequest, article_id: int, ok: str, error: str = "", status: int = 200) -> HttpResponse:
    if wants_json(request):
        if error:
            return JsonResponse({"error": error}, status=status)
        article = Article.objects.get(pk=article_id)
        return JsonResponse({"message": ok, "version": article.version, "status": article.get_status_display()})
    if error:
        messages.error(request, error)
    else:
        messages.success(request, ok)
    return redirect("desk:edit", article_id)


@require_POST
@publishers_only
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    """``action``: ``now``, ``schedule`` (with ``at``) or ``unpublish``; ``version`` is the one the page shows."""
    article = get_object_or_404(Article.objects.only("pk"), pk=pk)
    action = request.POST.get("action", "")
    version = request.POST.get("version", "")
    if not version.isdigit():
        return _answer(request, pk, "", "The page did not say which version it was editing: reload it.", 400)
    try:
        if action == "now":
            done = do_publish(article.pk, expected_version=int(version), by=acting_user(request))
            ok = f"Published. Readers can see it at {done.get_absolute_url()}."
        elif action == "schedule":
            at = parse_schedule(request.POST.get("at", ""))
            done = do_publish(article.pk, expected_version=int(version), by=acting_user(request), at=at)
            ok = f"Scheduled for {timezone.localtime(at):%-d %B %Y, %H:%M %Z}."
        elif action == "unpublish":
            do_unpublish(article.pk, expected_version=int(version), by=acting_user(request))
            ok = "Unpublished: readers no longer see it."
        else:
            return _answer(request, pk, "", "Choose publish, schedule or unpublish.", 400)
    except EditConflict as conflict:
        return _answer(request, pk, "", str(conflict), 409)
    except ValidationError as error:
        return _answer(request, pk, "", error_text(error), 400)
    return _answer(request, pk, ok)


@require_POST
@publishers_only
def add_correction(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article.objects.only("pk"), pk=pk)
    try:
        do_add_correction(article.pk, request.POST.get("text", ""), by=acting_user(request))
    except ValidationError as error:
        return _answer(request, pk, "", error_text(error), 400)
    return _answer(request, pk, "Correction added: it shows under the story, and its Updated time is now.")


@require_GET
@never_cache
def shared_preview(request: HttpRequest, token: str) -> HttpResponse:
    """The article page for whoever holds a valid link, signed in or not; never indexed, never cached."""
    article_id = preview_links.article_id_from(token)
    article = None
    if article_id is not None:
        article = Article.objects.prefetch_related("authors", "topics").filter(pk=article_id).first()
    if article is None:
        raise Http404("This preview link has expired or is not valid.")
    # No discussion under a shared draft: whoever holds the link reads it, and may not comment on it.
    context = {**article_context(article, [], None, preview=True), "shared_preview": True}
    response = render(request, "publishing/article.html", context)
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"  # the token must not leak through the story's outgoing links
    return response
