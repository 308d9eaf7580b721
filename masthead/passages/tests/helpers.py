"""Moved to ``masthead.testing.passages`` (helpers shared by several apps' tests live in masthead/testing/).

Kept only so that branches written before the move still import; delete once they are merged.
"""

from masthead.testing.passages import (  # noqa: F401 - re-exported for branches in flight
    BODY,
    Guest,
    anchor_payload,
    article,
    edit_body,
)
