"""CPU of a "Match and tailor" click and of each step's work before its upstream request, one at a time.

    python -m bench.step_cpu [--services 24]

The burst bench (bench.workbench_paths) gives the waits users feel, but twenty services at once on two shared
cores spread its figures by ±100 ms between identical runs, more than a fifth of the CPU cut from a step moves
them. This one runs the same steps on the same documents sequentially in one process (the jobs executed
in-process by core.worker.execute, the fake upstream answering at once) and prints each step's thread CPU from
its start to its upstream request (and to its end), median over the services after a warm-up, beside this
machine's reference loop. The figure to compare between runs and hours is the ratio of a service's CPU before
its three requests to the reference loop timed just before that service (the machine's speed drifts within a
run as well as between runs).
Documents of real length, every JD its own (as in the burst).
"""

from __future__ import annotations

import argparse
import statistics
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from bench.harness import BenchStack, emit, reference_cpu_ms

# Match first: in a burst the extraction reads the JD only once its reply is in, long after Match (often in
# another process) has read it and handed it on; run first here, its read would serve Match from this process's
# cache and hide the cost Match pays in the burst.
KINDS = ("match", "customize", "extract")
WARM = 4  # services run first and not counted: imports, the vocabulary, pools, the query's vector


@contextmanager
def _request_clock(marks: dict[str, float]) -> Iterator[None]:
    """Record the calling thread's CPU time when a step sends its first upstream request."""
    import openai._base_client as base

    original = base.SyncAPIClient.request

    def request(self: Any, *args: Any, **kwargs: Any) -> Any:
        marks.setdefault("request", time.thread_time())
        return original(self, *args, **kwargs)

    base.SyncAPIClient.request = request  # type: ignore[method-assign]
    try:
        yield
    finally:
        base.SyncAPIClient.request = original  # type: ignore[method-assign]


def run(report: Callable[[str, str | float | int, str], None], services: int) -> dict[str, float]:
    from sqlalchemy import select

    from bench.workbench_paths import RESPONDER, SKILLS, WARM_SKILLS, _marker, _paste, _user, jd_naming
    from core import worker
    from core.workbench import services as workbench
    from db.models import Job
    from db.session import unit_of_work
    from knowledge.ingest import ingest

    reference = reference_cpu_ms()
    report("step_cpu_machine_reference_loop", reference, "ms")
    with BenchStack(model_cap=services, prefix="bench-step-cpu-", fake_process=True) as bench:
        ingest(progress=False)
        bench.fake.configure(responder=RESPONDER, first_token_delay=0.0, token_interval=0.0)
        skills = (*SKILLS, *WARM_SKILLS)
        total = services + WARM
        users = [_user(_marker(i), True) for i in range(total)]
        clicks: list[float] = []
        created: list[uuid.UUID] = []
        for i, user in enumerate(users):
            jd = jd_naming(f"{skills[i % len(skills)]}{i}", _marker(i), True)
            _paste([user], [jd])  # the page's preview reads the posting when it is pasted, before the click
            started = time.thread_time()
            data = workbench.create_service(user, idempotency_key="c", jd_text=jd, tailor=True).data
            clicks.append((time.thread_time() - started) * 1000)
            created.append(uuid.UUID(data["service_id"]))
        with unit_of_work() as session:
            rows = session.scalars(select(Job).where(Job.service_id.in_(created)))
            job_of = {(job.service_id, job.kind): str(job.id) for job in rows}
        before: dict[str, list[float]] = {kind: [] for kind in KINDS}
        whole: dict[str, list[float]] = {kind: [] for kind in KINDS}
        ratios: list[float] = []  # each service's CPU before its requests over the reference loop timed beside it
        marks: dict[str, float] = {}
        with _request_clock(marks):
            for n, service_id in enumerate(created):
                beside = reference_cpu_ms(rounds=2)  # the machine's speed drifts within a run, too
                for kind in KINDS:
                    marks.clear()
                    started = time.thread_time()
                    worker.execute(job_of[(service_id, kind)])
                    ended = time.thread_time()
                    if n >= WARM and "request" in marks:
                        before[kind].append((marks["request"] - started) * 1000)
                        whole[kind].append((ended - started) * 1000)
                if n >= WARM:
                    ratios.append(sum(before[kind][-1] for kind in KINDS) / beside)
        with unit_of_work() as session:
            failed = sum(
                1 for job in session.scalars(select(Job).where(Job.service_id.in_(created))) if job.state != "succeeded"
            )
    figures = {"click": statistics.median(clicks[WARM:])}
    report("step_cpu_services", services, "count")
    report("step_cpu_jobs_failed", failed, "count")
    report("step_cpu_click", figures["click"], "ms")
    for kind in KINDS:
        figures[kind] = statistics.median(before[kind])
        report(f"step_cpu_{kind}_before_request", figures[kind], "ms")
        report(f"step_cpu_{kind}_whole", statistics.median(whole[kind]), "ms")
    service = sum(figures[kind] for kind in KINDS)
    report("step_cpu_service_before_requests", service, "ms")
    figures["ratio"] = statistics.median(ratios)
    report("step_cpu_service_before_requests_over_reference", figures["ratio"], "ratio (per service, loop beside it)")
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--services", type=int, default=24)
    args = parser.parse_args(argv)
    run(emit, args.services)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
