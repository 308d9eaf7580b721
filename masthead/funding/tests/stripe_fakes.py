"""Moved to ``masthead.testing.stripe_fakes`` (helpers shared by several apps' tests live in masthead/testing/).

Kept only so that branches written before the move still import; delete once they are merged.
"""

from masthead.testing.stripe_fakes import (  # noqa: F401 - re-exported for branches in flight
    SECRET,
    FakeStripe,
    body,
    charge_refunded,
    checkout_session,
    dispute,
    event,
    invoice,
    post,
    sign,
    subscription,
    subscription_session,
)
