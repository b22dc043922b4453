"""Run a parser over a hostile file in a child process with time and memory budgets.

A 202 KB PDF whose pages share a 70 MB content stream took a consumer 88 s and 900 MB before failing; a deeply
nested one can overflow the C stack. Parsing therefore happens in a child started by a "forkserver" context
(never a fork of a threaded parent): the child sets RLIMIT_AS and RLIMIT_CPU on itself before touching the
data (a generous backstop: onnxruntime and glibc reserve address space they never touch), and the parent
watches the child's resident memory (/proc) and kills it past the memory budget or the wall-clock deadline.
Any way the child ends other than returning a result (killed, out of memory, crashed, too slow) is
`BudgetExceeded`; exceptions the function raises on purpose (a UserError for a broken file) come back as
themselves.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import queue as queue_mod
import resource
import sys
import time
import types
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any, TypeVar, cast

T = TypeVar("T")
MB = 1024 * 1024
POLL_S = 0.02  # how often the parent looks at the child's memory


class BudgetExceeded(Exception):
    """The child ran out of time or memory, or died: the file is refused, not retried."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Budget:
    seconds: float  # wall clock, parent-enforced (the CPU limit in the child follows it)
    memory_mb: int  # resident memory, parent-enforced
    address_space_mb: int = 4096  # RLIMIT_AS in the child: the backstop between two looks at its memory
    keep_freed_memory: bool = False  # faster OCR of one image, for more resident memory (_keep_freed_memory)


@dataclass(frozen=True)
class ChildStats:
    """What the child used (for the hostile-files benchmark): wall time and peak resident memory."""

    seconds: float
    peak_rss_mb: float


_context: Any = None


def _ctx() -> Any:
    global _context
    if _context is None:
        _context = multiprocessing.get_context("forkserver")
        _context.set_forkserver_preload(["pypdf", "PIL.Image", "core.assets.pdf"])
    return _context


@contextlib.contextmanager
def _without_main() -> Iterator[None]:
    """A blank __main__ while a child starts.

    A child prepares itself by running the parent's `__main__.__file__`; in the web process that is Streamlit's
    page script (Home.py, swapped in as __main__ while a page runs), which crashes outside Streamlit, so every
    child died and every upload was refused as over budget. The children need nothing from __main__.
    """
    saved = sys.modules.get("__main__")
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        if saved is not None:
            sys.modules["__main__"] = saved


# Asked for by a screenshot's OCR, read in the click while the user waits. glibc gives a large block (a page-sized
# image's tensors: the OCR's models allocate afresh on every run, no arena) its own mmap and unmaps it when it is
# freed, until its threshold has learnt the sizes: a fresh child's first read of a page paid 2-4 s of page faults
# for it. A child lives for one call: what it frees may stay in its heap. Read in a child, a 1800x1500 screenshot
# of 30 lines took 4.5-5.0 s with these settings against 5.9-9.6 s, and peaked at 920-1100 MB of resident memory
# against 710-730 (tall pages of 5.8 MP: 7.0-8.9 s and 680-730 MB, against 9.2-10.4 s and 590-640 MB). A scanned
# PDF's OCR, in a job, pays the faults once per document and keeps its lower peak.
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3
_OWN_MMAP_ABOVE_MB = 64
_HEAP_KEEPS_MB = 128


def _keep_freed_memory() -> None:
    with contextlib.suppress(OSError, AttributeError):  # not glibc: the child runs as it would have
        libc = ctypes.CDLL("libc.so.6")
        libc.mallopt(_M_MMAP_THRESHOLD, _OWN_MMAP_ABOVE_MB * MB)
        libc.mallopt(_M_TRIM_THRESHOLD, _HEAP_KEEPS_MB * MB)


def _child(conn: Connection, fn: Callable[..., Any], args: tuple[Any, ...], budget: Budget) -> None:
    if budget.keep_freed_memory:
        _keep_freed_memory()
    limit = budget.address_space_mb * MB
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    cpu = max(1, int(budget.seconds + 1))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    try:
        outcome: tuple[str, Any] = ("ok", fn(*args))
    except MemoryError:
        outcome = ("budget", "memory")
    except RecursionError:
        outcome = ("budget", "depth")
    except Exception as exc:
        outcome = ("raised", exc)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    try:
        conn.send((*outcome, peak_mb))
    except Exception:  # an exception that does not pickle: say what kind it was
        conn.send(("budget", "unpicklable", peak_mb))
    conn.close()


def run_limited(fn: Callable[..., T], *args: Any, budget: Budget, stats: list[ChildStats] | None = None) -> T:
    """fn(*args) in a child within `budget`; raises BudgetExceeded, or what fn raised, or returns its result.

    `fn` must be a module-level function and its arguments and result picklable. When `stats` is given, the
    child's wall time and peak RSS are appended to it. A job thread gives its CPU turn up meanwhile (see
    core.cpu_turns): it only waits, and the child's seconds of parsing or OCR must not hold up the other jobs of
    its process.
    """
    from core.cpu_turns import TURNS

    with TURNS.given_up():
        return _in_child(fn, args, budget, stats)


def _in_child(fn: Callable[..., T], args: tuple[Any, ...], budget: Budget, stats: list[ChildStats] | None) -> T:
    ctx = _ctx()
    receive, send = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_child, args=(send, fn, args, budget), daemon=True)
    started = time.monotonic()
    with _without_main():
        child.start()
    send.close()
    message: tuple[Any, ...] | None = None
    reason = "died"
    peak_mb = 0.0
    try:
        while True:
            if receive.poll(POLL_S):
                message = receive.recv()
                break
            rss_mb, hwm_mb = _memory_mb(child.pid)
            peak_mb = max(peak_mb, hwm_mb)
            if rss_mb > budget.memory_mb:
                reason = "memory"
                break
            if time.monotonic() - started > budget.seconds:
                reason = "time"
                break
            if not child.is_alive() and not receive.poll(0):
                break
    except (EOFError, OSError, queue_mod.Empty):
        message = None
    finally:
        if child.is_alive():
            child.kill()
        child.join(5)
        receive.close()
    elapsed = time.monotonic() - started
    if stats is not None:
        peak = max(peak_mb, message[2]) if message is not None else peak_mb
        stats.append(ChildStats(seconds=elapsed, peak_rss_mb=peak))
    if message is None:
        raise BudgetExceeded(reason)
    kind, value, _peak = message
    if kind == "ok":
        return cast(T, value)
    if kind == "raised":
        raise value
    raise BudgetExceeded(str(value))


def _memory_mb(pid: int | None) -> tuple[float, float]:
    """(current, peak) resident memory of a live process, in MB; zeros once it is gone."""
    rss = hwm = 0.0
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    rss = int(line.split()[1]) / 1024
                elif line.startswith("VmHWM:"):
                    hwm = int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return rss, hwm
