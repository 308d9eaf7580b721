"""Revisions of an article: the list, a readable difference with the revision before, and one-click restore."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from masthead.desk import roles
from masthead.desk.access import acting_user, error_text, writers_only
from masthead.desk.diff import changed, word_diff
from masthead.publishing.actions import REVISION_FIELDS
from masthead.publishing.editing import EditConflict, do_restore_revision
from masthead.publishing.models import Article, Revision

FIELD_LABELS = {"headline": "Headline", "kicker": "Kicker", "standfirst": "Standfirst", "body": "Story"}


@require_GET
@writers_only
def revisions(request: HttpRequest, pk: int) -> HttpResponse:
    article = get_object_or_404(Article, pk=pk)
    rows = list(Revision.objects.filter(article=article).select_related("saved_by").order_by("-number")[:200])
    shown_number = request.GET.get("r", "")
    shown = next((r for r in rows if str(r.number) == shown_number), rows[0] if rows else None)
    diffs = []
    if shown is not None:
        before = next((r for r in rows if r.number < shown.number), None)
        for field in REVISION_FIELDS:
            pieces = word_diff(getattr(before, field) if before else "", getattr(shown, field))
            if changed(pieces):
                diffs.append({"label": FIELD_LABELS[field], "pieces": pieces})
    return render(request, "desk/revisions.html", {
        "article": article, "revisions": rows, "shown": shown, "diffs": diffs,
    })


@require_POST
@writers_only
def restore(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    article = get_object_or_404(Article.objects.only("pk", "status"), pk=pk)
    roles.check_change(request.user, article)
    get_object_or_404(Revision, article=article, number=number)
    version = request.POST.get("version", "")
    try:
        if not version.isdigit():
            raise ValidationError("The page did not say which version it was showing: reload it.")
        done = do_restore_revision(article.pk, number, expected_version=int(version), by=acting_user(request))
    except EditConflict as conflict:
        messages.error(request, str(conflict))
        return redirect("desk:revisions", article.pk)
    except ValidationError as error:
        messages.error(request, error_text(error))
        return redirect("desk:revisions", article.pk)
    latest = Revision.objects.filter(article=done).order_by("-number").values_list("number", flat=True).first()
    messages.success(request, f"Revision {number} restored as revision {latest}.")
    return redirect("desk:edit", article.pk)
