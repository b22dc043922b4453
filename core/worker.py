"""Running one job: claim it, keep its lease, take a model slot per LLM call, stream, store, finish.

Task handlers (one per job kind) hold the domain logic; this module holds the engine's guarantees:
at most one live worker per job (lease token), a model's concurrency cap across all processes
(Redis semaphore), retries with backoff for transient upstream failures, and on final failure a refund
of the job's debit in the same transaction that marks it failed.
"""

from __future__ import annotations

import contextlib
import logging
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

import redis
from pydantic import BaseModel
from sqlalchemy.orm import Session

from core import dispatch, jobs
from core.config import get_settings
from core.cpu_turns import TURNS
from core.errors import JobLost, PermanentUpstreamError, TransientUpstreamError, UserError
from core.leases import LeaseKeeper
from core.llm import client as llm
from core.llm.registry import OFFLINE, ModelSpec, get_registry
from core.logging import log_event
from core.semaphore import Semaphore
from core.streams import StreamWriter
from db.models import Job
from db.session import autocommit, unit_of_work

_log = logging.getLogger("core.worker")
ReplyT = TypeVar("ReplyT", bound=BaseModel)


@dataclass
class FollowUp:
    """A job created by a successful one (job extraction -> match), enqueued after the commit."""

    job_id: str
    queue: str


@dataclass
class JobContext:
    """What a handler sees: the job's fields, its model, its stream, and a metered LLM call."""

    job_id: uuid.UUID
    user_id: uuid.UUID
    kind: str
    queue: str
    service_id: uuid.UUID | None
    asset_id: uuid.UUID | None
    params: dict[str, Any]
    attempts: int
    spec: ModelSpec
    stream: StreamWriter
    keeper: LeaseKeeper
    figures: dict[str, Any] = field(default_factory=lambda: {"tokens_in": 0, "tokens_out": 0, "cost": 0.0})

    def complete(
        self,
        messages: llm.Messages,
        *,
        schema: dict[str, Any] | None = None,
        stream: bool = True,
        temperature: float = 0.3,
        max_tokens: int | None = None,
        meanwhile: Callable[[], object] | None = None,
    ) -> llm.Completion:
        """One LLM call under the model's concurrency cap; deltas go to the job's stream if `stream`.

        A job whose lease was taken stops at its next delta (JobLost): its new owner streams the reply anew, and
        reading this one to its end would only keep paying for it. `meanwhile` runs once, right after the first
        delta is handed on: work the reply's end needs (the documents' evidence for the grounding check) is done
        while the model writes, not after its last token. Its failure is left to the work that needs it."""
        pending = [meanwhile] if meanwhile is not None else []

        def on_delta(text: str) -> None:
            self.keeper.check()
            if stream:
                self.stream.delta(text)
            if pending:
                with contextlib.suppress(Exception):  # the check after the reply does it again, and raises
                    pending.pop()()

        with self.model_slot():
            result = llm.stream_chat(
                self.spec,
                messages,
                on_delta=on_delta,
                schema=schema,
                temperature=temperature,
                max_tokens=max_tokens,
            )
            if stream:
                self.stream.flush()
        self.figures["tokens_in"] += result.tokens_in
        self.figures["tokens_out"] += result.tokens_out
        self.figures["cost"] += self.spec.cost(result.tokens_in, result.tokens_out)
        self.figures["model"] = result.model
        if self.figures.get("ttft_ms") is None and result.ttft_ms is not None and stream:
            self.figures["ttft_ms"] = result.ttft_ms
        return result

    @contextlib.contextmanager
    def model_slot(self) -> Iterator[None]:
        """Hold one of the model's slots (a Redis semaphore shared by every process), renewed with the lease."""
        sem = Semaphore(f"model:{self.spec.name}", self.spec.concurrency, lease_s=get_settings().job_lease_s)
        holder = f"{self.job_id}:{uuid.uuid4().hex[:8]}"
        self.keeper.check()
        with TURNS.given_up(), sem.slot(holder, on_wait=self.keeper.check):  # a slot and a reply are waits
            self.keeper.semaphores.append((sem, holder))
            try:
                yield
            finally:
                self.keeper.semaphores.remove((sem, holder))

    @property
    def offline(self) -> bool:
        """True when this job runs on the offline engine: handlers call core.offline instead of `structured`."""
        return self.spec.is_offline

    def offline_reply(self, compute: Callable[[], ReplyT], *, stream: bool = True) -> ReplyT:
        """Compute an offline reply under the engine's cap, then stream its JSON text like the AI would."""
        with self.model_slot():
            reply = compute()
        self.figures["model"] = self.spec.engine_label
        if stream:
            first = time.monotonic()
            with TURNS.given_up():  # the pauses are for the page, not for the CPU
                self._stream_offline(reply.model_dump_json(), first)
        return reply

    def _stream_offline(self, text: str, first: float) -> None:
        for chunk in offline_chunks(text):
            self.keeper.check()
            self.stream.delta(chunk)
            self.figures.setdefault("ttft_ms", int((time.monotonic() - first) * 1000))
            time.sleep(OFFLINE_CHUNK_PAUSE_S)
        self.stream.flush()

    def structured(
        self,
        model: type[BaseModel],
        messages: llm.Messages,
        *,
        stream: bool = True,
        meanwhile: Callable[[], object] | None = None,
    ) -> Any:
        """Ask for JSON matching `model`'s schema and validate it (invalid output is retried)."""
        reply = self.complete(messages, schema=llm.reply_schema(model), stream=stream, meanwhile=meanwhile)
        return llm.validate(model, reply.text)


