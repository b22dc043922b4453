"""A scripted OpenAI-compatible upstream on loopback: SSE streaming, delays, and injected faults.

It serves POST /v1/chat/completions (streamed or not) and GET /v1/models like a real provider. For a
structured request (`response_format` with a JSON schema) it synthesises a valid instance of the schema;
`responder` can return any text instead, and `gate` can hold a reply at a chosen chunk (a test then sees
the partial output deterministically, with no sleeps). Faults are scripted per request (`script`) or by rate
(`fail_rate`): 429, 500, 401, malformed JSON, a stream cut mid-way, a hang. It counts concurrent requests per
model, so tests and benchmarks can check a cap was never exceeded.
"""

from __future__ import annotations

import heapq
import importlib
import itertools
import json
import math
import random
import re
import subprocess
import sys
import threading
import time
import urllib.request
import uuid
from collections import defaultdict, deque
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from testkit.fakes.replies import grounded_summary

Responder = Callable[[dict[str, Any]], str | None]
Gate = Callable[[dict[str, Any], int], None]  # (request, index of the chunk about to be sent); may block
FAULTS = ("429", "500", "401", "malformed_json", "cut", "hang")
CONTROL_PATH = "/_fake"  # GET: stats; POST: configure (see FakeUpstreamProcess)
CONFIGURABLE = frozenset(
    {"first_token_delay", "token_interval", "reply", "tokens_per_chunk", "fail_rate", "tag_prefix"}
    | {"profile", "marker"}
)


