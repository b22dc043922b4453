"""Issue 21's acceptance run: N users click "Match and tailor" at once against a provider-like upstream.

The fake upstream draws each reply's first-token delay and token rate from a provider profile
(testkit/fakes/profile.py; "realistic" = DeepSeek-like paid model). Every service carries a marker
(BX0001...) in its JD and resume, so the fake times each upstream reply of each service: arrival, first
content chunk, last chunk. Printed, each beside the provider's own figure:

- click -> first Match token (the Redis stream id of the first delta, the server's clock) against the
  provider's first-token delay of the Match replies; target p95 <= provider p95 + 1.0 s;
- click -> tailored resume complete (the Customize job's finished_at) over the sum of the durations of the
  service's upstream replies (extraction + Match + Customize); strictly serial >= 1.0, target <= 0.6;
- platform overhead per step: a job's queued -> finished minus its upstream reply's duration; target p50 <= 200 ms.
  Every step of "Match and tailor" is queued by the click, so it is queued from the click's instant, not from
  its row's created_at (the start of the click's transaction): whatever the click waits for before its
  transaction begins is overhead the user feels.

Each JD also names one extra skill of its own, so no two services read the same JD, and the warm-up's JDs name
others. The knowledge query is the candidate's situation (core.workbench.situation), one of a fixed few that
every user shares: the warm-up leaves its vector computed, as a production process's first minutes do.
Clocks: Postgres now(), Redis stream ids and the fake's time.time() are this machine's wall clock.
"""

from __future__ import annotations

import statistics
import threading
import time
import uuid
from collections.abc import Callable
from typing import Any

from bench.harness import BenchStack, first_delta, percentile, reference_cpu_ms

Report = Callable[[str, str | float | int, str], None]
SKILLS = (
    "Go", "Java", "Docker", "Kubernetes", "AWS", "Redis", "GraphQL", "React", "TypeScript", "Terraform",
    "Spark", "Airflow", "Django", "Flask", "FastAPI", "gRPC", "Linux", "MySQL", "MongoDB", "Elasticsearch",
)  # fmt: skip
# The warm-up's own skills: no measured service finds its JD's reading done by a warm-up one.
WARM_SKILLS = ("Scala", "Ruby", "PHP", "Swift", "Kotlin", "Perl", "Elixir", "Haskell", "Ansible", "Jenkins")
RESPONDER = "testkit.workbench:responder"
TITLES = {"JobSummary": "extract", "MatchReply": "match", "CustomizeReply": "customize"}


def _marker(i: int) -> str:
    return f"BX{i:04d}"


def _user(marker: str, full: bool) -> uuid.UUID:
    from bench.harness import user_with_coins
    from testkit.latency import add_text_assets

    user = user_with_coins(50)
    add_text_assets(user, marker, full=full)
    return user


def jd_naming(skill: str, marker: str, full: bool) -> str:
    """The bench JD asking for `skill` too, so no two services read the same JD (bench.workbench uses it as well)."""
    from testkit.latency import jd_with

    plain = jd_with(marker, full=full)
    jd = plain.replace("and Rust required", f"Rust and {skill} required")
    assert jd != plain  # the skill lands in must_have, which coverage reads
    return jd


def _jobs(service_ids: list[str]) -> dict[str, dict[str, Any]]:
    """{service id: {kind: job row figures}} once every job of these services is final.

    Only the columns the figures need: the poll runs while the consumers work, and whole rows (the params,
    the encrypted result) cost the driver CPU the cores the measured steps run on.
    """
    from sqlalchemy import select

    from db.models import Job
    from db.session import unit_of_work

    ids = [uuid.UUID(s) for s in service_ids]
    columns = (Job.service_id, Job.kind, Job.state, Job.created_at, Job.started_at, Job.finished_at, Job.attempts)
    deadline = time.monotonic() + 300
    while True:
        with unit_of_work() as session:
            rows = session.execute(select(*columns).where(Job.service_id.in_(ids))).all()
        out: dict[str, dict[str, Any]] = {}
        for row in rows:
            out.setdefault(str(row.service_id), {})[row.kind] = {
                "state": row.state,
                "created": row.created_at.timestamp(),
                "started": row.started_at.timestamp() if row.started_at else None,
                "finished": row.finished_at.timestamp() if row.finished_at else None,
                "attempts": row.attempts,
            }
        if all(j["state"] in ("succeeded", "failed") for s in out.values() for j in s.values()):
            return out
        if time.monotonic() > deadline:
            raise RuntimeError("services did not finish in time")
        time.sleep(0.2)


def _redis_calls() -> dict[str, int]:
    """Redis's own count of each command it has run (INFO commandstats)."""
    from core.redis_conn import get_redis

    stats = get_redis().info("commandstats")
    return {name.removeprefix("cmdstat_"): int(value["calls"]) for name, value in stats.items()}


