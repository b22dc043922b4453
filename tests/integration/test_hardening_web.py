"""The Stripe webhook refuses oversized and non-JSON bodies before reading them (issue 19, finding 8).

Raw HTTP against the real web process (uvicorn on asgi.py): a 300 MB unsigned POST took it to 1.4 GB,
because the whole body was read before the signature was checked. Now a declared length over 1 MB is
answered at once (the body is never sent), a chunked body is cut off once it passes 1 MB, and anything not
`application/json` is refused. The process's memory is read from /proc before and after.
"""

from __future__ import annotations

import json
import socket
import time
from urllib.parse import urlparse

from tests.integration.test_health import web_process

MB = 1024 * 1024


def _rss_mb(port: int) -> float:
    """Resident memory of the process listening on `port` (found through /proc/net/tcp and its fds)."""
    import psutil

    for conn in psutil.net_connections(kind="tcp"):
        if conn.laddr and conn.laddr.port == port and conn.status == psutil.CONN_LISTEN and conn.pid:
            return float(psutil.Process(conn.pid).memory_info().rss) / MB
    raise AssertionError("web process not found")


def _request(port: int, head: str, body_chunks: list[bytes], timeout: float = 10.0) -> tuple[int, dict[str, str]]:
    """Send a raw request (stop sending as soon as the server answers); returns (status, JSON body)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(head.encode())
        sock.settimeout(0.05)
        reply = b""
        for chunk in body_chunks:
            try:
                sock.sendall(chunk)
            except OSError:  # the server answered and closed: it did not want the rest
                break
            try:
                reply += sock.recv(65536)
            except TimeoutError:
                continue
            if reply:
                break
        sock.settimeout(timeout)
        deadline = time.monotonic() + timeout
        while b"\r\n\r\n" not in reply or not _complete(reply):
            if time.monotonic() > deadline:
                raise AssertionError("no answer")
            data = sock.recv(65536)
            if not data:
                break
            reply += data
    head_part, _, body = reply.partition(b"\r\n\r\n")
    status = int(head_part.split(b" ", 2)[1])
    return status, json.loads(body.decode() or "{}")


def _complete(reply: bytes) -> bool:
    head, _, body = reply.partition(b"\r\n\r\n")
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            return len(body) >= int(line.split(b":")[1])
    return False


def _head(port: int, content_type: str, extra: str) -> str:
    return (
        f"POST /stripe/webhook HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: {content_type}\r\n"
        f"Stripe-Signature: t=1,v1=00\r\n{extra}\r\n"
    )


def test_webhook_refuses_large_and_non_json_bodies_before_reading(stack_services, upstream) -> None:
    with web_process({**stack_services.env, "STRIPE_WEBHOOK_SECRET": "whsec_test"}) as url:
        port = urlparse(url).port or 0
        before = _rss_mb(port)

        # Declares 300 MB, sends 64 KB: answered at once, without waiting for (or holding) the rest.
        started = time.monotonic()
        status, body = _request(port, _head(port, "application/json", "Content-Length: 314572800\r\n"), [b"{" * 65536])
        assert (status, body) == (413, {"error": "payload_too_large"})
        assert time.monotonic() - started < 3

        # No length (chunked), 40 MB streamed: cut off past 1 MB.
        piece = b"x" * MB
        chunks = [f"{len(piece):x}\r\n".encode() + piece + b"\r\n" for _ in range(40)]
        status, body = _request(port, _head(port, "application/json", "Transfer-Encoding: chunked\r\n"), chunks)
        assert (status, body) == (413, {"error": "payload_too_large"})

        # Not JSON: refused whatever its size.
        status, body = _request(port, _head(port, "text/plain", "Content-Length: 2\r\n"), [b"{}"])
        assert (status, body) == (415, {"error": "unsupported_media_type"})

        # A small JSON body still reaches the signature check.
        status, body = _request(port, _head(port, "application/json; charset=utf-8", "Content-Length: 2\r\n"), [b"{}"])
        assert (status, body) == (400, {"error": "invalid_signature"})

        assert _rss_mb(port) - before < 50
