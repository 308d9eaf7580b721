"""The sources ``masthead import`` knows, by the word that names them on the command line."""

from __future__ import annotations

from masthead.importing.sources.base import Source
from masthead.importing.sources.disqus import DisqusSource
from masthead.importing.sources.ghost import GhostSource
from masthead.importing.sources.isso import IssoSource
from masthead.importing.sources.remark42 import Remark42Source
from masthead.importing.sources.wordpress import WordPressSource
from masthead.importing.sources.wordpress_db import WordPressDatabaseSource

# Add a new adapter here (see base.py); the command gains `masthead import <name> PATH` with its options.
SOURCES: dict[str, type[Source]] = {
    WordPressSource.name: WordPressSource,
    WordPressDatabaseSource.name: WordPressDatabaseSource,
    DisqusSource.name: DisqusSource,
    IssoSource.name: IssoSource,
    Remark42Source.name: Remark42Source,
    GhostSource.name: GhostSource,
}
