"""Moved to ``masthead.testing.moderation`` (helpers shared by several apps' tests live in masthead/testing/).

Kept only so that branches written before the move still import; delete once they are merged.
"""

from masthead.testing.moderation import (  # noqa: F401 - re-exported for branches in flight
    new_guest,
    regular,
    staff_user,
    supporter,
)
