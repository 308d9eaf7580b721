"""What the importer remembers: which source object became which Masthead object, and old addresses.

``ImportedObject`` makes imports idempotent and resumable: before creating anything the loader looks up
(source, kind, source id); after creating it, it writes the row in the same transaction. ``Redirect`` answers an
old site's addresses with a 301 (``middleware.py``), consulted only when nothing else answered.
"""

from __future__ import annotations

from django.db import models


class ImportedObject(models.Model):
    source = models.CharField(max_length=200, help_text="The export's origin, e.g. wordpress:https://example.org.")
    kind = models.CharField(max_length=20)
    source_id = models.CharField(max_length=200)
    object_id = models.BigIntegerField(help_text="The primary key of the Masthead object it became.")
    # A digest of the record as last imported: a later export whose record differs updates the object.
    fingerprint = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source", "kind", "source_id"], name="imported_object_once"),
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.kind} {self.source_id} -> {self.object_id}"


class Redirect(models.Model):
    """An old address (path, or "/?p=12" for a query-string address) answered with 301 to ``target``."""

    old_path = models.CharField(max_length=500, unique=True)
    target = models.CharField(max_length=500)
    source = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.old_path} -> {self.target}"