def _report_redis_calls(report: Report, before: dict[str, int], after: dict[str, int], services: int) -> None:
    """Redis commands per service over the measured burst (the driver's reads of each first token included).
    A count, not a timing: the streams' appends (xadd, expire) batch by time and idle workers' brpop time out,
    so those move a little between runs; the rest is what each step asks of Redis."""
    spent = {name: calls - before.get(name, 0) for name, calls in after.items() if calls > before.get(name, 0)}
    report("paths_redis_commands_per_service", round(sum(spent.values()) / services, 1), "count")
    top = sorted(spent.items(), key=lambda item: -item[1])[:6]
    report("paths_redis_commands_top", " ".join(f"{name}={calls / services:.1f}" for name, calls in top), "per service")


WARM_ROUNDS = 2


def _warm_up(count: int, full: bool) -> None:
    """Leave the stack as a production one that has served bursts like the measured one: warm, not fresh.

    Imports, the vocabulary, the embedding model and the pools load in any run; what a sequential warm-up
    left cold was the Postgres sessions. A backend's first click or job builds its catalog caches and plans
    (9-17 ms of Postgres CPU for a click, against 3-4 ms on a session that has served some). So each round is
    `count` clicks at once, as measured: every web-pool connection serves one, and the 3 x `count` jobs reach
    the consumers' worker threads in turn (Redis hands a pushed task to the longest-waiting BRPOP), so two
    rounds reach every worker's connection.
    """
    for round_ in range(WARM_ROUNDS):
        _jobs(_clicks_at_once([_marker(9000 + round_ * count + i) for i in range(count)], full))


def _paste(users: list[uuid.UUID], jds: list[str]) -> None:
    """Each user pastes their JD and the page shows what it asks (core.workbench.preview), as the Workbench does
    before its buttons are clicked; the web process keeps that read for the click. One after another, as users'
    pastes arrive before a burst of clicks."""
    from core.workbench.preview import preview_posting

    for user, jd in zip(users, jds, strict=True):
        assert preview_posting(user, jd) is not None


