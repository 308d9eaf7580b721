"""Sites allowed to embed Masthead's discussion and funding bar (besides ``EMBED_ALLOWED_ORIGINS``)."""

from __future__ import annotations

from django.db import models


class AllowedOrigin(models.Model):
    """One web origin (scheme, host, port) whose pages may embed; written through ``actions.do_save_origin``."""

    origin = models.CharField(max_length=200, unique=True, help_text="Such as https://news.example.org (no path).")
    note = models.CharField(max_length=200, blank=True, help_text="Whose site this is, for staff.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["origin"]

    def __str__(self) -> str:
        return self.origin
