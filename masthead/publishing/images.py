"""Width-limited copies of an article's featured image, for ``srcset`` (see docs/publishing.md).

``make_variants`` writes WebP copies VARIANT_WIDTHS wide (only those narrower than the original: nothing is
upscaled) beside the original in default_storage, named ``<stem>-w<width>.webp``, and returns the record kept in
``Article.image_variants``: ``{"source": <original name>, "widths": {"480": <name>, ...}}``. ``srcset`` reads
that record only, so an image without one (uploaded before variants existed) or whose record names another
file (replaced by some other path) falls back to the plain ``src``.
"""

from __future__ import annotations

import io
import posixpath
from typing import TYPE_CHECKING, Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image

if TYPE_CHECKING:
    from masthead.publishing.models import Article

VARIANT_WIDTHS = (480, 960, 1600)
VARIANT_FORMAT, VARIANT_EXT = "WEBP", "webp"
VARIANT_QUALITY = 82


def variant_name(original: str, width: int) -> str:
    stem, _ext = posixpath.splitext(original)
    return f"{stem}-w{width}.{VARIANT_EXT}"


def make_variants(original: str) -> dict[str, Any]:
    """Write the variants of the stored image ``original``; returns the record for ``image_variants``."""
    with default_storage.open(original, "rb") as stored:
        image: Image.Image = Image.open(stored)
        image.load()
    if image.mode not in ("RGB", "RGBA"):
        image = image.convert("RGBA" if "A" in image.getbands() or "transparency" in image.info else "RGB")
    widths: dict[str, str] = {}
    full_width, full_height = image.size
    for width in sorted(VARIANT_WIDTHS, reverse=True):
        if width >= full_width:  # never upscale; the original itself serves the widest slot
            continue
        height = max(1, round(full_height * width / full_width))
        image = image.resize((width, height), Image.Resampling.LANCZOS)  # each from the next wider: cheaper
        buffer = io.BytesIO()
        image.save(buffer, VARIANT_FORMAT, quality=VARIANT_QUALITY)
        name = variant_name(original, width)
        default_storage.delete(name)  # a re-run replaces its own file instead of getting a random suffix
        widths[str(width)] = default_storage.save(name, ContentFile(buffer.getvalue()))
    return {"source": original, "widths": widths}


def srcset(article: Article) -> str:
    """``url 480w, url 960w, original-url <width>w``, or "" when the article has no usable variants."""
    record = article.image_variants or {}
    if not article.featured_image or not article.image_width or record.get("source") != article.featured_image.name:
        return ""
    entries = sorted((int(w), name) for w, name in (record.get("widths") or {}).items())
    if not entries:
        return ""
    parts = [f"{default_storage.url(name)} {width}w" for width, name in entries]
    parts.append(f"{article.featured_image.url} {article.image_width}w")
    return ", ".join(parts)
