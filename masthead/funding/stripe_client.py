"""Outbound calls to Stripe through the official library, pinned to one API version.

The API address comes from ``STRIPE_API_BASE`` (Stripe's by default; the tests point it at a local server that
answers like the endpoints used here). Every call carries an idempotency key, so a retried request never creates
a second Checkout session.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings

if TYPE_CHECKING:
    import stripe

# The library (and the HTTP client it brings, about 6 MB per process) is imported by the functions that call
# Stripe, on the first payment or webhook a process handles: a process that only serves pages never loads it.
# Its errors reach callers as the two classes below, so no caller needs the library to catch them.

# The API version our requests and our webhook endpoint use; payload shapes in funding.stripe_events match it.
# Upgrading is a deliberate change: update this, the webhook endpoint's version in the Stripe dashboard, and the
# hand-built payloads in the tests (masthead/testing/stripe_fakes.py, written from Stripe's documented object
# shapes for this version, not recorded from Stripe; see docs/funding.md).
API_VERSION = "2024-06-20"


class NotConfigured(RuntimeError):
    """Card payments are off: no API key (or no webhook secret, so payments could never be recorded)."""


class ServiceError(RuntimeError):
    """Stripe refused or did not answer a request (the library's ``StripeError``, kept as ``__cause__``)."""


class InvalidSignature(ValueError):
    """A webhook whose ``Stripe-Signature`` does not verify (the library's ``SignatureVerificationError``, or a
    timestamp outside the tolerance in either direction)."""


def missing_settings() -> list[str]:
    """The settings card donations still need; empty when Stripe is configured."""
    return [name for name in ("STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET") if not getattr(settings, name)]


def configured() -> bool:
    return not missing_settings()


def client() -> stripe.StripeClient:
    if not configured():
        # Never call out without a key: Stripe would refuse it anyway, after retries, holding a worker thread.
        raise NotConfigured(f"Stripe is not configured ({', '.join(missing_settings())} missing)")
    import stripe

    return stripe.StripeClient(
        settings.STRIPE_SECRET_KEY,
        stripe_version=API_VERSION,
        base_addresses={"api": settings.STRIPE_API_BASE},
        max_network_retries=settings.STRIPE_MAX_NETWORK_RETRIES,
    )


@dataclass(frozen=True)
class CheckoutRequest:
    mode: str  # "payment" or "subscription"
    amount: int
    currency: str
    product_name: str
    metadata: dict[str, str]
    success_url: str
    cancel_url: str
    idempotency_key: str
    customer_email: str = ""


def _line_item(request: CheckoutRequest) -> dict[str, Any]:
    price_data: dict[str, Any] = {
        "currency": request.currency,
        "unit_amount": request.amount,
        "product_data": {"name": request.product_name},
    }
    if request.mode == "subscription":
        price_data["recurring"] = {"interval": "month"}
    return {"quantity": 1, "price_data": price_data}


def create_checkout_session(request: CheckoutRequest) -> stripe.checkout.Session:
    params: dict[str, Any] = {
        "mode": request.mode,
        "line_items": [_line_item(request)],
        "success_url": request.success_url,
        "cancel_url": request.cancel_url,
        "metadata": request.metadata,
        "submit_type": "donate" if request.mode == "payment" else None,
    }
    if request.mode == "payment":
        # Our metadata rides on the payment too, so refund and dispute events can be traced in the dashboard.
        params["payment_intent_data"] = {"metadata": request.metadata}
        params["customer_creation"] = "always"
    else:
        # Invoices of the subscription carry it as subscription_details.metadata.
        params["subscription_data"] = {"metadata": request.metadata}
    if request.customer_email:
        params["customer_email"] = request.customer_email
    params = {k: v for k, v in params.items() if v is not None}
    stripe_api = client()
    import stripe

    try:
        # Built as a plain dict (keys depend on the mode); stripe types the argument as a TypedDict.
        return stripe_api.v1.checkout.sessions.create(params, {"idempotency_key": request.idempotency_key})  # type: ignore[arg-type]
    except stripe.StripeError as error:
        raise ServiceError(str(error)) from error


def create_portal_session(customer: str, return_url: str, idempotency_key: str) -> stripe.billing_portal.Session:
    stripe_api = client()
    import stripe

    try:
        return stripe_api.v1.billing_portal.sessions.create(
            {"customer": customer, "return_url": return_url}, {"idempotency_key": idempotency_key}
        )
    except stripe.StripeError as error:
        raise ServiceError(str(error)) from error


def verify_event(payload: bytes, signature: str | None, now: float | None = None) -> dict[str, Any]:
    """Verify ``Stripe-Signature`` over the raw body and return the event as a JSON object.

    The signature's timestamp must be within ``STRIPE_WEBHOOK_TOLERANCE`` seconds of our clock in *both*
    directions (the library only refuses old ones; a timestamp far in the future would let a captured request be
    replayed for as long). Raises ``InvalidSignature``, or ``ValueError`` when the verified body is not a JSON
    object.
    """
    secret = settings.STRIPE_WEBHOOK_SECRET
    if not secret:
        raise InvalidSignature("No webhook secret is configured")
    tolerance = settings.STRIPE_WEBHOOK_TOLERANCE
    import stripe

    try:
        stripe.WebhookSignature.verify_header(payload, signature, secret, tolerance=tolerance)
    except stripe.SignatureVerificationError as error:
        raise InvalidSignature(str(error)) from error
    stamps = [item.partition("=")[2] for item in (signature or "").split(",") if item.startswith("t=")]
    moment = time.time() if now is None else now
    if not stamps or not stamps[0].isdigit() or abs(int(stamps[0]) - moment) > tolerance:
        raise InvalidSignature("Timestamp outside the tolerance zone")
    event = json.loads(payload)
    if not isinstance(event, dict):
        raise ValueError("The body is not a JSON object")
    return event
