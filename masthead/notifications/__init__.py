"""Notify of: reply and thread subscriptions by email, batched, double opt-in, one-click unsubscribe.

See docs/notifications.md.
"""
