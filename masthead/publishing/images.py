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
import re
from collections.abc import Iterable
from html import escape, unescape
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

if TYPE_CHECKING:
    from masthead.publishing.models import Article, BodyImage

# Pillow (about 2 MB per process) is imported by the two functions that read images, on the first upload or save
# of an image a process handles: serving pages never needs it.

VARIANT_WIDTHS = (480, 960, 1600)
VARIANT_FORMAT, VARIANT_EXT = "WEBP", "webp"
VARIANT_QUALITY = 82


def variant_name(original: str, width: int) -> str:
    stem, _ext = posixpath.splitext(original)
    return f"{stem}-w{width}.{VARIANT_EXT}"


def make_variants(original: str) -> dict[str, Any]:
    """Write the variants of the stored image ``original``; returns the record for ``image_variants``."""
    from PIL import Image

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


# --- Images uploaded into an article's body (the desk) -----------------------------------------------------

# Raster formats browsers show everywhere; never SVG (a script carrier) or anything Pillow merely can read.
UPLOAD_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}
MAX_UPLOAD_BYTES = 15 * 1024 * 1024
MAX_UPLOAD_PIXELS = 40_000_000  # a 50-megapixel camera frame is refused: resize it first
BODY_IMAGE_SIZES = "(max-width: 40rem) 100vw, 40rem"  # the body's text measure

_IMG = re.compile(r'(<p>)?<img src="([^"]+)" alt="([^"]*)"\s*/?>(</p>)?')


def check_upload(data: bytes) -> tuple[str, int, int]:
    """The extension, width and height of an uploaded image, or a ValidationError saying what is wrong.

    Pillow's ``verify`` checks the file's structure; a second open decodes it fully, so a truncated or hostile
    file is refused here, not when a page is rendered.
    """
    from PIL import Image

    if not data:
        raise ValidationError("The file is empty.")
    if len(data) > MAX_UPLOAD_BYTES:
        raise ValidationError(f"Images may be at most {MAX_UPLOAD_BYTES // (1024 * 1024)} MB.")
    try:
        with Image.open(io.BytesIO(data)) as probe:
            kind = probe.format or ""
            width, height = probe.size
            if kind not in UPLOAD_FORMATS:
                raise ValidationError("Upload a JPEG, PNG, WebP or GIF image (SVG and other formats are refused).")
            if width * height > MAX_UPLOAD_PIXELS:
                raise ValidationError(f"The image is {width} by {height} pixels; at most {MAX_UPLOAD_PIXELS:,} pixels.")
            probe.verify()
        with Image.open(io.BytesIO(data)) as decoded:
            decoded.load()
    except ValidationError:
        raise
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        raise ValidationError("That file is not an image we can read (it may be damaged).") from error
    return UPLOAD_FORMATS[kind], width, height


def decorate_body(html: str, uploaded: Iterable[BodyImage]) -> str:
    """Give each uploaded image the body shows its alt text, size, srcset and a figure with caption and credit.

    ``html`` is the sanitized body; everything added comes from our own rows and is escaped. Images not
    uploaded here (a URL typed by hand) are left as the renderer made them.
    """
    by_url = {image.file.url: image for image in uploaded if image.file}
    if not by_url:
        return html

    def figure(match: re.Match[str]) -> str:
        opened, url, markdown_alt, closed = match.groups()
        image = by_url.get(unescape(url))
        if image is None:
            return match.group(0)
        record = image.variants or {}
        entries = sorted((int(w), n) for w, n in (record.get("widths") or {}).items())
        srcset = ", ".join([f"{default_storage.url(n)} {w}w" for w, n in entries]
                           + [f"{image.file.url} {image.width}w"]) if entries else ""
        alt = image.alt or unescape(markdown_alt)
        parts = [f'<img src="{escape(image.file.url)}" alt="{escape(alt)}"']
        if srcset:
            parts.append(f' srcset="{escape(srcset)}" sizes="{BODY_IMAGE_SIZES}"')
        parts.append(f' width="{image.width}" height="{image.height}" loading="lazy" decoding="async"'
                     f' class="{image.focal_class}">')
        img = "".join(parts)
        if not (opened and closed):  # inside a line of text: the image alone, no figure in a paragraph
            return f"{opened or ''}{img}{closed or ''}"
        caption = ""
        if image.caption or image.credit:
            credit = f' <span class="body-image__credit">{escape(image.credit)}</span>' if image.credit else ""
            caption = f"<figcaption>{escape(image.caption)}{credit}</figcaption>"
        return f'<figure class="body-image">{img}{caption}</figure>'

    return _IMG.sub(figure, html)
