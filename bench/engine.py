"""Engine benchmark (issue 4): platform overhead on time to first token, and jobs per second at a cap.

    python -m bench.engine [--jobs 50] [--throughput-jobs 100]

Overhead: 50 users each start one probe job at the same moment (core.probe.start_probe, the smallest
charged streaming job). A reader per job XREADs the job's stream; overhead is the time from the use case's
call to the first delta the reader receives, minus the fake upstream's own first-token delay (300 ms). The
model cap (50) and the consumers' workers (2 x 28) are high enough that nothing queues, so what is left
is the platform: the charging transaction, Huey's hand-off, the claim, semaphore, client, XADD and XREAD.

Each job's path is also split into segments, all on this machine's wall clock (Postgres `now()` included):
use case call -> committed and enqueued -> claimed by a worker (jobs.started_at) -> request arrives at the
upstream (recorded by the fake) -> first delta read (minus the injected delay).

Throughput: 100 probes queued at once against a model capped at 5, two consumers of 8 workers (the
product's default), first with an instant upstream (the engine's own ceiling), then with 300 ms to first
token (bound by the cap: the ideal is cap / per-call time).
"""

from __future__ import annotations

import argparse
import os
import statistics
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.harness import BenchStack, emit, percentile, user_with_coins

FIRST_TOKEN_DELAY_S = 0.3
ENGINE_ENV = {"JOB_LEASE_S": "30", "LLM_TIMEOUT_S": "30"}


@dataclass
class Trace:
    """Wall-clock instants (seconds since the epoch) of one probe job's way to its first token."""

    called: float = 0.0
    returned: float = 0.0
    claimed: float = 0.0
    upstream: float = 0.0
    first_read: float = 0.0
    job_id: str = ""


def _arrivals(fake: Any) -> dict[str, float]:
    """Make the fake note when each probe's request arrives (the prompt carries the probe's tag)."""
    seen: dict[str, float] = {}

    def responder(request: dict[str, Any]) -> str | None:
        now = time.time()
        for message in request.get("messages", []):
            content = str(message.get("content", ""))
            if content.startswith("probe-"):
                seen.setdefault(content.split()[0], now)
        return None

    fake.responder = responder
    return seen


def _first_delta(job_id: str, timeout_s: float = 60) -> float:
    """Block on the job's stream like the page does; the wall time the first delta reached the reader."""
    from core import streams

    after, deadline = "0-0", time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        for event in streams.read(job_id, after, block_ms=2000):
            after = event.id
            if event.kind == "delta":
                return time.time()
            if event.kind == "error":
                raise RuntimeError(f"probe failed: {event.data}")
    raise RuntimeError("no delta in time")


def _claim_times(traces: list[Trace]) -> None:
    from sqlalchemy import select

    from db.models import Job
    from db.session import unit_of_work

    ids = {uuid.UUID(t.job_id): t for t in traces if t.job_id}
    with unit_of_work() as session:
        for job_id, started in session.execute(select(Job.id, Job.started_at).where(Job.id.in_(list(ids)))):
            if started is not None:
                ids[job_id].claimed = started.timestamp()


