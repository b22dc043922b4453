"""Issue 21's acceptance run works whole, as `python -m bench.workbench` runs it, and every service it starts ends
well: four benches once broke unseen because nothing ran them, and a broken bench gives no figures when they are
wanted. Two services, no browser; the figures themselves are `make bench`'s business, not a test's."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_workbench_bench_runs_whole_on_documents_of_real_length() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "bench.workbench", "--skip-browser", "--services", "2"],
        cwd=ROOT,
        env=dict(os.environ),  # the bench starts a stack of its own (it drops the test stack's URLs)
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    printed = dict(line.split(": ", 1) for line in run.stdout.splitlines() if ": " in line)
    assert printed["paths_documents"].startswith("full")
    assert printed["paths_services_failed"] == "0 count"
    for name in (
        "create_to_first_match_token_p95",
        "paths_first_token_p95_over_provider",
        "paths_tailored_complete_over_replies_sum_p95",
        "paths_step_overhead_p50",
    ):
        assert float(printed[name].split()[0]) > 0, name


def test_the_step_cpu_bench_runs_every_step_to_its_end() -> None:
    """bench.step_cpu: each step's CPU before its request, on the same documents, one service at a time."""
    run = subprocess.run(
        [sys.executable, "-m", "bench.step_cpu", "--services", "2"],
        cwd=ROOT,
        env=dict(os.environ),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    printed = dict(line.split(": ", 1) for line in run.stdout.splitlines() if ": " in line)
    assert printed["step_cpu_jobs_failed"] == "0 count"
    for name in ("click", "match_before_request", "customize_before_request", "extract_before_request"):
        assert float(printed[f"step_cpu_{name}"].split()[0]) > 0, name
