"""Images put into a story's body: the upload (from the script, with progress) and their details."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.http import HttpRequest, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.views.decorators.http import require_POST

from masthead.desk import roles
from masthead.desk.access import acting_user, error_text, writers_only
from masthead.publishing import images
from masthead.publishing.editing import ImageDetails, do_update_body_image, do_upload_body_image
from masthead.publishing.models import Article, BodyImage


@require_POST
@writers_only
def upload(request: HttpRequest, pk: int) -> JsonResponse:
    """One image file (field ``image``). Answers with the Markdown to insert and the image's details form."""
    article = get_object_or_404(Article.objects.only("pk", "status"), pk=pk)
    roles.check_change(request.user, article)
    sent = request.FILES.get("image")
    if sent is None:
        return JsonResponse({"error": "Choose an image to upload."}, status=400)
    if (sent.size or 0) > images.MAX_UPLOAD_BYTES:
        return JsonResponse({"error": f"Images may be at most {images.MAX_UPLOAD_BYTES // (1024 * 1024)} MB."},
                            status=400)
    try:
        image = do_upload_body_image(article.pk, sent.read(), by=acting_user(request))
    except ValidationError as error:
        return JsonResponse({"error": error_text(error)}, status=400)
    return JsonResponse({
        "id": image.pk, "url": image.file.url, "markdown": f"![]({image.file.url})",
        "form": render_to_string("desk/_image.html", {"image": image, "number": 0}, request=request),
    }, status=201)


def _percent(value: str) -> int:
    if not value.strip().isdigit():
        raise ValidationError("The focal point is a percentage from 0 to 100.")
    return int(value)


@require_POST
@writers_only
def update(request: HttpRequest, pk: int) -> JsonResponse:
    image = get_object_or_404(BodyImage.objects.select_related("article"), pk=pk)
    roles.check_change(request.user, image.article)
    data = request.POST
    try:
        details = ImageDetails(alt=data.get("alt", "")[:300], caption=data.get("caption", "")[:300],
                               credit=data.get("credit", "")[:120], focal_x=_percent(data.get("focal_x", "50")),
                               focal_y=_percent(data.get("focal_y", "50")))
        article = do_update_body_image(image.pk, details, by=acting_user(request), featured=data.get("featured") == "1")
    except ValidationError as error:
        return JsonResponse({"error": error_text(error)}, status=400)
    message = "Image details saved" + (": it is the featured image now." if data.get("featured") == "1" else ".")
    return JsonResponse({"message": message, "version": article.version})
