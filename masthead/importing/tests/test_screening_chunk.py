"""The moderation quality table measures throughput as an import's workers screen, a chunk at a time under one
settings read; the moderation app may not import this one, so the two chunk sizes are kept equal here."""

from __future__ import annotations

from masthead.importing import preparing
from masthead.moderation.management.commands import moderation_quality


def test_the_quality_table_screens_in_the_chunks_an_import_uses():
    assert moderation_quality.IMPORT_CHUNK == preparing.CHUNK
