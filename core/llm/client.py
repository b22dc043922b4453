"""One client for every OpenAI-compatible provider (DeepSeek, GLM, the embedded llama.cpp server, fakes).

It streams a chat completion, hands each text delta to a callback, measures time to first token and
counts tokens, and maps every failure onto the error tree: 429/5xx/timeouts/cut streams are transient
(the job engine retries them), other 4xx are permanent. Structured replies are validated by pydantic; a
reply that does not validate is transient, since asking again usually fixes it.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import json
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, TypeVar

import httpx2
import openai
from pydantic import BaseModel, ValidationError

from core.config import get_settings
from core.errors import PermanentUpstreamError, TransientUpstreamError
from core.llm.registry import ModelSpec

T = TypeVar("T", bound=BaseModel)
Messages = list[dict[str, str]]


@dataclass
class Completion:
    text: str
    tokens_in: int
    tokens_out: int
    ttft_ms: int | None
    latency_ms: int
    model: str


_clients: dict[tuple[str, str], openai.OpenAI] = {}
_clients_lock = threading.Lock()


def _client(spec: ModelSpec) -> openai.OpenAI:
    key = (spec.base_url, spec.api_key())
    with _clients_lock:
        if key not in _clients:
            _clients[key] = openai.OpenAI(
                base_url=spec.base_url,
                api_key=key[1] or "missing",
                timeout=httpx2.Timeout(get_settings().llm_timeout_s, connect=5.0),
                max_retries=0,
            )
        return _clients[key]


def response_format(spec: ModelSpec, schema: dict[str, Any] | None) -> dict[str, Any] | None:
    if schema is None:
        return None
    if spec.structured == "json_schema":
        return {"type": "json_schema", "json_schema": {"name": "reply", "schema": schema, "strict": False}}
    if spec.structured == "json_object_schema":
        return {"type": "json_object", "schema": bounded_schema(schema) if spec.is_demo else schema}
    return {"type": "json_object"}


def bounded_schema(schema: dict[str, Any], max_chars: int = 240, max_items: int = 4) -> dict[str, Any]:
    """Cap every string and list the schema leaves open, for grammar-constrained small models.

    The grammar guarantees JSON that matches the schema, but not that it ends: a tiny model can keep writing
    one string until max_tokens and return invalid, truncated JSON. With bounds, every reply closes in time.
    Explicit bounds in the schema are kept.
    """

    def walk(node: Any) -> Any:
        if isinstance(node, list):
            return [walk(item) for item in node]
        if not isinstance(node, dict):
            return node
        out = {key: walk(value) for key, value in node.items()}
        kinds = out.get("type")
        kinds = kinds if isinstance(kinds, list) else [kinds]
        if "string" in kinds and "enum" not in out:
            out.setdefault("maxLength", max_chars)
        if "array" in kinds:
            out.setdefault("maxItems", max_items)
        return out

    result: dict[str, Any] = walk(schema)
    return result


def stream_chat(
    spec: ModelSpec,
    messages: Messages,
    *,
    on_delta: Callable[[str], None] | None = None,
    schema: dict[str, Any] | None = None,
    temperature: float = 0.3,
    max_tokens: int | None = None,
) -> Completion:
    """Stream one completion; every delta goes to `on_delta` as it arrives."""
    started = time.monotonic()
    ttft_ms: int | None = None
    parts: list[str] = []
    usage_in = usage_out = 0
    finished = False
    kwargs: dict[str, Any] = {
        "model": spec.model,
        "messages": messages,
        "stream": True,
        "temperature": temperature,
        "max_tokens": max_tokens or spec.max_tokens,
        "stream_options": {"include_usage": True},
    }
    fmt = response_format(spec, schema)
    if fmt is not None:
        kwargs["response_format"] = fmt
    try:
        # The SDK's low-level `post` with a plain JSON body, read as raw SSE lines: its typed `create` walks
        # every message through its TypedDict transformer and builds a pydantic object per chunk, which cost
        # more CPU than everything else the worker does per job. Auth, timeouts and status errors are the SDK's.
        response = _client(spec).post("/chat/completions", body=kwargs, cast_to=httpx2.Response, stream=True)
        with contextlib.closing(response), READERS.reading():
            lines = response.iter_lines()
            paced = PacedLines(lines, READ_PAUSE_S, crowded=READERS.crowded)
            closing = JsonEnd() if schema is not None else None
            for chunk in sse_chunks(paced, spec.name):
                usage = chunk.get("usage")
                if usage:
                    usage_in = usage.get("prompt_tokens") or usage_in
                    usage_out = usage.get("completion_tokens") or usage_out
                for choice in chunk.get("choices") or ():
                    delta = (choice.get("delta") or {}).get("content")
                    if delta:
                        if ttft_ms is None:
                            ttft_ms = int((time.monotonic() - started) * 1000)
                            paced.text_started()
                        parts.append(delta)
                        if on_delta is not None:
                            on_delta(delta)
                        if closing is not None and closing.feed(delta):
                            paced.text_ended()  # the object is closed: what follows is the end, read it at once
                    if choice.get("finish_reason"):
                        finished = True
                        paced.text_ended()  # only usage and [DONE] follow: read them at once
            _drain(lines)
    except openai.RateLimitError as exc:
        raise TransientUpstreamError(f"429 rate limited by {spec.name}") from exc
    except openai.APIStatusError as exc:
        status = exc.status_code
        if status >= 500 or status in (408, 409, 425, 429):
            raise TransientUpstreamError(f"{status} from {spec.name}") from exc
        raise PermanentUpstreamError(f"{status} from {spec.name}") from exc
    except (openai.APITimeoutError, openai.APIConnectionError, httpx2.HTTPError) as exc:
        raise TransientUpstreamError(f"{type(exc).__name__} talking to {spec.name}") from exc
    except openai.APIError as exc:  # e.g. an error event inside the stream
        raise TransientUpstreamError(f"{type(exc).__name__} from {spec.name}") from exc
    if not finished:
        raise TransientUpstreamError(f"stream from {spec.name} ended without finish_reason")
    text = "".join(parts)
    if not usage_out:
        usage_out = max(1, len(text) // 4)
    if not usage_in:
        usage_in = sum(len(m.get("content", "")) for m in messages) // 4
    return Completion(
        text=text,
        tokens_in=usage_in,
        tokens_out=usage_out,
        ttft_ms=ttft_ms,
        latency_ms=int((time.monotonic() - started) * 1000),
        model=spec.model,
    )


READ_PAUSE_S = 0.2  # the page shows new text every 0.6 s: tokens read sooner would reach no one sooner
# Replies read at once in a process above which reading pauses (see PacedLines): under it the wake-ups cost less
# than the pause costs the end of every reply (~0.1 s, paid by every step of a user alone on the platform).
CROWD = 4
PAUSE_SHARE = 0.25  # ... but a pause is at most this share of the time text has flowed (see PacedLines)
MIN_PAUSE_S = 0.025  # a pause shorter than the gap between two tokens saves no wake-up: it adds one
_WAITED_S = 0.002  # a read slower than this waited on the socket; one from httpx's buffer takes ~50 µs


class Readers:
    """How many replies this process is reading now: pausing pays only when many are."""

    def __init__(self, crowd: int = CROWD) -> None:
        self._crowd = crowd
        self._count = 0
        self._lock = threading.Lock()

    @contextlib.contextmanager
    def reading(self) -> Iterator[None]:
        with self._lock:
            self._count += 1
        try:
            yield
        finally:
            with self._lock:
                self._count -= 1

    def crowded(self) -> bool:
        return self._count > self._crowd


READERS = Readers()


class PacedLines:
    """An event stream's lines, read so that a worker wakes up once per pause, not once per token.

    Providers send each token as its own small write, ~20 ms apart. Waking a worker thread for each cost
    ~400 µs of CPU per token here (a wake-up, then Python running cold) against ~50 µs for a token parsed
    straight after another: most of what a streaming job costs its consumer. Once text flows, a read that had
    to wait for the network is followed by a pause: the next tokens pile up in the socket and are parsed back
    to back from one read (~120 µs per token with 0.2 s pauses). The page shows new text every 0.6 s, so it
    shows none later for it; the first token is never held.

    A pause falls between events, never inside one: an event's `data:` line and the blank line that ends it
    arrive in one write, and the pause comes once the blank line has been read, so what arrived is handed on
    before the worker sleeps. (Pausing after the waited `data:` line held every event, the reply's last one
    included, for a pause: ~0.1 s between the provider's last token and the job's end, measured.)

    A reply's end can wait one pause, and the call holds its model slot meanwhile: a pause is therefore at
    most a quarter of the time text has flowed, so a short reply is not held for long and a capped model's
    slots stay busy with calls rather than with pauses (a fixed 0.2 s pause cut the share of time a cap of 5
    was full from 0.8 to 0.4 on 0.1 s replies). And it pauses only while the process is `crowded()` (more than
    CROWD replies read at once): a user alone on the platform paid the wait of a reply's end, 70-135 ms, at the
    end of every step (bench.workbench_paths with one service), to save ~35 ms of CPU a second. Nothing depends
    on the timing guess: a wrong one costs a little CPU or a little latency, never a token.
    """

    def __init__(
        self,
        lines: Iterator[str],
        max_pause_s: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        crowded: Callable[[], bool] = lambda: True,
    ) -> None:
        self._lines = lines
        self._max_pause_s = max_pause_s
        self._crowded = crowded
        self._clock = clock
        self._sleep = sleep
        self._pause_before_next = False
        self._waited = False  # a read since the last event's end waited on the network
        self._text_since: float | None = None
        self._ended = False

    def text_started(self) -> None:
        """The first token has been handed on: from now on a read that waited is followed by a pause."""
        if self._text_since is None:
            self._text_since = self._clock()

    def text_ended(self) -> None:
        """The reply's text is complete (a JSON object closed): no pause before the finish and [DONE] lines."""
        self._ended = True
        self._pause_before_next = False

    def __iter__(self) -> PacedLines:
        return self

    def __next__(self) -> str:
        if self._pause_before_next:  # only ever set once text flows
            self._pause_before_next = False
            assert self._text_since is not None
            pause = min(self._max_pause_s, (self._clock() - self._text_since) * PAUSE_SHARE)
            if pause >= MIN_PAUSE_S and self._crowded():
                self._sleep(pause)
        asked = self._clock()
        line = next(self._lines)
        self._waited = self._waited or self._clock() - asked > _WAITED_S
        if not line:  # an event ended: the pause, if any, comes after it is handed on
            self._pause_before_next = self._waited and self._text_since is not None and not self._ended
            self._waited = False
        return line


