"""Who is asking, by network: the client address (forwarded headers only from trusted proxies) and a keyed hash.

Raw addresses are never stored. A reader's *network* is their IPv4 /24 or IPv6 /64, so a guest who hops addresses
inside one provider block is still one reader for votes and rate limits.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    remote = request.META.get("REMOTE_ADDR", "") or "0.0.0.0"  # noqa: S104 - placeholder, never bound
    if remote in settings.TRUSTED_PROXIES:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        # The right-most address not belonging to one of our proxies is the client.
        for candidate in reversed([part.strip() for part in forwarded.split(",") if part.strip()]):
            if candidate not in settings.TRUSTED_PROXIES:
                try:
                    return str(ipaddress.ip_address(candidate))
                except ValueError:
                    break
    return remote


@functools.lru_cache(maxsize=4096)  # every request of a signed-in reader asks (their guest identity): parsed once
def network_of(ip: str) -> str:
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return "invalid"
    prefix = 24 if address.version == 4 else 64
    return str(ipaddress.ip_network(f"{address}/{prefix}", strict=False))


def keyed_hash(value: str, purpose: str) -> str:
    """An HMAC of ``value`` under the site secret, separated by purpose so hashes cannot be correlated."""
    return hmac.new(_purpose_key(purpose, settings.SECRET_KEY), value.encode(), hashlib.sha256).hexdigest()[:40]


@functools.lru_cache(maxsize=64)  # by the secret too: a changed SECRET_KEY (tests) gives new keys
def _purpose_key(purpose: str, secret: str) -> bytes:
    return hashlib.sha256(f"masthead:{purpose}:{secret}".encode()).digest()


def network_hash(request: HttpRequest) -> str:
    return keyed_hash(network_of(client_ip(request)), "network")
