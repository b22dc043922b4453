"""A loopback stand-in for the two Stripe API endpoints billing calls, plus Stripe-signed webhook payloads.

    POST /v1/checkout/sessions          form-encoded like the real API (nested keys: a[b][0]=v)
    GET  /v1/checkout/sessions/{id}     the session as Stripe would return it

The SDK is pointed here through settings.stripe_api_base. Tests steer a session's state with `pay`,
`complete_unpaid` and `expire`, and make the API fail with `fail_retrieves`. Webhook bodies are signed the
way Stripe signs them (header t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>" keyed by the endpoint secret),
computed here independently of the SDK so the test exercises the SDK's verification, not its own helper.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl

_KEY = re.compile(r"\[([^\]]*)\]")


def decode_form(body: str) -> dict[str, Any]:
    """Stripe's form encoding back into nested dicts and lists (line_items[0][price_data][currency]=cny)."""
    root: dict[str, Any] = {}
    for raw_key, value in parse_qsl(body, keep_blank_values=True):
        head = raw_key.split("[", 1)[0]
        path = [head, *_KEY.findall(raw_key[len(head) :])]
        node = root
        for part in path[:-1]:
            node = node.setdefault(part, {})
        node[path[-1]] = value
    return _listify(root)


def _listify(node: Any) -> Any:
    if not isinstance(node, dict):
        return node
    items = {k: _listify(v) for k, v in node.items()}
    if items and all(k.isdigit() for k in items):
        return [items[k] for k in sorted(items, key=int)]
    return items


def sign(payload: bytes, secret: str, timestamp: int | None = None) -> str:
    """A Stripe-Signature header value for `payload`."""
    t = int(time.time()) if timestamp is None else timestamp
    mac = hmac.new(secret.encode(), f"{t}.".encode() + payload, hashlib.sha256).hexdigest()
    return f"t={t},v1={mac}"


