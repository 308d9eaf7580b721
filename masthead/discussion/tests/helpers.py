"""Moved to ``masthead.testing.discussion`` (helpers shared by several apps' tests live in masthead/testing/).

Kept only so that branches written before the move still import; delete once they are merged.
"""

from masthead.testing.discussion import (  # noqa: F401 - re-exported for branches in flight
    Guest,
    make_article,
    make_thread,
    post_as,
    reader,
)
