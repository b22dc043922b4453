"""Keeping running jobs' leases: one thread per process renews the lease of every job the process runs.

A running job's lease (jobs.lease_until) must be extended while it runs, or the reaper takes the job for lost
and hands it to another worker; the model slots it holds are renewed with it. A thread of its own per job did
this before: every job started one on its way to the upstream request, sixty in a twenty-service burst, each a
thread's start and a scheduler switch on cores the burst's preparations were queued for. One renewer per
process ticks every third of the lease and renews every job registered with it: a job's lease is renewed at
most that long after the job began, and every tick after, as before.

A job's keeper stops being renewed when the job's block ends: a renewal under way then finishes first, so no
lease or slot is renewed for a job that has ended.
"""

from __future__ import annotations

import threading
import time
from types import TracebackType

from core import jobs
from core.config import get_settings
from core.errors import JobLost
from core.semaphore import Semaphore
from db.session import unit_of_work


class LeaseKeeper:
    """Extends one job's lease (and any model slot it holds) while the job runs.

    If the lease cannot be extended (reaped, cancelled), `lost` is set and `check()` raises JobLost: the job
    stops at its next check (a wait, a reply's next delta) and stores nothing.
    """

    def __init__(self, claim: jobs.Claim) -> None:
        self.claim = claim
        self.lost = threading.Event()
        self.semaphores: list[tuple[Semaphore, str]] = []
        self._lock = threading.Lock()  # a renewal and the job's end, one at a time
        self._active = False

    def __enter__(self) -> LeaseKeeper:
        self._active = True
        _RENEWER.add(self)
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        with self._lock:
            self._active = False
        _RENEWER.discard(self)

    def check(self) -> None:
        if self.lost.is_set():
            raise JobLost(str(self.claim.job_id))

    def renew(self) -> None:
        """Extend the lease and the slots once (the renewer's thread calls it); a blip waits for the next tick."""
        with self._lock:
            if not self._active or self.lost.is_set():
                return
            try:
                with unit_of_work() as session:
                    ok = jobs.extend_lease(session, self.claim)
                for sem, holder in list(self.semaphores):
                    sem.renew(holder)
            except Exception:  # a database or Redis blip: try again next tick
                return
            if not ok:
                self.lost.set()


class _Renewer:
    """The process's one renewing thread, started with the first job and kept while the process lives."""

    def __init__(self) -> None:
        self._mutex = threading.Lock()
        self._keepers: set[LeaseKeeper] = set()
        self._thread: threading.Thread | None = None

    def add(self, keeper: LeaseKeeper) -> None:
        with self._mutex:
            self._keepers.add(keeper)
            if self._thread is None or not self._thread.is_alive():  # also after a fork: threads do not follow
                self._thread = threading.Thread(target=self._run, name="lease-renewer", daemon=True)
                self._thread.start()

    def discard(self, keeper: LeaseKeeper) -> None:
        with self._mutex:
            self._keepers.discard(keeper)

    def _run(self) -> None:
        while True:
            time.sleep(max(0.2, get_settings().job_lease_s / 3))
            with self._mutex:
                keepers = list(self._keepers)
            for keeper in keepers:
                keeper.renew()


_RENEWER = _Renewer()
