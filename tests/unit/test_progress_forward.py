"""A new service's progress only moves forward (issue 20, finding 6), with the time since it started."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from core.i18n import translate
from ui.progress import STAGES, advance, line, stage_of


def test_the_reported_sequence_never_goes_backwards() -> None:
    """Extraction's status, then the Match job queued with no status yet (it used to read "Waiting…")."""
    store: dict[str, object] = {}
    service = uuid.uuid4()
    signals = [
        ("extract", "queued", None),
        ("extract", "running", None),
        ("extract", "running", "status.extracting_job"),
        ("extract", "running", "status.retrying"),  # a retry of extraction: still extracting, not "waiting"
        ("match", "queued", None),  # the Match waits in the queue: the line stays where it was
        ("match", "running", None),
        ("extract", "queued", None),  # a stale signal from an earlier poll
    ]
    shown = [STAGES[advance(store, service, stage_of(*s))] for s in signals]
    assert shown == ["queued", "slot", "extracting", "extracting", "extracting", "matching", "matching"]


def test_a_match_queued_beside_the_extraction_is_queued_until_a_worker_takes_it() -> None:
    """A new service queues Match and the extraction at once; the Match's line is the service's progress."""
    store: dict[str, object] = {}
    service = uuid.uuid4()
    signals = [("match", "queued", None), ("match", "running", None), ("match", None, "status.retrying")]
    shown = [STAGES[advance(store, service, stage_of(*s))] for s in signals]
    assert shown == ["queued", "matching", "matching"]


def test_each_service_keeps_its_own_progress() -> None:
    store: dict[str, object] = {}
    first, second = uuid.uuid4(), uuid.uuid4()
    advance(store, first, stage_of("match", "queued", None))
    assert advance(store, second, stage_of("extract", "queued", None)) == 0


def test_the_line_says_the_stage_and_the_elapsed_seconds() -> None:
    started = datetime(2026, 1, 1, tzinfo=UTC)
    text = line(3, started, now=started + timedelta(seconds=14.7))
    assert text == f"{translate('progress.matching', 'en')} · {translate('progress.elapsed', 'en', seconds=14)}"