class FakeStripe:
    """Start with `.start()`; state is inspectable and steerable from the test thread."""

    def __init__(self, api_key: str = "sk_test_fake") -> None:
        self.api_key = api_key
        self.sessions: dict[str, dict[str, Any]] = {}
        self.by_idempotency_key: dict[str, str] = {}
        self.create_requests: list[dict[str, Any]] = []
        self.retrieve_count = 0
        self.fail_retrieves = 0  # answer this many GETs with 500 (the SDK retries, so count its retries too)
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self.port = 0

    # -- lifecycle -----------------------------------------------------------------------------------
    def start(self) -> FakeStripe:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # as the real API's front end: see testkit/fakes/upstream.py

            def log_message(self, *args: object) -> None:
                return None

            def do_GET(self) -> None:
                fake._handle(self, "GET", "")

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                fake._handle(self, "POST", self.rfile.read(length).decode())

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        threading.Thread(target=self._server.serve_forever, name="fake-stripe", daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    @property
    def api_base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def reset(self) -> None:
        with self._lock:
            self.sessions.clear()
            self.by_idempotency_key.clear()
            self.create_requests.clear()
            self.retrieve_count = 0
            self.fail_retrieves = 0

    # -- steering ------------------------------------------------------------------------------------
    def _set(self, session_id: str, **fields: Any) -> dict[str, Any]:
        with self._lock:
            self.sessions[session_id].update(fields)
            return dict(self.sessions[session_id])

    def pay(self, session_id: str) -> dict[str, Any]:
        return self._set(session_id, status="complete", payment_status="paid")

    def complete_unpaid(self, session_id: str) -> dict[str, Any]:
        """Checkout finished with a delayed payment method: complete, but not paid yet."""
        return self._set(session_id, status="complete", payment_status="unpaid")

    def expire(self, session_id: str) -> dict[str, Any]:
        return self._set(session_id, status="expired", payment_status="unpaid", url=None)

    def tamper(self, session_id: str, **fields: Any) -> dict[str, Any]:
        return self._set(session_id, **fields)

    # -- webhooks ------------------------------------------------------------------------------------
    def event(self, event_type: str, session_id: str, event_id: str | None = None) -> bytes:
        """A webhook body as Stripe sends it: the event with the session snapshot at this moment."""
        with self._lock:
            snapshot = dict(self.sessions[session_id])
        body = {
            "id": event_id or f"evt_{uuid.uuid4().hex}",
            "object": "event",
            "api_version": "2025-01-27.acacia",
            "created": int(time.time()),
            "livemode": False,
            "pending_webhooks": 1,
            "request": {"id": None, "idempotency_key": None},
            "type": event_type,
            "data": {"object": snapshot},
        }
        return json.dumps(body).encode()

    # -- serving -------------------------------------------------------------------------------------
    def _handle(self, handler: BaseHTTPRequestHandler, method: str, body: str) -> None:
        if handler.headers.get("Authorization") != f"Bearer {self.api_key}":
            self._reply(handler, 401, _error("invalid_request_error", "Invalid API Key provided"))
            return
        path = handler.path.split("?", 1)[0]
        if method == "POST" and path == "/v1/checkout/sessions":
            self._create(handler, decode_form(body))
            return
        match = re.fullmatch(r"/v1/checkout/sessions/([A-Za-z0-9_]+)", path)
        if method == "GET" and match:
            with self._lock:
                self.retrieve_count += 1
                failing = self.fail_retrieves > 0
                if failing:
                    self.fail_retrieves -= 1
                session = self.sessions.get(match.group(1))
            if failing:
                self._reply(handler, 500, _error("api_error", "Something went wrong on Stripe's end"))
            elif session is None:
                self._reply(
                    handler, 404, _error("invalid_request_error", "No such checkout.session", "resource_missing")
                )
            else:
                self._reply(handler, 200, session)
            return
        self._reply(handler, 404, _error("invalid_request_error", f"Unrecognized request URL ({method} {path})"))

    def _create(self, handler: BaseHTTPRequestHandler, params: dict[str, Any]) -> None:
        key = handler.headers.get("Idempotency-Key")
        with self._lock:
            self.create_requests.append(params)
            if key and key in self.by_idempotency_key:
                self._reply(handler, 200, self.sessions[self.by_idempotency_key[key]])
                return
            items = params.get("line_items") or []
            if params.get("mode") != "payment" or not items:
                self._reply(handler, 400, _error("invalid_request_error", "mode payment with line_items required"))
                return
            currency = items[0]["price_data"]["currency"]
            total = sum(int(i["price_data"]["unit_amount"]) * int(i.get("quantity", 1)) for i in items)
            session_id = f"cs_test_{uuid.uuid4().hex}"
            session = {
                "id": session_id,
                "object": "checkout.session",
                "mode": "payment",
                "status": "open",
                "payment_status": "unpaid",
                "url": f"https://checkout.stripe.com/c/pay/{session_id}",
                "client_reference_id": params.get("client_reference_id"),
                "metadata": params.get("metadata") or {},
                "amount_total": total,
                "currency": currency,
                "success_url": str(params.get("success_url", "")).replace("{CHECKOUT_SESSION_ID}", session_id),
                "cancel_url": params.get("cancel_url"),
                "livemode": False,
            }
            self.sessions[session_id] = session
            if key:
                self.by_idempotency_key[key] = session_id
        self._reply(handler, 200, session)

    @staticmethod
    def _reply(handler: BaseHTTPRequestHandler, status: int, body: dict[str, Any]) -> None:
        data = json.dumps(body).encode()
        handler.send_response(status)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(data)))
        handler.send_header("Request-Id", f"req_{uuid.uuid4().hex[:14]}")
        handler.end_headers()
        handler.wfile.write(data)


def _error(kind: str, message: str, code: str | None = None) -> dict[str, Any]:
    error: dict[str, Any] = {"type": kind, "message": message}
    if code:
        error["code"] = code
    return {"error": error}
