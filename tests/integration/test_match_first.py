"""In "Match and tailor" a Customize queued beside its Match waits (briefly) until Match has sent its request."""

from __future__ import annotations

import threading
import time
import uuid

import pytest

from core.errors import JobLost
from core.workbench import match_first


def _never_lost() -> None:
    return None


def test_customize_starts_as_soon_as_its_match_has_sent(stack: dict[str, str]) -> None:
    service_id = uuid.uuid4()
    threading.Timer(0.3, match_first.mark_sent, args=(service_id,)).start()
    started = time.monotonic()
    match_first.wait_for_match(service_id, _never_lost)
    waited = time.monotonic() - started
    assert 0.25 <= waited < match_first.WAIT_S  # it waited for the mark, and no longer


def test_a_match_that_never_sends_costs_only_the_wait(stack: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(match_first, "WAIT_S", 0.4)
    started = time.monotonic()
    match_first.wait_for_match(uuid.uuid4(), _never_lost)
    assert time.monotonic() - started >= 0.4


def test_a_lost_job_stops_waiting(stack: dict[str, str]) -> None:
    def lost() -> None:
        raise JobLost("reaped")

    with pytest.raises(JobLost):
        match_first.wait_for_match(uuid.uuid4(), lost)
