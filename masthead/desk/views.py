"""The desk's home and writing screen: a new draft, the editor, its autosave and its live preview.

Views parse and render; every write is a publishing action (publishing/editing.py). See docs/desk.md.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from masthead.desk import preview_links, roles
from masthead.desk.access import acting_user, conflict_response, error_text, json_body, writers_only
from masthead.discussion.counts import comment_counts
from masthead.discussion.models import Comment
from masthead.funding import ledger
from masthead.funding.campaigns import active_campaign
from masthead.publishing import actions, seo
from masthead.publishing.editing import ArticleEdit, EditConflict, do_create_draft, do_save_edit
from masthead.publishing.models import Article, Author, BodyImage, Revision, Topic

WORDS_PER_MINUTE = 230  # a common figure for reading news on screen
_WORD = re.compile(r"[\w'\u2019-]+")
_MARKUP = re.compile(r"!\[[^\]]*\]\([^)]*\)|\]\([^)]*\)|[#*_>`\[\]]")  # images, link targets and marks


def word_count(markdown: str) -> int:
    """Words a reader reads (images, link addresses and Markdown marks left out); desk.js counts the same way."""
    return len(_WORD.findall(_MARKUP.sub(" ", markdown)))


def reading_minutes(words: int) -> int:
    return max(1, math.ceil(words / WORDS_PER_MINUTE)) if words else 0


# --- Home -----------------------------------------------------------------------------------------------

@require_GET
@writers_only
def home(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    mine = (Article.objects.filter(status=Article.Status.DRAFT)
            .filter(Q(revisions__saved_by=acting_user(request)) | Q(authors__user=request.user))
            .distinct().order_by("-updated_at")[:20])
    scheduled = Article.objects.filter(status=Article.Status.SCHEDULED, published_at__gt=now).order_by("published_at")
    latest = list(Article.objects.live().order_by("-published_at", "-id")[:10])
    ids = [a.pk for a in latest]
    counts = comment_counts(ids)
    held = dict(Comment.objects.filter(thread__article_id__in=ids, status=Comment.Status.PENDING)
                .values_list("thread__article_id").annotate(n=Count("pk")).values_list("thread__article_id", "n"))
    recent = [{"article": a, "comments": counts.get(a.pk, 0), "held": held.get(a.pk, 0)} for a in latest]
    campaign = active_campaign()
    funding = ledger.totals(campaign).public() if campaign is not None else None
    return render(request, "desk/home.html", {
        "drafts": list(mine), "scheduled": list(scheduled[:20]), "recent": recent,
        "campaign": campaign, "funding": funding, "can_publish": roles.can_publish(request.user),
    })


@require_POST
@writers_only
def new(request: HttpRequest) -> HttpResponse:
    article = do_create_draft(acting_user(request))
    return redirect("desk:edit", article.pk)


# --- The writing screen ---------------------------------------------------------------------------------

def _ids(values: object) -> tuple[int, ...]:
    if not isinstance(values, list) or not all(isinstance(v, int | str) and str(v).isdigit() for v in values):
        raise ValidationError("Authors and topics are lists of ids.")
    return tuple(int(v) for v in values)


def _text(data: Mapping[str, object], name: str, limit: int) -> str:
    value = data.get(name, "")
    if not isinstance(value, str):
        raise ValidationError(f"{name} must be text.")
    if len(value) > limit:
        raise ValidationError(f"The {name} is too long (at most {limit:,} characters).")
    return value.replace("\r\n", "\n")


def _edit_from(data: Mapping[str, object], *, from_form: bool) -> ArticleEdit:
    """The writing screen's fields, from its JSON (autosave, preview) or its plain form post (no script)."""
    authors: object
    topics: object
    if isinstance(data, QueryDict):
        authors, topics = data.getlist("authors"), data.getlist("topics")
    else:
        authors, topics = data.get("authors", []), data.get("topics", [])
    return ArticleEdit(
        headline=_text(data, "headline", 200), kicker=_text(data, "kicker", 80),
        standfirst=_text(data, "standfirst", 2000), body=_text(data, "body", 500_000),
        canonical_url=_text(data, "canonical_url", 500), author_ids=_ids(authors), topic_ids=_ids(topics),
    )


def _version(value: object) -> int:
    if not str(value).isdigit():
        raise ValidationError("The page did not say which version it was editing: reload it.")
    return int(str(value))


def _schedule_value(article: Article) -> str:
    """The schedule field's value in the publication's time zone (the field has no zone of its own)."""
    if article.published_at is None or article.published_at <= timezone.now():
        return ""
    return timezone.localtime(article.published_at).strftime("%Y-%m-%dT%H:%M")


