"""Times in markup: people read them in the publication's time zone, machines get UTC (``datetime=""``)."""

from __future__ import annotations

from datetime import UTC, datetime

from django import template

register = template.Library()


@register.filter
def iso_utc(value: datetime | None) -> str:
    """ISO 8601 in UTC, e.g. ``2026-12-03T15:30:00+00:00``, for ``<time datetime>`` and metadata."""
    if not isinstance(value, datetime):
        return ""
    return value.astimezone(UTC).isoformat()
