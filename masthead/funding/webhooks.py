"""The Stripe webhook endpoint: verify the signature on the raw body, then record the event and its effect."""

from __future__ import annotations

import logging
import time

from django.db import DataError, IntegrityError, OperationalError, transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from masthead.funding import actions, stripe_client, stripe_events

log = logging.getLogger(__name__)

ATTEMPTS = 5


def _refuse(reason: str, detail: object, *, show: str = "") -> JsonResponse:
    """400, logged; ``show`` is a detail safe to send back (Stripe's dashboard shows the response body)."""
    log.warning("Stripe webhook refused (%s): %s", reason, detail)
    return JsonResponse({"error": reason, **({"detail": show} if show else {})}, status=400)


@csrf_exempt  # Stripe cannot send a CSRF token; the signature is the authentication.
@require_POST
def stripe_webhook(request: HttpRequest) -> HttpResponse:
    payload = request.body  # the exact bytes Stripe signed; never a re-serialised copy
    try:
        event = stripe_client.verify_event(payload, request.headers.get("Stripe-Signature"))
    except ValueError as error:  # stripe_client.InvalidSignature, or a body that is not a JSON object
        return _refuse("invalid signature or payload", error)
    if event.get("object") != "event" or not event.get("id"):
        return _refuse("not an event", str(event.get("id"))[:100])

    for attempt in range(ATTEMPTS):
        try:
            # One transaction: the event id row and the ledger change commit together.
            with transaction.atomic():
                outcome = actions.do_record_stripe_event(event)
            break
        except stripe_events.BadEvent as error:
            # Signed by Stripe but not something we can record; the transaction rolled back, nothing changed.
            return _refuse("unusable event", f"{str(event.get('id'))[:100]}: {error}", show=str(error))
        except DataError as error:
            # A value the database refuses (a check constraint, a length): also nothing changed.
            return _refuse("unusable event", f"{str(event.get('id'))[:100]}: {error}")
        except (IntegrityError, OperationalError) as error:
            # A concurrent delivery of the same event, or of another event creating the same ledger row, won
            # the race (PostgreSQL), or the write lock wait timed out (SQLite): retry from a fresh transaction.
            if attempt == ATTEMPTS - 1:
                log.warning("Stripe event %s not recorded after %s attempts", event["id"], ATTEMPTS)
                return JsonResponse({"error": "busy, retry"}, status=503)  # Stripe retries later
            log.info("Retrying Stripe event %s after %s", event["id"], type(error).__name__)
            time.sleep(0.02 * (attempt + 1))
    return JsonResponse({"received": True, "duplicate": outcome.duplicate})