def _concurrent_probes(bs: BenchStack, count: int, tag: str) -> list[Trace]:
    from core.probe import start_probe

    users = [user_with_coins(5) for _ in range(count)]
    arrivals = _arrivals(bs.fake)
    traces = [Trace() for _ in range(count)]
    barrier = threading.Barrier(count)
    errors: list[str] = []

    def one(i: int) -> None:
        trace = traces[i]
        barrier.wait()
        trace.called = time.time()
        try:
            result = start_probe(users[i], f"{tag}-{i}", prompt=f"probe-{tag}-{i} say hello", max_tokens=32)
            trace.returned = time.time()
            trace.job_id = result.data["job_id"]
            trace.first_read = _first_delta(trace.job_id)
        except Exception as exc:  # reported, and the bench fails below
            errors.append(type(exc).__name__)

    threads = [threading.Thread(target=one, args=(i,), daemon=True) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    if errors:
        raise RuntimeError(f"{len(errors)} probes failed: {sorted(set(errors))}")
    _claim_times(traces)
    for i, trace in enumerate(traces):
        trace.upstream = arrivals.get(f"probe-{tag}-{i}", 0.0)
    bs.fake.responder = None
    return traces


def _report_overhead(traces: list[Trace], delay_s: float) -> float:
    def ms(values: list[float]) -> tuple[float, float]:
        return statistics.median(values) * 1000, percentile(values, 95) * 1000

    overhead = [t.first_read - t.called - delay_s for t in traces]
    p50, p95 = ms(overhead)
    emit("engine_concurrent_jobs", len(traces), "count")
    emit("engine_ttft_overhead_p50", p50, "ms")
    emit("engine_ttft_overhead_p95", p95, "ms")
    emit("engine_ttft_overhead_max", max(overhead) * 1000, "ms")
    segments = {
        "use_case": [t.returned - t.called for t in traces],
        "enqueue_to_claim": [t.claimed - t.returned for t in traces],
        "claim_to_upstream": [t.upstream - t.claimed for t in traces],
        "upstream_to_reader": [t.first_read - t.upstream - delay_s for t in traces],
    }
    for name, values in segments.items():
        s50, s95 = ms(values)
        emit(f"engine_segment_{name}_p50", s50, "ms")
        emit(f"engine_segment_{name}_p95", s95, "ms")
    return p95


def _cpu_seconds(bs: BenchStack) -> float:
    """CPU time (user + system) used so far by this driver, the consumers, Redis and Postgres's processes."""
    pids = {os.getpid(), *(p.pid for p in (bs.consumers.procs.values() if bs.consumers else []))}
    if bs.stack.redis is not None and bs.stack.redis.process is not None:
        pids.add(bs.stack.redis.process.pid)
    pidfile = bs.workdir / "stack" / "pg" / "postmaster.pid"
    if pidfile.exists():
        postmaster = int(pidfile.read_text().split()[0])
        pids.add(postmaster)
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == postmaster:
                pids.add(int(stat.parent.name))
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks


def _final_count(job_ids: list[str]) -> int:
    from sqlalchemy import func, select

    from db.models import Job
    from db.session import unit_of_work

    with unit_of_work() as session:
        ids = [uuid.UUID(j) for j in job_ids]
        return int(
            session.scalar(
                select(func.count()).where(Job.id.in_(ids), Job.state.in_(("succeeded", "failed", "cancelled")))
            )
            or 0
        )


def _throughput(bs: BenchStack, count: int, delay_s: float, tag: str) -> tuple[float, int]:
    """Queue `count` probes at once (10 users), time until all are final; (jobs/s, upstream peak)."""
    from core.probe import start_probe

    bs.fake.first_token_delay = delay_s
    bs.fake.peak.clear()
    users = [user_with_coins(count) for _ in range(10)]
    started = time.perf_counter()
    job_ids = [
        start_probe(users[i % 10], f"{tag}-{i}", prompt="say hello", max_tokens=32).data["job_id"] for i in range(count)
    ]
    deadline = time.monotonic() + 240
    while _final_count(job_ids) < count:
        if time.monotonic() > deadline:
            raise RuntimeError("throughput jobs did not finish in time")
        time.sleep(0.05)
    return count / (time.perf_counter() - started), max(bs.fake.peak.values() or [0])


def run(count: int, throughput_jobs: int) -> int:
    with BenchStack(model_cap=max(50, count), env=ENGINE_ENV, prefix="bench-engine-") as bs:
        assert bs.consumers is not None
        workers = count // 2 + 3
        bs.consumers.start("paid-a", "paid", workers=workers)
        bs.consumers.start("paid-b", "paid", workers=workers)
        bs.fake.reply = "Hello there, this is a short probe reply."
        bs.fake.token_interval = 0.005
        _concurrent_probes(bs, 10, "warm")  # consumer imports, connection pools, the openai client
        bs.fake.first_token_delay = FIRST_TOKEN_DELAY_S
        cpu_before, wall_before = _cpu_seconds(bs), time.perf_counter()
        traces = _concurrent_probes(bs, count, "run")
        cpu_used, wall = _cpu_seconds(bs) - cpu_before, time.perf_counter() - wall_before
        _report_overhead(traces, FIRST_TOKEN_DELAY_S)
        emit("engine_upstream_peak_concurrency", max(bs.fake.peak.values() or [0]), "count")
        # CPU the whole platform burnt per job, and how busy the machine's cores were during the burst.
        emit("engine_cpu_per_job", cpu_used / count * 1000, "ms")
        emit("engine_cpu_busy_during_burst", cpu_used / wall / (os.cpu_count() or 1) * 100, "%")
        single = [_concurrent_probes(bs, 1, f"one{i}")[0] for i in range(10)]
        overhead = [t.first_read - t.called - FIRST_TOKEN_DELAY_S for t in single]
        emit("engine_ttft_overhead_single_job_p50", statistics.median(overhead) * 1000, "ms")
        emit("engine_ttft_overhead_single_job_max", max(overhead) * 1000, "ms")

        bs.consumers.stop_all()
        bs.set_caps(5)
        bs.consumers.start("paid-c", "paid", workers=8)
        bs.consumers.start("paid-d", "paid", workers=8)
        bs.fake.token_interval = 0.0
        _throughput(bs, 10, 0.0, "tp-warm")
        rate, peak = _throughput(bs, throughput_jobs, 0.0, "tp-fast")
        emit("engine_jobs_per_s_cap5_instant_upstream", rate, "jobs/s")
        rate, peak2 = _throughput(bs, throughput_jobs // 2, FIRST_TOKEN_DELAY_S, "tp-slow")
        emit("engine_jobs_per_s_cap5_300ms_upstream", rate, "jobs/s")
        emit("engine_jobs_per_s_cap5_300ms_ideal", 5 / FIRST_TOKEN_DELAY_S, "jobs/s")
        emit("engine_cap5_upstream_peak", max(peak, peak2), "count")
        return 0 if max(peak, peak2) <= 5 else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jobs", type=int, default=50, help="concurrent probe jobs for the overhead figure")
    parser.add_argument("--throughput-jobs", type=int, default=100)
    args = parser.parse_args(argv)
    return run(args.jobs, args.throughput_jobs)


if __name__ == "__main__":
    raise SystemExit(main())
