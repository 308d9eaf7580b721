"""The Stripe webhook endpoint: verify the signature on the raw body, then record the event and its effect."""

from __future__ import annotations

import json
import logging
import time

import stripe
from django.db import IntegrityError, OperationalError, transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from masthead.funding import actions, stripe_client

log = logging.getLogger(__name__)

ATTEMPTS = 5


@csrf_exempt  # Stripe cannot send a CSRF token; the signature is the authentication.
@require_POST
def stripe_webhook(request: HttpRequest) -> HttpResponse:
    payload = request.body  # the exact bytes Stripe signed; never a re-serialised copy
    try:
        stripe_client.construct_event(payload, request.headers.get("Stripe-Signature"))
        event = json.loads(payload)
    except (stripe.SignatureVerificationError, ValueError):
        return JsonResponse({"error": "invalid signature or payload"}, status=400)
    if not isinstance(event, dict) or event.get("object") != "event" or not event.get("id"):
        return JsonResponse({"error": "not an event"}, status=400)

    for attempt in range(ATTEMPTS):
        try:
            # One transaction: the event id row and the ledger change commit together.
            with transaction.atomic():
                outcome = actions.do_record_stripe_event(event)
            break
        except (IntegrityError, OperationalError) as error:
            # A concurrent delivery of the same event, or of another event creating the same ledger row, won
            # the race (PostgreSQL), or the write lock wait timed out (SQLite): retry from a fresh transaction.
            if attempt == ATTEMPTS - 1:
                log.warning("Stripe event %s not recorded after %s attempts", event["id"], ATTEMPTS)
                return JsonResponse({"error": "busy, retry"}, status=503)  # Stripe retries later
            log.info("Retrying Stripe event %s after %s", event["id"], type(error).__name__)
            time.sleep(0.02 * (attempt + 1))
    return JsonResponse({"received": True, "duplicate": outcome.duplicate})