class JsonEnd:
    """Tells when a streamed JSON reply's top-level object has closed, from its deltas (strings and escapes aware).

    A structured reply ends with its closing brace; the provider's finish chunk and `[DONE]` follow at once. Seen
    here, PacedLines stops pausing, so the end of a reply is read as soon as it arrives, not a pause later.
    """

    def __init__(self) -> None:
        self.depth = 0
        self.opened = False
        self.in_string = False
        self.escaped = False

    def feed(self, delta: str) -> bool:
        """True once the first top-level object (or array) has closed."""
        for char in delta:
            if self.in_string:
                if self.escaped:
                    self.escaped = False
                elif char == "\\":
                    self.escaped = True
                elif char == '"':
                    self.in_string = False
            elif char == '"':
                self.in_string = True
            elif char in "{[":
                self.depth += 1
                self.opened = True
            elif char in "}]":
                self.depth -= 1
                if self.opened and self.depth == 0:
                    return True
        return False


def _drain(lines: Iterator[str], max_lines: int = 4) -> None:
    """Read the body to its end after `[DONE]`, so the connection goes back to the pool for the next call.

    Over HTTP/1.1 a response closed half-read takes its connection with it: every call would open a new
    one, and against a real provider that is a TCP and TLS handshake in front of each job's first token.
    Only a few lines are read: a server still talking after `[DONE]` loses the connection instead. The
    reply is complete by now, so a failure here is not the job's. A server that went silent after `[DONE]`
    without ending the body would hold the call for the read timeout; OpenAI-style servers end the body right
    after it (the embedded llama.cpp server does: three calls, one connection).
    """
    with contextlib.suppress(httpx2.HTTPError, httpx2.StreamError):
        for _ in itertools.islice(lines, max_lines):
            pass


