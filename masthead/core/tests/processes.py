"""Moved to ``masthead.testing.processes`` (helpers shared by several apps' tests live in masthead/testing/).

Kept only so that branches written before the move still import; delete once they are merged.
"""

from masthead.testing.processes import (  # noqa: F401 - re-exported for branches in flight
    ENQUEUE,
    MASTHEAD,
    enqueue_mark,
    free_port,
    fresh_database,
    masthead_env,
    run,
    start,
    stop,
    wait_for_file,
    wait_for_http,
)
