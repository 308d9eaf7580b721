"""Stripe as seen from our tests: signed webhook payloads and a local server answering the API calls we make.

Payloads are built by hand, not recorded from Stripe: they follow the object shapes Stripe documents for API version
2024-06-20 (stripe_client.API_VERSION), trimmed to the fields Stripe always sends plus those we read. Signatures are
computed as Stripe documents them: ``Stripe-Signature: t=<unix time>,v1=<hex HMAC-SHA256(secret, f"{t}.{body}")>``.
"""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

SECRET = "whsec_test_masthead_secret"
_ids = itertools.count(1)


def sign(payload: bytes, secret: str = SECRET, timestamp: int | None = None) -> str:
    t = int(time.time()) if timestamp is None else timestamp
    mac = hmac.new(secret.encode(), f"{t}.".encode() + payload, hashlib.sha256).hexdigest()
    return f"t={t},v1={mac}"


def event(kind: str, obj: dict[str, Any], *, event_id: str | None = None, created: int | None = None) -> dict:
    return {
        "id": event_id or f"evt_test_{next(_ids):08d}",
        "object": "event",
        "api_version": "2024-06-20",
        "created": created or int(time.time()),
        "livemode": False,
        "pending_webhooks": 1,
        "type": kind,
        "data": {"object": obj},
    }


def post(client: Any, evt: dict, *, secret: str = SECRET, timestamp: int | None = None) -> Any:
    """Deliver ``evt`` to our webhook through the Django test client, signed like Stripe would."""
    payload = body(evt)
    return client.post("/support/webhooks/stripe/", data=payload, content_type="application/json",
                       headers={"Stripe-Signature": sign(payload, secret, timestamp)})


def body(evt: dict) -> bytes:
    return json.dumps(evt, indent=2).encode()


def checkout_session(pi: str, amount: int, campaign_id: int, *, currency: str = "usd", paid: bool = True,
                     email: str = "reader@example.org", name: str = "Ada Reader", metadata: dict | None = None) -> dict:
    meta = {"campaign": str(campaign_id), "frequency": "one_off", "anonymous": "0", "wall": "0", **(metadata or {})}
    return {
        "id": f"cs_test_{pi}", "object": "checkout.session", "mode": "payment", "payment_intent": pi,
        "amount_total": amount, "currency": currency, "payment_status": "paid" if paid else "unpaid",
        "status": "complete", "customer": f"cus_{pi}", "metadata": meta,
        "customer_details": {"email": email, "name": name},
    }


def subscription_session(sub: str, amount: int, campaign_id: int, *, currency: str = "usd",
                         email: str = "monthly@example.org") -> dict:
    return {
        "id": f"cs_test_{sub}", "object": "checkout.session", "mode": "subscription", "payment_intent": None,
        "subscription": sub, "invoice": f"in_{sub}_1", "amount_total": amount, "currency": currency,
        "payment_status": "paid", "status": "complete", "customer": f"cus_{sub}",
        "metadata": {"campaign": str(campaign_id), "frequency": "monthly", "anonymous": "0", "wall": "0"},
        "customer_details": {"email": email, "name": "Monthly Reader"},
    }


def invoice(invoice_id: str, pi: str, sub: str, amount: int, campaign_id: int, *, currency: str = "usd",
            paid: bool = True, email: str = "monthly@example.org", paid_at: int | None = None) -> dict:
    return {
        "id": invoice_id, "object": "invoice", "payment_intent": pi, "subscription": sub, "charge": f"ch_{pi}",
        "customer": f"cus_{sub}", "customer_email": email, "customer_name": "Monthly Reader",
        "amount_paid": amount if paid else 0, "amount_due": amount, "currency": currency,
        "status": "paid" if paid else "open",
        "status_transitions": {"paid_at": (paid_at or int(time.time())) if paid else None},
        "subscription_details": {"metadata": {"campaign": str(campaign_id), "frequency": "monthly",
                                              "anonymous": "0", "wall": "0"}},
    }


def charge_refunded(pi: str, amount: int, refunded: int, *, currency: str = "usd") -> dict:
    return {"id": f"ch_{pi}", "object": "charge", "payment_intent": pi, "amount": amount,
            "amount_refunded": refunded, "refunded": refunded >= amount, "currency": currency}


def dispute(pi: str, amount: int, status: str, *, currency: str = "usd") -> dict:
    return {"id": f"dp_{pi}", "object": "dispute", "payment_intent": pi, "charge": f"ch_{pi}", "amount": amount,
            "status": status, "currency": currency}


def subscription(sub: str, status: str) -> dict:
    return {"id": sub, "object": "subscription", "status": status, "customer": f"cus_{sub}", "metadata": {}}


class FakeStripe:
    """A loopback HTTP server answering POST /v1/checkout/sessions and /v1/billing_portal/sessions.

    It records every request (path, headers, form fields) and replays the first answer for a repeated
    Idempotency-Key, as Stripe does.
    """

    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.responses: dict[str, bytes] = {}
        self.fail_with: int | None = None
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                form = urllib.parse.parse_qs(self.rfile.read(length).decode(), keep_blank_values=True)
                fields = {key: values[-1] for key, values in form.items()}
                key = self.headers.get("Idempotency-Key", "")
                fake.requests.append({"path": self.path, "headers": dict(self.headers), "form": fields})
                if fake.fail_with:
                    self._send(fake.fail_with, json.dumps({"error": {"type": "api_error", "message": "down"}}).encode())
                    return
                if key and key in fake.responses:
                    self._send(200, fake.responses[key])
                    return
                number = len(fake.requests)
                if self.path == "/v1/checkout/sessions":
                    payload: dict[str, object] = {
                        "id": f"cs_test_fake{number}", "object": "checkout.session", "mode": fields.get("mode"),
                               "url": f"https://checkout.stripe.com/c/pay/cs_test_fake{number}",
                               "metadata": {}}
                elif self.path == "/v1/billing_portal/sessions":
                    payload = {"id": f"bps_fake{number}", "object": "billing_portal.session",
                               "customer": fields.get("customer"),
                               "url": f"https://billing.stripe.com/p/session/fake{number}"}
                else:
                    self._send(404, json.dumps({"error": {"type": "invalid_request_error",
                                                          "message": "Unrecognized request URL"}}).encode())
                    return
                answer = json.dumps(payload).encode()
                if key:
                    fake.responses[key] = answer
                self._send(200, answer)

            def _send(self, status: int, data: bytes) -> None:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.send_header("Request-Id", "req_fake")
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05},
                                       daemon=True)

    def __enter__(self) -> FakeStripe:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