def synthesize(schema: dict[str, Any], defs: dict[str, Any] | None = None, depth: int = 0) -> Any:
    """A small valid instance of a JSON schema (enough for pydantic's model_json_schema output)."""
    defs = defs if defs is not None else schema.get("$defs", {})
    if "$ref" in schema:
        return synthesize(defs[schema["$ref"].split("/")[-1]], defs, depth + 1)
    for key in ("anyOf", "oneOf"):
        if key in schema:
            options = [o for o in schema[key] if o.get("type") != "null"] or schema[key]
            return synthesize(options[0], defs, depth + 1)
    if "allOf" in schema:
        return synthesize(schema["allOf"][0], defs, depth + 1)
    if "enum" in schema:
        return schema["enum"][0]
    if "const" in schema:
        return schema["const"]
    if "default" in schema and depth > 0:
        return schema["default"]
    kind = schema.get("type", "object")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "null")
    if kind == "object":
        props = schema.get("properties", {})
        return {name: synthesize(sub, defs, depth + 1) for name, sub in props.items()}
    if kind == "array":
        count = max(1, int(schema.get("minItems", 1)))
        return [synthesize(schema.get("items", {"type": "string"}), defs, depth + 1) for _ in range(count)]
    if kind == "integer":
        low, high = int(schema.get("minimum", 0)), int(schema.get("maximum", 100))
        return (low + high) // 2 if "maximum" in schema else max(low, 1)
    if kind == "number":
        return float(schema.get("minimum", 0.5))
    if kind == "boolean":
        return True
    if kind == "null":
        return None
    min_len = int(schema.get("minLength", 0))
    return ("sample text " * (1 + min_len // 12)).strip()


class FakeUpstream:
    """Start with `.start()`; configure attributes at any time, they apply to the next request."""

    def __init__(self) -> None:
        self.first_token_delay = 0.0
        self.token_interval = 0.0
        self.reply = "Hello from the fake upstream. " * 3
        self.tokens_per_chunk = 1
        self.lines_after_done = 0  # SSE comment lines sent after [DONE] before the body ends (a chatty proxy)
        self.fail_rate = 0.0
        self.script: deque[str] = deque()
        self.responder: Responder | None = None
        self.fault_for: Callable[[dict[str, Any]], str | None] | None = None  # a fault chosen by the request
        self.gate: Gate | None = None
        self.requests: list[dict[str, Any]] = []
        self.active: dict[str, int] = defaultdict(int)
        self.peak: dict[str, int] = defaultdict(int)
        self.samples: list[tuple[float, str, int]] = []
        self.total = 0
        self.connections = 0  # TCP connections accepted: a client that keeps its connection alive opens one
        self._lock = threading.Lock()
        self._generation = 0  # bumped by reset(): a reply begun before it no longer counts in `active`
        self.tag_prefix: str | None = None  # record when a request whose prompt starts with it arrives
        self.arrivals: dict[str, float] = {}
        self.first_sent: dict[str, float] = {}  # ... and when its first content chunk went out
        self.profile: str | None = None  # a provider profile (testkit/fakes/profile.py) overrides the two delays
        self.marker: str | None = None  # a regex: replies whose prompt holds a match are timed in `timings`
        self.timings: list[dict[str, Any]] = []
        self._rng = random.Random(21)
        self._local = threading.local()
        self._server: ThreadingHTTPServer | None = None
        self.port = 0

    # -- lifecycle -----------------------------------------------------------------------------------
    def start(self) -> FakeUpstream:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # TCP_NODELAY, as providers' front ends set it. With Nagle's algorithm on, the first event written
            # right after the headers waited for the client's delayed ACK: a reply that starts at once on a
            # reused connection reached its first token after 42-46 ms instead of 1-2 ms.
            disable_nagle_algorithm = True

            def log_message(self, *args: object) -> None:
                return None

            def setup(self) -> None:
                super().setup()
                with fake._lock:
                    fake.connections += 1

            def do_GET(self) -> None:
                if self.path == CONTROL_PATH:
                    body = json.dumps(fake.stats()).encode()
                else:
                    body = json.dumps({"object": "list", "data": [{"id": "fake-model", "object": "model"}]}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                request = json.loads(self.rfile.read(length) or b"{}")
                if self.path == CONTROL_PATH:
                    fake.configure(request)
                    self.send_response(204)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                fake._serve(self, request)

        self._server = _Server(("127.0.0.1", 0), Handler)
        self.port = self._server.server_address[1]
        threading.Thread(target=self._server.serve_forever, name="fake-upstream", daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    def configure(self, settings: dict[str, Any]) -> None:
        """Set scalar knobs by name (the control endpoint of a fake running in its own process)."""
        if settings.pop("clear_stats", False):
            with self._lock:
                self.peak.clear()
                self.arrivals.clear()
                self.first_sent.clear()
                self.timings.clear()
        if "responder" in settings:  # "module:function", so a fake in its own process can build replies too
            path = settings.pop("responder")
            module, _, name = str(path or "").partition(":")
            self.responder = getattr(importlib.import_module(module), name) if path else None
        for name, value in settings.items():
            if name not in CONFIGURABLE:
                raise ValueError(f"not configurable: {name}")
            setattr(self, name, value)

    def stats(self) -> dict[str, Any]:
        with self._lock:
            return {
                "peak": dict(self.peak),
                "total": self.total,
                "connections": self.connections,
                "arrivals": dict(self.arrivals),
                "first_sent": dict(self.first_sent),
                "timings": list(self.timings),
            }

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def reset(self) -> None:
        with self._lock:
            self.first_token_delay = 0.0
            self.token_interval = 0.0
            self.reply = "Hello from the fake upstream. " * 3
            self.lines_after_done = 0
            self.fail_rate = 0.0
            self.profile = None
            self.marker = None
            self.timings.clear()
            self.script.clear()
            self.responder = None
            self.fault_for = None
            self.gate = None
            self.requests.clear()
            self.active.clear()
            self.peak.clear()
            self.samples.clear()
            self.total = 0
            self.connections = 0
            self._generation += 1

    def registry(self, concurrency: int = 5, models: tuple[str, ...] = ("fake-paid", "fake-free")) -> dict[str, Any]:
        """A model-registry document routing every task to this upstream (see core/llm/registry.py)."""
        paid, free = models
        return {
            "models": {
                paid: {
                    "base_url": self.base_url,
                    "model": paid,
                    "concurrency": concurrency,
                    "structured": "json_object_schema",
                    "price_in_per_m": 1.0,
                    "price_out_per_m": 2.0,
                },
                free: {
                    "base_url": self.base_url,
                    "model": free,
                    "concurrency": max(1, concurrency // 2),
                    "structured": "json_object_schema",
                },
            },
            "routes": {"paid": {"*": paid}, "free": {"*": free}},
        }

    # -- serving -------------------------------------------------------------------------------------
    def _next_fault(self) -> str | None:
        with self._lock:
            if self.script:
                fault = self.script.popleft()
                return None if fault == "ok" else fault
        if self.fail_rate and random.random() < self.fail_rate:
            return "500"
        return None

    def _text_for(self, request: dict[str, Any]) -> str:
        if self.responder is not None:
            custom = self.responder(request)
            if custom is not None:
                return custom
        grounded = grounded_summary(request)
        if grounded is not None:  # a summary made of "sample text" would be rejected as invented
            return grounded
        fmt = request.get("response_format") or {}
        schema = fmt.get("schema") or (fmt.get("json_schema") or {}).get("schema")
        if schema:
            return json.dumps(synthesize(schema), ensure_ascii=False)
        return self.reply

    def _hold(self, request: dict[str, Any], index: int) -> None:
        gate = self.gate
        if gate is not None:
            gate(request, index)

    def _serve(self, handler: BaseHTTPRequestHandler, request: dict[str, Any]) -> None:
        model = str(request.get("model", "?"))
        arrived = time.time()
        with self._lock:
            tag = self._tag_of(request)
            if tag is not None:
                self.arrivals.setdefault(tag, arrived)
            self.requests.append(request)
            self.total += 1
            self.active[model] += 1
            self.peak[model] = max(self.peak[model], self.active[model])
            self.samples.append((time.monotonic(), model, self.active[model]))
            generation = self._generation
        finished = threading.Event()

        def finish() -> None:
            """The request stops counting as active just before its last bytes go out: a client that has
            read the whole reply (and released its slot) can never overlap it in the count. A reply a client
            abandoned may end after a reset(), which already zeroed the count it was in."""
            with self._lock:
                if finished.is_set():
                    return
                finished.set()
                if generation != self._generation:
                    return
                self.active[model] -= 1
                self.samples.append((time.monotonic(), model, self.active[model]))

        self._local.finish = finish
        try:
            self._respond(handler, request, model)
        except (BrokenPipeError, ConnectionResetError):
            pass
        finally:
            finish()

    def _tag_of(self, request: dict[str, Any]) -> str | None:
        """The first word of a prompt that starts with `tag_prefix` (benchmarks name their requests so)."""
        if self.tag_prefix is None:
            return None
        for message in request.get("messages", []):
            content = str(message.get("content", ""))
            if content.startswith(self.tag_prefix):
                return content.split()[0]
        return None

    def _finish_request(self) -> None:
        self._local.finish()

    def _delays(self, model: str) -> tuple[float, float]:
        """(first-token delay, token interval) for one request: drawn from the profile, else the fixed knobs."""
        if self.profile:
            from testkit.fakes.profile import profile

            timing = profile(self.profile).get(model)
            if timing is not None:
                with self._lock:
                    return timing.draw(self._rng)
        return self.first_token_delay, self.token_interval

    def _timed(self, request: dict[str, Any], arrived: float) -> dict[str, Any] | None:
        """A timing record for a request whose prompt holds `marker` (benchmarks attribute replies so)."""
        if not self.marker:
            return None
        found = re.search(self.marker, json.dumps(request.get("messages", []), ensure_ascii=False))
        if found is None:
            return None
        fmt = request.get("response_format") or {}
        schema = fmt.get("schema") or (fmt.get("json_schema") or {}).get("schema") or {}
        record = {"marker": found.group(0), "title": str(schema.get("title", "")), "arrived": arrived}
        with self._lock:
            self.timings.append(record)
        return record

    def _respond(self, handler: BaseHTTPRequestHandler, request: dict[str, Any], model: str) -> None:
        chosen = self.fault_for(request) if self.fault_for is not None else None
        fault = chosen or self._next_fault()
        if fault in ("429", "500", "401"):
            body = json.dumps({"error": {"message": "scripted failure", "type": "server_error"}}).encode()
            handler.send_response(int(fault))
            handler.send_header("Content-Type", "application/json")
            handler.send_header("Content-Length", str(len(body)))
            if fault == "429":
                handler.send_header("Retry-After", "0")
            self._finish_request()
            handler.end_headers()
            handler.wfile.write(body)
            return
        if fault == "hang":
            time.sleep(3600)
            return
        text = "{not valid json" if fault == "malformed_json" else self._text_for(request)
        prompt_tokens = sum(len(str(m.get("content", ""))) for m in request.get("messages", [])) // 4
        pieces = _tokens(text)
        completion_id = f"chatcmpl-{uuid.uuid4().hex[:12]}"
        first_delay, interval = self._delays(model)
        timed = self._timed(request, time.time())
        if not request.get("stream"):
            self._hold(request, 0)
            time.sleep(first_delay + interval * len(pieces))
            body = json.dumps(
                {
                    "id": completion_id,
                    "object": "chat.completion",
                    "created": int(time.time()),
                    "model": model,
                    "choices": [
                        {"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}
                    ],
                    "usage": {
                        "prompt_tokens": prompt_tokens,
                        "completion_tokens": len(pieces),
                        "total_tokens": prompt_tokens + len(pieces),
                    },
                }
            ).encode()
            handler.send_response(200)
            handler.send_header("Content-Type", "application/json")
            handler.send_header("Content-Length", str(len(body)))
            self._finish_request()
            handler.end_headers()
            handler.wfile.write(body)
            return
        # Chunked transfer keeps the connection alive between requests, as real providers do.
        handler.send_response(200)
        handler.send_header("Content-Type", "text/event-stream")
        handler.send_header("Cache-Control", "no-cache")
        handler.send_header("Transfer-Encoding", "chunked")
        handler.end_headers()

        def send(payload: dict[str, Any] | str) -> None:
            handler.wfile.write(_event(payload))
            handler.wfile.flush()

        def chunk(delta: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
            return {
                "id": completion_id,
                "object": "chat.completion.chunk",
                "created": int(time.time()),
                "model": model,
                "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
            }

        time.sleep(first_delay)
        send(chunk({"role": "assistant", "content": ""}))
        cut_at = max(1, len(pieces) // 2) if fault == "cut" else None
        step = max(1, self.tokens_per_chunk)
        paced = self.gate is None and cut_at is None
        for i in range(0, len(pieces), step):
            if cut_at is not None and i >= cut_at:
                handler.close_connection = True
                self._finish_request()
                handler.wfile.flush()
                handler.connection.shutdown(2)
                return
            self._hold(request, i)
            if i == 0 and (tag := self._tag_of(request)) is not None:
                with self._lock:
                    self.first_sent.setdefault(tag, time.time())
            if i == 0 and timed is not None:
                timed["first_sent"] = time.time()
            if i > 0 and interval and paced:  # the rest of the reply, one chunk per interval, by the pacer
                rest = [chunk({"content": "".join(pieces[k : k + step])}) for k in range(i, len(pieces), step)]
                _pacer.stream([_event(c) for c in rest], interval, handler.wfile.write)
                break
            send(chunk({"content": "".join(pieces[i : i + step])}))
            if interval:
                time.sleep(interval)
        send(chunk({}, "stop"))
        send(
            {
                "id": completion_id,
                "object": "chat.completion.chunk",
                "created": int(time.time()),
                "model": model,
                "choices": [],
                "usage": {
                    "prompt_tokens": prompt_tokens,
                    "completion_tokens": len(pieces),
                    "total_tokens": prompt_tokens + len(pieces),
                },
            }
        )
        if timed is not None:
            timed["ended"] = time.time()
        self._finish_request()
        send("[DONE]")
        for _ in range(self.lines_after_done):
            comment = b": keep-alive\n\n"
            handler.wfile.write(b"%x\r\n%s\r\n" % (len(comment), comment))
        handler.wfile.write(b"0\r\n\r\n")
        handler.wfile.flush()


class _Server(ThreadingHTTPServer):
    """A provider's front end accepts bursts: the stdlib's listen backlog of 5 would drop SYNs (a 1 s
    retransmit for the client) when 50 jobs call at once, which no real upstream does."""

    request_queue_size = 256
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client closing a kept-alive connection (a consumer stopping) is not an error."""
        import sys

        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def _event(payload: dict[str, Any] | str) -> bytes:
    """One server-sent event as one HTTP chunk: a provider writes each token so."""
    data = payload if isinstance(payload, str) else json.dumps(payload, ensure_ascii=False)
    event = f"data: {data}\n\n".encode()
    return b"%x\r\n%s\r\n" % (len(event), event)


class _Pacer:
    """One thread writes the timed chunks of every streaming reply, on a 5 ms grid.

    The fake stands in for a provider on other machines, yet it shares this machine's two cores with the
    platform under test. A handler thread sleeping between tokens woke once per token: with fifty replies
    streaming, those wake-ups cost the fake a fifth of a core, taken from the platform being measured. Here
    one thread wakes at most once per tick and writes every chunk that is due, and a handler sleeps until
    its reply's last chunk is out. Chunks keep their order and their interval, give or take a tick.
    Writes block: a client that stopped reading without closing would hold every reply once its socket
    buffer filled, but a reply here is a few kilobytes and a loopback socket buffers far more.
    """

    TICK_S = 0.005

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._heap: list[tuple[float, int, _PacedReply]] = []
        self._order = itertools.count()
        self._thread: threading.Thread | None = None

    def stream(self, events: list[bytes], interval: float, write: Callable[[bytes], Any]) -> None:
        """Write `events` one per `interval` (the first one interval from now); return one interval after
        the last. A write that fails (the client went away) is raised here, in the handler's thread."""
        reply = _PacedReply(events, interval, write)
        self._push(time.monotonic() + interval, reply)
        reply.done.wait()
        if reply.error is not None:
            raise reply.error

    def _push(self, due: float, reply: _PacedReply) -> None:
        with self._cond:
            heapq.heappush(self._heap, (due, next(self._order), reply))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="fake-upstream-pacer", daemon=True)
                self._thread.start()
            if self._heap[0][2] is reply:
                self._cond.notify()

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._heap or self._heap[0][0] > time.monotonic():
                    wait = self._heap[0][0] - time.monotonic() if self._heap else None
                    if wait is not None:  # wake on the grid, so chunks due together go out in one wake-up
                        wait = math.ceil(wait / self.TICK_S) * self.TICK_S
                    self._cond.wait(wait)
                now, due = time.monotonic(), []
                while self._heap and self._heap[0][0] <= now + self.TICK_S / 2:
                    due.append(heapq.heappop(self._heap))
            for at, _, reply in due:
                if reply.step():
                    self._push(at + reply.interval, reply)


class _PacedReply:
    def __init__(self, events: list[bytes], interval: float, write: Callable[[bytes], Any]) -> None:
        self.events, self.interval, self.write = events, interval, write
        self.sent = 0
        self.error: BaseException | None = None
        self.done = threading.Event()

    def step(self) -> bool:
        """Write the next event (or end the reply's last interval); False once the reply is over."""
        if self.sent == len(self.events):
            self.done.set()
            return False
        try:
            self.write(self.events[self.sent])
        except OSError as exc:
            self.error = exc
            self.done.set()
            return False
        self.sent += 1
        return True


_pacer = _Pacer()


def _tokens(text: str) -> list[str]:
    """Split text into ~4-character pieces, as a tokenizer roughly would."""
    return [text[i : i + 4] for i in range(0, len(text), 4)] or [""]


class FakeUpstreamProcess:
    """The same fake in a process of its own, driven over its control endpoint.

    A benchmark that measures the platform's own latency keeps the outside world off its interpreter:
    in-process, the fake's request parsing and SSE writing queue behind the driver's threads on one GIL.
    """

    def __init__(self) -> None:
        self._proc: subprocess.Popen[str] | None = None
        self.port = 0

    def start(self) -> FakeUpstreamProcess:
        self._proc = subprocess.Popen(
            [sys.executable, "-m", "testkit.fakes.upstream"], stdout=subprocess.PIPE, stdin=subprocess.PIPE, text=True
        )
        assert self._proc.stdout is not None
        self.port = int(self._proc.stdout.readline())
        return self

    def stop(self) -> None:
        if self._proc is not None:
            self._proc.terminate()
            self._proc.wait(10)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def configure(self, **settings: Any) -> None:
        self._call("POST", json.dumps(settings).encode())

    def stats(self) -> dict[str, Any]:
        return dict(json.loads(self._call("GET", None)))

    def registry(self, concurrency: int = 5) -> dict[str, Any]:
        fake = FakeUpstream()
        fake.port = self.port
        return fake.registry(concurrency)

    def _call(self, method: str, body: bytes | None) -> bytes:
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{CONTROL_PATH}", data=body, method=method)
        with urllib.request.urlopen(request, timeout=10) as reply:
            return bytes(reply.read())


if __name__ == "__main__":  # python -m testkit.fakes.upstream: serve until stdin closes or SIGTERM
    server = FakeUpstream().start()
    print(server.port, flush=True)
    sys.stdin.read()
