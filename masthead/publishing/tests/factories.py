"""Moved to ``masthead.testing.articles`` (helpers shared by several apps' tests live in masthead/testing/).

Kept only so that branches written before the move still import; delete once they are merged.
"""

from masthead.testing.articles import (  # noqa: F401 - re-exported for branches in flight
    DEFAULT_BODY,
    make_article,
    make_author,
    make_png,
    make_topic,
)
