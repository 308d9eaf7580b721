"""Signed links bound to one subscription and one purpose (confirm, unsubscribe).

The payload is the subscription id and its ``token_key``; the purpose is the signing salt, so a confirm token is
no unsubscribe token, a token edited to name another subscription fails its signature, and a key replaced when an
ended subscription is asked for again kills older links. Confirm links expire; unsubscribe links work for as
long as the subscription exists.
"""

from __future__ import annotations

import hmac

from django.core import signing

from masthead.notifications.models import Subscription

CONFIRM = "confirm"
UNSUBSCRIBE = "unsubscribe"
_PURPOSES = (CONFIRM, UNSUBSCRIBE)
MAX_TOKEN_LENGTH = 300


def _salt(purpose: str) -> str:
    if purpose not in _PURPOSES:
        raise ValueError(purpose)
    return f"masthead.notifications.{purpose}"


def make_token(subscription: Subscription, purpose: str) -> str:
    return signing.dumps({"s": subscription.pk, "k": subscription.token_key}, salt=_salt(purpose))


def read_token(token: str, purpose: str, *, max_age: int | None = None) -> Subscription | None:
    """The subscription a valid token names, else None (forged, expired, other purpose, rotated key)."""
    if not token or len(token) > MAX_TOKEN_LENGTH:
        return None
    try:
        data = signing.loads(token, salt=_salt(purpose), max_age=max_age)
    except signing.BadSignature:  # includes SignatureExpired
        return None
    except ValueError:  # correctly signed but not JSON (or not UTF-8): only the site's key can make one
        return None
    if not isinstance(data, dict) or not isinstance(data.get("s"), int) or not isinstance(data.get("k"), str):
        return None
    subscription = Subscription.objects.select_related("subscriber", "thread__article").filter(pk=data["s"]).first()
    if subscription is None or not hmac.compare_digest(subscription.token_key, data["k"]):
        return None
    return subscription