def sse_chunks(lines: Iterable[str], provider: str) -> Iterator[dict[str, Any]]:
    """The JSON chunks of an OpenAI-style event stream, up to `[DONE]`.

    Server-sent events: `data:` lines accumulate until a blank line ends the event; comments (`:`) and
    other fields are ignored. An `error` event or an error object in the data is transient, as is data
    that is not JSON (a proxy's HTML error page, a truncated frame).
    """
    data: list[str] = []
    event = ""
    for line in itertools.chain(lines, ("",)):  # a last blank line ends an unterminated event
        if line:
            field, _, value = line.partition(":")
            value = value[1:] if value.startswith(" ") else value
            if field == "data":
                data.append(value)
            elif field == "event":
                event = value
            continue
        if not data:
            continue
        payload, data = "\n".join(data), []
        if payload == "[DONE]":
            return
        try:
            chunk = json.loads(payload)
        except json.JSONDecodeError as exc:
            raise TransientUpstreamError(f"malformed stream chunk from {provider}") from exc
        if event == "error" or (isinstance(chunk, dict) and chunk.get("error")):
            raise TransientUpstreamError(f"error event in the stream from {provider}")
        event = ""
        if isinstance(chunk, dict):
            yield chunk


_FENCE = re.compile(r"^```(?:json)?\s*|\s*```$", re.MULTILINE)


def extract_json(text: str) -> Any:
    """Parse a JSON reply, tolerating code fences and prose around a single object."""
    cleaned = _FENCE.sub("", text.strip())
    try:
        return json.loads(cleaned)
    except json.JSONDecodeError:
        start, end = cleaned.find("{"), cleaned.rfind("}")
        if start != -1 and end > start:
            return json.loads(cleaned[start : end + 1])
        raise


@functools.cache
def reply_schema_text(model: type[BaseModel]) -> str:
    """A reply model's JSON schema as text, built once per model (pydantic takes ~3 ms of CPU per build)."""
    return json.dumps(model.model_json_schema(), ensure_ascii=False)


def reply_schema(model: type[BaseModel]) -> dict[str, Any]:
    """A reply model's JSON schema, a fresh copy the caller may change."""
    return dict(json.loads(reply_schema_text(model)))


def validate(model: type[T], text: str) -> T:
    """Validate a structured reply; invalid output is transient (the job is retried)."""
    try:
        return model.model_validate(extract_json(text))
    except (json.JSONDecodeError, ValidationError, TypeError) as exc:
        raise TransientUpstreamError(
            f"reply failed validation as {model.__name__}: {type(exc).__name__}", user_key="error.output_rejected"
        ) from exc