def editor_context(request: HttpRequest, article: Article) -> dict[str, Any]:
    authors, topics = list(article.authors.all()), list(article.topics.all())
    corrections = list(article.corrections.all())
    words = word_count(article.body)
    link, link_expires = preview_links.make_path(article.pk)
    return {
        "article": article,
        "authors": authors,
        "topics": topics,
        "corrections": corrections,
        "comment_count": None,
        "all_authors": Author.objects.all(),
        "all_topics": Topic.objects.all(),
        "author_ids": {a.pk for a in authors},
        "topic_ids": {t.pk for t in topics},
        "images": list(BodyImage.objects.filter(article=article)),
        "words": words,
        "minutes": reading_minutes(words),
        "can_publish": roles.can_publish(request.user),
        "can_change": roles.can_change(request.user, article),
        "schedule_value": _schedule_value(article),
        "time_zone": timezone.get_current_timezone_name(),
        "preview_link": seo.absolute(link),
        "preview_link_expires": link_expires,
        "card": card_context(article),
        "revision_count": Revision.objects.filter(article=article).count(),
        "public_url": article.get_absolute_url(),
        "is_live": article.is_live,
    }


def card_context(article: Article) -> dict[str, str]:
    """The link preview as Open Graph and JSON-LD will show it (publishing/seo.py decides every part)."""
    return {
        "title": article.headline,
        "description": seo.summary(article),
        "image": seo.image_url(article),
        "image_alt": article.image_alt,
        "url": article.canonical_url or seo.absolute(article.get_absolute_url()),
        "site": seo.publisher()["name"],
    }


@require_http_methods(["GET", "POST"])
@writers_only
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: the writing screen. POST: its form sent without the script (the script saves through ``autosave``)."""
    article = get_object_or_404(Article, pk=pk)
    if request.method == "POST":
        roles.check_change(request.user, article)
        try:
            do_save_edit(article.pk, _edit_from(request.POST, from_form=True),
                         expected_version=_version(request.POST.get("version")), by=acting_user(request))
        except EditConflict as conflict:
            messages.error(request, str(conflict))
        except ValidationError as error:
            messages.error(request, error_text(error))
        else:
            messages.success(request, "Saved.")
        return redirect("desk:edit", article.pk)
    return render(request, "desk/edit.html", editor_context(request, article))


@require_POST
@writers_only
def autosave(request: HttpRequest, pk: int) -> JsonResponse:
    """The script's save (debounced as the writer types, or the Save button): 409 when someone saved in between."""
    roles.check_change(request.user, get_object_or_404(Article.objects.only("pk", "status"), pk=pk))
    try:
        data = json_body(request)
        article = do_save_edit(pk, _edit_from(data, from_form=False), expected_version=_version(data.get("version")),
                               by=acting_user(request), autosave=bool(data.get("autosave")))
    except EditConflict as conflict:
        return conflict_response(conflict)
    except ValidationError as error:
        return JsonResponse({"error": error_text(error)}, status=400)
    saved = timezone.localtime(article.updated_at)
    return JsonResponse({
        "version": article.version, "saved_at": saved.isoformat(), "saved_label": saved.strftime("%H:%M:%S"),
        "status": article.get_status_display(), "public_url": article.get_absolute_url(),
        "card": render_to_string("desk/_card.html", {"card": card_context(article)}),
    })


@require_POST
@writers_only
def preview(request: HttpRequest, pk: int) -> JsonResponse:
    """The unsaved text rendered by the public page's renderer and template fragments (nothing is stored)."""
    stored = get_object_or_404(Article, pk=pk)
    try:
        edit = _edit_from(json_body(request), from_form=False)
    except ValidationError as error:
        return JsonResponse({"error": error_text(error)}, status=400)
    draft = Article(pk=stored.pk, slug=stored.slug, headline=edit.headline, kicker=edit.kicker,
                    standfirst=edit.standfirst, body=edit.body, status=stored.status,
                    published_at=stored.published_at, revised_at=stored.revised_at,
                    featured_image=stored.featured_image, image_alt=stored.image_alt,
                    canonical_url=edit.canonical_url or "")
    actions.render_body(draft)
    authors = list(Author.objects.filter(pk__in=edit.author_ids or ()))
    topics = list(Topic.objects.filter(pk__in=edit.topic_ids or ()))
    context = {"article": draft, "authors": authors, "topics": topics, "comment_count": None,
               "corrections": list(stored.corrections.all())}
    words = word_count(edit.body)
    return JsonResponse({
        "html": render_to_string("desk/_preview.html", context, request=request),
        "card": render_to_string("desk/_card.html", {"card": card_context(draft)}),
        "words": words, "minutes": reading_minutes(words),
    })
