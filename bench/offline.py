"""`python -m bench.offline`: the offline engine's time per step, median and p95 over 20 services.

Each service reads its documents (`read`: resume, career history and JD through core.facts.read), then runs
every pure function of core.offline in order. Knowledge passages are picked before the clock starts (the
product retrieves them from Postgres; that cost belongs to bench.rag). Target: every step <= 2 s.
The first service also pays for loading the vocabulary; its time is printed apart as `cold`.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from bench.offline_corpus import SERVICES, pick, text

TARGET_MS = 2000.0
STEPS = ("read", "summary", "extract", "match", "customize", "interview")


def _timed(times: dict[str, list[float]], step: str, fn: Callable[[], Any]) -> Any:
    start = time.perf_counter()
    result = fn()
    times[step].append((time.perf_counter() - start) * 1000)
    return result


def run_service(index: int, times: dict[str, list[float]]) -> None:
    """One service through every step; the step times are appended to `times`."""
    from core import offline
    from core.facts.read import read_document, read_job
    from core.workbench.schemas import MatchResultData

    resume_name, detailed_name, jd_name, lang = SERVICES[index % len(SERVICES)]
    resume_text, jd_text = text(resume_name), text(jd_name)
    detailed_text = text(detailed_name) if detailed_name else None
    knowledge_match = pick("match", jd_text, lang)
    knowledge_interview = pick("interview", jd_text, lang)

    def read() -> Any:
        detailed = read_document(detailed_text, "detailed_resume") if detailed_text else None
        return read_document(resume_text, "resume"), detailed, *read_job(jd_text)

    resume, detailed, jd, job = _timed(times, "read", read)
    _timed(times, "summary", lambda: offline.summarize(resume, lang))
    _timed(times, "extract", lambda: offline.extract_job(jd, job))
    docs = offline.ServiceDocuments(resume, detailed, jd, job, lang)
    reply = _timed(times, "match", lambda: offline.match(docs, knowledge_match))
    result = MatchResultData(**reply.model_dump())
    tailored = _timed(times, "customize", lambda: offline.customize(docs, result))
    _timed(times, "interview", lambda: offline.interview(docs, tailored.markdown, result, knowledge_interview))


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=20)
    args = parser.parse_args()
    cold: dict[str, list[float]] = defaultdict(list)
    run_service(0, cold)
    times: dict[str, list[float]] = defaultdict(list)
    for index in range(args.services):
        run_service(index, times)
    print(f"offline engine, {args.services} services ({len(SERVICES)} resume/JD pairs, en + zh); ms per step")
    print(f"{'step':<10} {'cold':>8} {'median':>8} {'p95':>8} {'max':>8}")
    worst = 0.0
    for step in STEPS:
        values = times[step]
        worst = max(worst, p95(values))
        print(f"{step:<10} {cold[step][0]:8.1f} {statistics.median(values):8.1f} {p95(values):8.1f} {max(values):8.1f}")
    for step in STEPS:  # the lines bench.run collects
        print(f"offline_{step}_median: {statistics.median(times[step]):.1f} ms")
        print(f"offline_{step}_p95: {p95(times[step]):.1f} ms")
    verdict = "ok" if worst <= TARGET_MS else "over"
    print(f"target p95 <= {TARGET_MS:.0f} ms per step: {verdict} (worst p95 {worst:.1f} ms)")
    return 0 if worst <= TARGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
