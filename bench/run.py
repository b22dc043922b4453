"""`make bench`: every benchmark in its own process, one summary table, bench/results.json.

    python -m bench.run [--only ledger,engine] [--skip rag]

Each module (ledger, engine, assets, rag, workbench, step_cpu, load, ...) runs as `python -m bench.<name>` in a fresh
interpreter, so one bench's embedded stack, threads or leaked state cannot colour the next one's figures.
Their `name: value unit` lines are collected into one table with a target where the issues set one.

Two kinds of target: post-conditions (money, stuck jobs, caps, privacy: `check_*`, `ledger_anomalies`)
make the exit status 1 when violated, and so does a bench that crashes; timing targets (overhead p95,
the whole run's duration) are shown as met or MISSED but never fail the run, because a figure measured on
a busy 2-core machine is a measurement, not a verdict.
"""

from __future__ import annotations

import argparse
import json
import operator
import os
import platform
import re
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.harness import reference_cpu_ms

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results.json"
LINE = re.compile(r"^([A-Za-z][\w.\-]*): (\S+) (\S+)\s*$")
# Order: quick ones first; the load test last (it is the longest). Timeouts keep the whole run bounded.
BENCHES: tuple[tuple[str, int], ...] = (
    ("ledger", 180),
    ("engine", 300),
    ("assets", 300),
    ("rag", 420),
    ("workbench", 300),
    ("step_cpu", 180),
    ("offline", 300),
    ("grounding", 300),
    ("facts_read", 180),
    ("pdf_order", 120),
    ("hostile", 300),
    ("load", 780),
)
TOTAL_BUDGET_S = 15 * 60
OPS: dict[str, Callable[[float, float], bool]] = {
    "<": operator.lt,
    "<=": operator.le,
    "==": operator.eq,
    ">=": operator.ge,
}


@dataclass(frozen=True)
class Target:
    op: str
    value: float
    unit: str
    must: bool  # a post-condition (fails the run) rather than a timing goal

    def text(self) -> str:
        return f"{self.op} {self.value:g} {self.unit}".strip()

    def met(self, value: float) -> bool:
        return OPS[self.op](value, self.value)


GROUNDING_KINDS = (  # bench.grounding's invented-fact kinds (issue 17's list)
    "employer", "renamed_employer", "title", "promoted_title", "number", "number_digit", "date",
    "skill_in_jd", "skill_not_in_jd", "degree", "school", "certification", "version", "spoken_language",
)  # fmt: skip
OFFLINE_STEPS = ("read", "summary", "extract", "match", "customize", "interview")  # bench.offline's steps
TARGETS: dict[str, Target] = {
    "engine_steady_ttft_overhead_p95": Target("<", 100, "ms", must=False),  # 50 jobs in flight
    "engine_burst_ttft_overhead_p95": Target("<", 100, "ms", must=False),  # 50 started in one instant
    "engine_cap5_upstream_peak": Target("<=", 5, "count", must=True),
    "ledger_anomalies": Target("==", 0, "count", must=True),
    **{f"offline_{step}_p95": Target("<=", 2000, "ms", must=False) for step in OFFLINE_STEPS},
    **{f"grounding_caught_{kind}": Target(">=", 0.95, "ratio", must=False) for kind in GROUNDING_KINDS},
    "grounding_false_flags_en": Target("<=", 0.05, "ratio", must=False),
    "grounding_false_flags_zh": Target("<=", 0.05, "ratio", must=False),
    "coverage_recall": Target(">=", 0.90, "ratio", must=False),
    "coverage_precision": Target(">=", 0.95, "ratio", must=False),
    "bench_total_duration": Target("<", TOTAL_BUDGET_S, "s", must=False),
}


def target_for(name: str) -> Target | None:
    if name.startswith("check_"):
        return Target("==", 1, "", must=True)
    return TARGETS.get(name)


def machine() -> dict[str, Any]:
    """What the figures were measured on, and how busy it was."""
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gb = 0.0
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_gb = int(line.split()[1]) / 1024 / 1024
    except OSError:
        pass
    return {
        "nproc": os.cpu_count(),
        "memory_gb": round(mem_gb, 1),
        "cpu": cpu,
        "python": platform.python_version(),
        "kernel": platform.release(),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        "reference_loop_ms_at_start": round(reference_cpu_ms(), 1),
    }


