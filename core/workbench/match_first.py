"""In "Match and tailor", Match reaches the provider first, and hands Customize the coverage it computed.

Match, the JD's extraction and Customize all start at the click, in the same burst as every other user's
clicks, and the work each does before its request is CPU on shared cores. Match's first words are what the
user waits for; the tailored resume takes a whole reply anyway. So a Customize queued beside its Match waits,
at most WAIT_S, until that Match has sent its request. A Match that fails before its request, or Redis
failing, only costs the wait.

The wait blocks on a Redis list that Match pushes to when it sends (BLPOP), rather than asking every few tens
of milliseconds: a Customize starts the moment its Match has sent, and twenty of them waiting in a burst cost
no CPU meanwhile. A string key beside the list answers a Customize that starts after Match has sent.

What Match pushes (encrypted, as all user content in Redis) is what it computed from the documents: the
keyword coverage, and the JD's read by code while no stored read exists. Customize works from the same
coverage (on documents of real length computing it again cost ~20 ms of CPU per service in the burst), and
neither Customize nor the extraction reads the JD again (~4 ms of CPU each, in a burst where Match's
consumer process is not theirs). A step that gets nothing computes it itself.
"""

from __future__ import annotations

import contextlib
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass

import redis

from core.assets import crypto
from core.cpu_turns import TURNS
from core.redis_conn import get_redis
from core.streams import PipelineCommands

WAIT_S = 3.0
_SENT = "jaa:svc:{}:match_sent"  # set once Match has sent: a Customize arriving later does not wait
_WAKE = "jaa:svc:{}:match_wake"  # pushed once when Match sends: wakes a Customize already waiting
_TTL_S = 600
_NOTHING = "-"  # sent, with nothing to hand over
_SHAPE = "handover"  # marks the payload's shape; a value without it is a bare coverage (before the JD went along)


@dataclass(frozen=True)
class Handover:
    """What Match computed from the documents, for the steps beside it (None: not handed, compute it)."""

    coverage: str | None = None  # core.workbench.schemas.Coverage as JSON
    jd: str | None = None  # the JD's read by code (core.workbench.offline.jd_json)


def mark_sent(service_id: uuid.UUID, coverage_json: str | None = None, jd_json: str | None = None) -> None:
    """Match is about to send its request (or to compute its offline reply); what it hands over goes along."""
    with contextlib.suppress(redis.RedisError):
        pipe = get_redis().pipeline(transaction=False)
        sent_commands(service_id, coverage_json, jd_json)(pipe)
        pipe.execute()


def sent_commands(
    service_id: uuid.UUID, coverage_json: str | None = None, jd_json: str | None = None
) -> PipelineCommands:
    """`mark_sent`'s commands, for a pipeline that sends something else too (Match's coverage on its stream):
    one round trip before Match's request instead of two."""
    payload = json.dumps({_SHAPE: 1, "coverage": coverage_json, "jd": jd_json}) if coverage_json or jd_json else None
    value = crypto.encrypt_text(payload).decode("ascii") if payload else _NOTHING
    wake = _WAKE.format(service_id)

    def queue(pipe: redis.client.Pipeline[str]) -> None:
        pipe.set(_SENT.format(service_id), value, ex=_TTL_S).rpush(wake, value).expire(wake, _TTL_S)

    return queue


def wait_for_match(service_id: uuid.UUID, check: Callable[[], None]) -> Handover:
    """Once the service's Match has sent its request (or after WAIT_S), what it handed over.

    `check` raises if the job is lost.
    """
    check()
    value: str | None = None
    try:
        client = get_redis()
        value = client.get(_SENT.format(service_id))
        if value is None:
            with TURNS.given_up():
                popped = client.blpop([_WAKE.format(service_id)], timeout=WAIT_S)
            value = popped[1] if popped else None
    except redis.RedisError:
        value = None
    check()  # the job may have been taken from this worker while it waited
    return _read(value)


def handed(service_id: uuid.UUID) -> Handover:
    """What Match handed over if it has sent already; never waits (the extraction asks after its reply)."""
    try:
        return _read(get_redis().get(_SENT.format(service_id)))
    except redis.RedisError:
        return Handover()


def _read(value: str | None) -> Handover:
    if not value or value == _NOTHING:
        return Handover()
    try:
        text = crypto.decrypt_text(value.encode("ascii"))
    except Exception:  # a key rotated away or a foreign value: the step computes it all itself
        return Handover()
    try:
        data = json.loads(text)
    except ValueError:
        return Handover()
    if not isinstance(data, dict) or _SHAPE not in data:
        return Handover(coverage=text)
    coverage, jd = data.get("coverage"), data.get("jd")
    return Handover(coverage if isinstance(coverage, str) else None, jd if isinstance(jd, str) else None)