def _clicks_at_once(markers: list[str], full: bool) -> list[str]:
    """One warm-up click per marker, all at once (one thread each, as the measured burst); their service ids."""
    from core.workbench import services

    users = [_user(m, full) for m in markers]
    jds = [jd_naming(WARM_SKILLS[i % len(WARM_SKILLS)], markers[i], full) for i in range(len(markers))]
    _paste(users, jds)
    ids = [""] * len(markers)

    def click(i: int) -> None:
        ids[i] = services.create_service(users[i], idempotency_key="w", jd_text=jds[i], tailor=True).data["service_id"]

    threads = [threading.Thread(target=click, args=(i,)) for i in range(len(markers))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    return ids


def bench_match_and_tailor(
    report: Report, count: int, profile_name: str = "realistic", documents: str = "full"
) -> dict[str, float]:
    """Run the acceptance scenario; returns the headline figures (also printed through `report`).

    `documents`: "full" (default) gives every user a resume, history and JD of the lengths users upload
    (testkit.latency.FULL_*: a one-page resume, a dozen requirements); "short" the
    few-line ones the figures before 2026-12-02 were measured on.
    """
    from core.warmup import freeze_long_lived
    from core.workbench import services
    from testkit.fakes.profile import profile

    full = documents == "full"
    report("paths_machine_reference_loop", reference_cpu_ms(), "ms")
    report("paths_documents", documents, "(full: as users upload; short: a few lines)")
    # The provider runs in a process of its own: in production it is not on this machine at all, and in the
    # driver's interpreter its SSE writing would queue behind the clicking threads on one GIL.
    with BenchStack(model_cap=count * 3 + 3, prefix="bench-paths-", fake_process=True) as bench:
        assert bench.consumers is not None
        for n in range(2):
            bench.consumers.start(f"paths-{n}", "paid", workers=(count * 3) // 2 + 3)
        from core.embeddings import use_all_cores
        from db.session import open_connections
        from knowledge.ingest import ingest

        use_all_cores()  # as knowledge.ingest does (its own process in production; the consumers use one core)
        ingest(progress=False)  # the knowledge base `make run` loads: retrieval finds passages, as in production
        open_connections(count)  # a web process that has served this many users at once has its pool open
        fake = bench.fake
        fake.configure(responder=RESPONDER)
        _warm_up(count, full)
        freeze_long_lived()  # as the web process does at its start (asgi.start_web): this driver plays it
        fake.configure(profile=profile_name, marker=r"BX\d{4}", clear_stats=True)
        markers = [_marker(i) for i in range(count)]
        users = [_user(m, full) for m in markers]
        jds = [jd_naming(SKILLS[i % len(SKILLS)], markers[i], full) for i in range(count)]
        _paste(users, jds)
        clicks, first_ms, created = [0.0] * count, [0.0] * count, [""] * count
        barrier = threading.Barrier(count)

        def one(i: int) -> None:
            barrier.wait()
            clicks[i] = time.time()
            data = services.create_service(users[i], idempotency_key="c", jd_text=jds[i], tailor=True).data
            created[i] = data["service_id"]
            first_ms[i] = int(first_delta(data["match_job_id"], 300).id.split("-")[0]) / 1000

        threads = [threading.Thread(target=one, args=(i,)) for i in range(count)]
        redis_before = _redis_calls()
        for t in threads:
            t.start()
        for t in threads:
            t.join(400)
        jobs = _jobs(created)
        _report_redis_calls(report, redis_before, _redis_calls(), count)
        timings: dict[tuple[str, str], dict[str, float]] = {}
        for record in fake.stats()["timings"]:
            if record.get("ended") and record["title"] in TITLES:
                timings[(record["marker"], TITLES[record["title"]])] = record  # a retry's reply replaces the first
        report("paths_model_cap", max(bench.caps().values()), "count")
        report("paths_upstream_peak_concurrency", max(fake.stats()["peak"].values() or [0]), "count")
        return _figures(report, profile(profile_name)["fake-paid"], markers, clicks, first_ms, created, jobs, timings)


def _figures(
    report: Report,
    paid: Any,
    markers: list[str],
    clicks: list[float],
    first_ms: list[float],
    created: list[str],
    jobs: dict[str, dict[str, Any]],
    timings: dict[tuple[str, str], dict[str, float]],
) -> dict[str, float]:
    click_to_first, provider_first, ratios, sums, completes = [], [], [], [], []
    overheads: dict[str, list[float]] = {"extract": [], "match": [], "customize": []}
    segments: dict[str, list[float]] = {"queued_to_claimed": [], "claimed_to_upstream": [], "reply_end_to_done": []}
    failed = 0
    for i, marker in enumerate(markers):
        steps = jobs[created[i]]
        replies = {kind: timings.get((marker, kind)) for kind in TITLES.values()}
        if any(s["state"] != "succeeded" for s in steps.values()) or not all(replies.values()):
            failed += 1
            continue
        click_to_first.append(first_ms[i] - clicks[i])
        provider_first.append(replies["match"]["first_sent"] - replies["match"]["arrived"])  # type: ignore[index]
        durations = {k: r["ended"] - r["arrived"] for k, r in replies.items() if r}
        total = sum(durations.values())
        complete = steps["customize"]["finished"] - clicks[i]
        sums.append(total)
        completes.append(complete)
        ratios.append(complete / total)
        for kind, duration in durations.items():
            if steps[kind]["attempts"] == 1:  # a retried step's wait for its backoff is not per-step overhead
                step, reply = steps[kind], replies[kind]
                assert reply is not None
                queued = min(clicks[i], step["created"])  # queued by the click (see the module's docstring)
                overheads[kind].append(step["finished"] - queued - duration)
                spans = {
                    "queued_to_claimed": step["started"] - queued,
                    "claimed_to_upstream": reply["arrived"] - step["started"],
                    "reply_end_to_done": step["finished"] - reply["ended"],
                }
                for name, span in spans.items():
                    segments[name].append(span)
                    segments.setdefault(f"{name}_{kind}", []).append(span)
    ms = 1000.0
    every = [v for values in overheads.values() for v in values]
    figures = {
        "click_to_first_match_token_p95": percentile(click_to_first, 95) * ms,
        "provider_first_token_p95": percentile(provider_first, 95) * ms,
        "ratio_p50": statistics.median(ratios),
        "ratio_p95": percentile(ratios, 95),
        "overhead_p50": statistics.median(every) * ms,
    }
    report("paths_profile_paid", f"{paid.name} ttft~{paid.first_token_s}s tok/s~{paid.tokens_per_s}", "profile")
    report("paths_services_concurrent", len(markers), "count")
    report("paths_services_failed", failed, "count")
    report("paths_click_to_first_match_token_p50", statistics.median(click_to_first) * ms, "ms")
    report("paths_click_to_first_match_token_p95", figures["click_to_first_match_token_p95"], "ms")
    report("paths_provider_match_first_token_p50", statistics.median(provider_first) * ms, "ms")
    report("paths_provider_match_first_token_p95", figures["provider_first_token_p95"], "ms")
    report(
        "paths_first_token_p95_over_provider",
        figures["click_to_first_match_token_p95"] - figures["provider_first_token_p95"],
        "ms (target <= 1000)",
    )
    report("paths_tailored_complete_p50", statistics.median(completes) * ms, "ms")
    report("paths_upstream_replies_sum_p50", statistics.median(sums) * ms, "ms")
    report("paths_tailored_complete_over_replies_sum_p50", figures["ratio_p50"], "ratio (serial >= 1.0)")
    report("paths_tailored_complete_over_replies_sum_p95", figures["ratio_p95"], "ratio (target <= 0.6)")
    report("paths_step_overhead_p50", figures["overhead_p50"], "ms (target <= 200)")
    report("paths_step_overhead_p95", percentile(every, 95) * ms, "ms")
    for kind, values in overheads.items():
        if values:
            report(f"paths_step_overhead_{kind}_p50", statistics.median(values) * ms, "ms")
    for name, values in segments.items():
        if values:
            report(f"paths_segment_{name}_p50", statistics.median(values) * ms, "ms")
            report(f"paths_segment_{name}_p95", percentile(values, 95) * ms, "ms")
    return figures