# An offline reply is streamed in at most this many chunks, three per 100 ms: the page's streaming view shows
# it growing for about a second, as it would an AI's, without making a fast result wait long.
OFFLINE_MAX_CHUNKS = 30
OFFLINE_CHUNK_PAUSE_S = 0.033


def offline_chunks(text: str, max_chunks: int = OFFLINE_MAX_CHUNKS) -> list[str]:
    """Split a reply's text into small pieces for the stream (joined, they are the text)."""
    size = max(16, -(-len(text) // max_chunks))
    return [text[i : i + size] for i in range(0, len(text), size)]


class Handler(Protocol):
    """One job kind's domain logic. `run` may take long; `store` and `on_failed` run inside a transaction."""

    kind: str
    is_stream: bool
    # How much earlier than its claim this kind's job stands in line for the CPU (see core.cpu_turns).
    turn_head_start_s: float

    def run(self, ctx: JobContext) -> Any: ...

    def store(self, session: Session, job: Job, result: Any) -> list[FollowUp]: ...

    def on_started(self, session: Session, claim: jobs.Claim) -> None: ...

    def on_failed(self, session: Session, job: Job) -> None: ...


HANDLERS: dict[str, Handler] = {}


def register(handler: Handler) -> Handler:
    HANDLERS[handler.kind] = handler
    return handler


def install_handlers(handlers: Iterable[Handler]) -> None:
    """Make these the handlers of this process (its composition root calls this at start-up)."""
    for handler in handlers:
        register(handler)


def execute(job_id_text: str) -> None:
    """Run one job to an end: succeeded, retried later, or failed and refunded. Safe to call twice."""
    job_id = uuid.UUID(job_id_text)
    dispatch.clear_marker(job_id_text)
    with autocommit() as connection:
        claim = jobs.claim(connection, job_id)
    if claim is None:
        return
    handler = HANDLERS.get(claim.kind)
    if handler is not None:
        with unit_of_work() as session:  # no round trip unless the handler writes something
            handler.on_started(session, claim)
    started = time.monotonic()
    writer = StreamWriter(job_id_text)
    registry = get_registry()
    # A job asked for offline (the fall-back after a provider failed) runs there whatever the route says.
    offline = claim.params.get("engine") == OFFLINE
    spec = registry.offline() if offline else registry.route(claim.queue, claim.kind)
    if claim.attempts > 1:
        with contextlib.suppress(redis.RedisError):
            writer.reset()
    head_start = handler.turn_head_start_s if handler is not None else 0.0
    with LeaseKeeper(claim) as keeper, TURNS.held(head_start):
        ctx = JobContext(
            job_id=job_id,
            user_id=claim.user_id,
            kind=claim.kind,
            queue=claim.queue,
            service_id=claim.service_id,
            asset_id=claim.asset_id,
            params=dict(claim.params),
            attempts=claim.attempts,
            spec=spec,
            stream=writer,
            keeper=keeper,
        )
        _run_and_finish(ctx, claim, handler, writer, started)


def _run_and_finish(
    ctx: JobContext, claim: jobs.Claim, handler: Handler | None, writer: StreamWriter, started: float
) -> None:
    error: str | None = None
    state = "succeeded"
    try:
        if handler is None:
            raise PermanentUpstreamError(f"no handler for job kind {ctx.kind}", user_key="error.internal")
        result = handler.run(ctx)
        ctx.keeper.check()
        ctx.figures["latency_ms"] = int((time.monotonic() - started) * 1000)
        followups: list[FollowUp] = []
        with unit_of_work() as session:
            if (job := jobs.mark_succeeded(session, claim, ctx.figures)) is None:
                raise JobLost(str(ctx.job_id))
            followups = handler.store(session, job, result)
        for follow in followups:
            dispatch.enqueue(follow.job_id, follow.queue)
        with contextlib.suppress(redis.RedisError):
            writer.done()
    except JobLost:
        state, error = "lost", "lease lost"
    except (TransientUpstreamError, redis.RedisError) as exc:
        # A Redis blip (stream append, model slot) is as passing as an upstream 429: retry, don't fail.
        detail = exc.detail if isinstance(exc, TransientUpstreamError) else f"redis: {type(exc).__name__}"
        user_key = exc.user_key if isinstance(exc, TransientUpstreamError) else "error.upstream"
        error = detail
        if claim.attempts < get_settings().job_max_attempts:
            delay = jobs.backoff_delay(claim.attempts)
            with unit_of_work() as session:
                requeued = jobs.requeue_for_retry(session, claim, delay, detail)
            if requeued:
                with contextlib.suppress(redis.RedisError):
                    writer.status("status.retrying")
                dispatch.enqueue(str(ctx.job_id), ctx.queue, delay)  # if Redis is down, the reaper re-sends it
                state = "retrying"
            else:
                state = "lost"
        else:
            state = _fail(ctx, claim, handler, user_key, detail, writer)
    except PermanentUpstreamError as exc:
        error = exc.detail
        state = _fail(ctx, claim, handler, exc.user_key, exc.detail, writer)
    except UserError as exc:
        error = exc.key
        state = _fail(ctx, claim, handler, exc.key, exc.key, writer)
    except Exception as exc:
        error = type(exc).__name__
        _log.exception("job_crashed", extra={"fields": {"jobId": str(ctx.job_id), "taskName": ctx.kind}})
        state = _fail(ctx, claim, handler, "error.internal", type(exc).__name__, writer)
    log_event(
        _log,
        "job_end",
        userId=str(ctx.user_id),
        serviceId=str(ctx.service_id or ""),
        taskId=str(ctx.job_id),
        taskName=ctx.kind,
        queue=ctx.queue,
        model=ctx.spec.model,
        state=state,
        latencyMs=int((time.monotonic() - started) * 1000),
        ttftMs=ctx.figures.get("ttft_ms"),
        isStream=bool(handler and handler.is_stream),
        tokenInput=ctx.figures["tokens_in"],
        tokenOutput=ctx.figures["tokens_out"],
        cost=round(float(ctx.figures["cost"]), 6),
        attempts=claim.attempts,
        error=error,
    )


def _fail(
    ctx: JobContext, claim: jobs.Claim, handler: Handler | None, key: str, detail: str, writer: StreamWriter
) -> str:
    with unit_of_work() as session:
        job = jobs.fail(session, ctx.job_id, error_key=key, detail=detail, token=claim.token)
        if job is not None and handler is not None:
            handler.on_failed(session, job)
    if job is None:
        return "lost"
    with contextlib.suppress(redis.RedisError):  # the stored error is the truth; the event only wakes readers
        writer.error(key)
    return "failed"


def fail_from_reaper(session: Session, job_id: uuid.UUID, key: str, detail: str, from_states: tuple[str, ...]) -> bool:
    """Final failure decided outside a worker (lease expired too often, message lost too often)."""
    job = jobs.fail(session, job_id, error_key=key, detail=detail, from_states=from_states)
    if job is None:
        return False
    handler = HANDLERS.get(job.kind)
    if handler is not None:
        handler.on_failed(session, job)
    try:
        StreamWriter(str(job_id)).error(key)
    except Exception:
        pass
    return True


class BaseHandler:
    """Defaults for handlers: nothing to do on start, no follow-ups, nothing to undo on failure."""

    kind = ""
    is_stream = True
    turn_head_start_s = 0.0

    def run(self, ctx: JobContext) -> Any:
        raise NotImplementedError

    def store(self, session: Session, job: Job, result: Any) -> list[FollowUp]:
        return []

    def on_started(self, session: Session, claim: jobs.Claim) -> None:
        return None

    def on_failed(self, session: Session, job: Job) -> None:
        return None