def run_bench(name: str, timeout_s: int) -> dict[str, Any]:
    """Run one bench module; its figures, exit code, seconds and (on failure) the end of its stderr."""
    started = time.monotonic()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.setdefault("XDG_RUNTIME_DIR", f"/tmp/runtime-{os.getuid()}")
    figures: dict[str, dict[str, Any]] = {}
    notes: list[str] = []
    print(f"== bench.{name} (timeout {timeout_s} s)", flush=True)
    with subprocess.Popen(
        [sys.executable, "-m", f"bench.{name}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    ) as proc:
        try:
            out, err = proc.communicate(timeout=timeout_s)
            rc = proc.returncode
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, 9)
            out, err = proc.communicate()
            rc = -9
            notes.append(f"killed after {timeout_s} s")
    for line in out.splitlines():
        match = LINE.match(line)
        if match:
            value_text = match.group(2)
            try:
                value: float | str = float(value_text)
            except ValueError:
                value = value_text
            figures[match.group(1)] = {"value": value, "unit": match.group(3)}
        elif line.startswith("#"):
            notes.append(line.lstrip("# "))
    seconds = time.monotonic() - started
    print(f"   rc={rc} in {seconds:.0f} s, {len(figures)} figures", flush=True)
    tail = [ln for ln in err.splitlines() if "RuntimeDirWarning" not in ln and "user_runtime_dir" not in ln]
    return {
        "rc": rc,
        "seconds": round(seconds, 1),
        "figures": figures,
        "notes": notes,
        "stderr_tail": tail[-20:] if rc != 0 else [],
    }


def table(results: dict[str, Any]) -> tuple[list[str], bool]:
    """The summary table's lines and whether every post-condition held and every bench ran."""
    rows: list[tuple[str, str, str, str]] = []
    ok = True
    for name, bench in results["benches"].items():
        if bench.get("skipped"):
            rows.append((f"[{name}]", "skipped", "", bench["skipped"]))
            continue
        status = "ok" if bench["rc"] == 0 else f"FAILED rc={bench['rc']}"
        ok = ok and bench["rc"] == 0
        rows.append((f"[{name}]", f"{bench['seconds']:.0f} s", "", status))
        for fig, data in bench["figures"].items():
            value, unit = data["value"], data["unit"]
            shown = f"{value:g} {unit}" if isinstance(value, float) else f"{value} {unit}"
            target = target_for(fig)
            verdict = ""
            if target is not None and isinstance(value, float):
                met = target.met(value)
                verdict = "met" if met else ("VIOLATED" if target.must else "MISSED")
                ok = ok and (met or not target.must)
            rows.append((f"  {fig}", shown, target.text() if target else "", verdict))
        for note in bench.get("notes", []):
            rows.append((f"  # {note}"[:110], "", "", ""))
    total = Target("<", TOTAL_BUDGET_S, "s", must=False)
    rows.append(
        (
            "bench_total_duration",
            f"{results['seconds']:.0f} s",
            total.text(),
            "met" if total.met(results["seconds"]) else "MISSED",
        )
    )
    widths = [max(len(r[i]) for r in rows if not r[0].lstrip().startswith("#")) for i in range(4)]
    header = ("figure", "value", "target", "status")
    lines = [
        "  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)),
        "  ".join("-" * w for w in widths),
    ]
    for row in rows:
        if row[0].lstrip().startswith("#"):
            lines.append(row[0])
        else:
            lines.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    return lines, ok


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default="", help="comma-separated bench names to run")
    parser.add_argument("--skip", default="", help="comma-separated bench names to leave out")
    args = parser.parse_args(argv)
    only = {n for n in args.only.split(",") if n}
    skip = {n for n in args.skip.split(",") if n}
    started = time.monotonic()
    results: dict[str, Any] = {"machine": machine(), "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "benches": {}}
    for name, timeout_s in BENCHES:
        if (only and name not in only) or name in skip:
            results["benches"][name] = {"skipped": "not selected"}
        elif not (ROOT / "bench" / f"{name}.py").exists():
            results["benches"][name] = {"skipped": f"bench/{name}.py not present yet"}
        else:
            results["benches"][name] = run_bench(name, timeout_s)
    results["seconds"] = round(time.monotonic() - started, 1)
    results["machine"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    results["machine"]["reference_loop_ms_at_end"] = round(reference_cpu_ms(), 1)
    lines, ok = table(results)
    results["ok"] = ok
    m = results["machine"]
    print()
    print(
        f"machine: {m['cpu']}, {m['nproc']} CPUs, {m['memory_gb']} GB;"
        f" load average at start {m['load_average_at_start']}; reference loop (lower is faster)"
        f" {m['reference_loop_ms_at_start']} ms at start, {m['reference_loop_ms_at_end']} ms at end"
    )
    print("\n".join(lines))
    print(f"\nresult: {'all post-conditions hold' if ok else 'POST-CONDITION VIOLATED or a bench failed'}")
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print(f"written: {RESULTS.relative_to(ROOT)}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
