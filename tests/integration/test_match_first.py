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


def _calls(command: str) -> int:
    from core.redis_conn import get_redis

    stats = get_redis().info("commandstats").get(f"cmdstat_{command}", {})
    return int(stats.get("calls", 0)) if isinstance(stats, dict) else 0


def test_a_waiting_customize_blocks_on_redis_instead_of_asking_again_and_again(stack: dict[str, str]) -> None:
    """Twenty Customizes waiting in a burst must not spend the cores their Matches need: one GET and one BLPOP
    each, however long the wait."""
    service_id = uuid.uuid4()
    before = (_calls("get"), _calls("blpop"))
    threading.Timer(0.5, match_first.mark_sent, args=(service_id,)).start()
    match_first.wait_for_match(service_id, _never_lost)
    assert (_calls("get") - before[0], _calls("blpop") - before[1]) == (1, 1)


def test_a_customize_starting_after_its_match_sent_does_not_wait(stack: dict[str, str]) -> None:
    service_id = uuid.uuid4()
    match_first.mark_sent(service_id)
    match_first.wait_for_match(service_id, _never_lost)  # the marker answers: no BLPOP at all
    blpops = _calls("blpop")
    match_first.wait_for_match(service_id, _never_lost)
    assert _calls("blpop") == blpops


def test_match_hands_its_coverage_and_jd_read_on_encrypted(stack: dict[str, str]) -> None:
    """Customize (waiting or arriving later) and the extraction work from what Match computed; never in clear in
    Redis."""
    from core.redis_conn import get_redis

    coverage = '{"must_have": [{"keyword": "Kafka-CANARY-7Q", "status": "detailed"}], "nice_to_have": []}'
    jd = '{"document": {"text": "Payments-CANARY-9Z"}, "job": {}}'
    waiting, late = uuid.uuid4(), uuid.uuid4()
    threading.Timer(0.2, match_first.mark_sent, args=(waiting, coverage, jd)).start()
    assert match_first.wait_for_match(waiting, _never_lost) == match_first.Handover(coverage, jd)
    match_first.mark_sent(late, coverage, jd)
    assert match_first.wait_for_match(late, _never_lost) == match_first.Handover(coverage, jd)
    assert match_first.handed(late) == match_first.Handover(coverage, jd)
    redis = get_redis()
    stored = [redis.get(f"jaa:svc:{late}:match_sent") or ""]
    stored += redis.lrange(f"jaa:svc:{late}:match_wake", 0, -1)  # not popped: nobody was waiting
    assert len(stored) == 2 and not any("CANARY" in value for value in stored)


def test_a_bare_coverage_from_before_the_jd_went_along_is_still_read(stack: dict[str, str]) -> None:
    """A Match of the previous release, still running at a deploy, handed the coverage alone."""
    from core.assets import crypto
    from core.redis_conn import get_redis

    coverage = '{"must_have": [], "nice_to_have": []}'
    service_id = uuid.uuid4()
    get_redis().set(f"jaa:svc:{service_id}:match_sent", crypto.encrypt_text(coverage).decode("ascii"), ex=60)
    assert match_first.wait_for_match(service_id, _never_lost) == match_first.Handover(coverage=coverage)


def test_nothing_handed_over_means_customize_computes_it(
    stack: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(match_first, "WAIT_S", 0.2)
    nothing = match_first.Handover()
    assert match_first.wait_for_match(uuid.uuid4(), _never_lost) == nothing  # Match never sent
    assert match_first.handed(uuid.uuid4()) == nothing  # and the extraction does not wait for it
    sent_bare = uuid.uuid4()
    match_first.mark_sent(sent_bare)  # an offline Match, or one with no coverage to give
    assert match_first.wait_for_match(sent_bare, _never_lost) == nothing
    foreign = uuid.uuid4()
    from core.redis_conn import get_redis

    get_redis().set(f"jaa:svc:{foreign}:match_sent", "not-a-token", ex=60)
    assert match_first.wait_for_match(foreign, _never_lost) == nothing


def test_a_waiting_customize_lets_the_other_jobs_of_its_process_have_the_cpu(stack: dict[str, str]) -> None:
    """The wait gives the job's CPU turn up: a Match in the same consumer must not queue behind a Customize
    waiting for it (it would wait WAIT_S, then find its Customize gone ahead without it)."""
    from core.cpu_turns import TURNS

    service_id = uuid.uuid4()
    other_ran = threading.Event()

    def customize() -> None:
        with TURNS.held():
            match_first.wait_for_match(service_id, _never_lost)

    def match() -> None:
        with TURNS.held():
            other_ran.set()
            match_first.mark_sent(service_id)

    waiting = threading.Thread(target=customize)
    waiting.start()
    time.sleep(0.2)  # the Customize is blocked on Redis by now
    started = time.monotonic()
    sending = threading.Thread(target=match)
    sending.start()
    assert other_ran.wait(match_first.WAIT_S / 2)
    sending.join(2)
    waiting.join(2)
    assert not waiting.is_alive() and time.monotonic() - started < match_first.WAIT_S / 2
