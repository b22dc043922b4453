"""The streamed views of the workbench (issue 20, finding 3): st.write_stream only appends, so the prose built
from a reply's partial JSON must grow at its end while the reply arrives piece by piece; the head shows the
score only once its number is complete; a reader's state folds parts, resets and the end."""

from __future__ import annotations

import json
from typing import Any

import pytest

from core.streams import StreamEvent
from testkit.fakes import replies
from ui.workbench_stream import fold, head_key
from ui.workbench_views import INTERVIEW_STREAM, MATCH_STREAM, StreamView, partial_json


def _restarts(view: StreamView, reply: dict[str, Any], step: int) -> tuple[int, str]:
    """Feed the reply's JSON `step` characters at a time; count prose that did not extend what was shown."""
    text = json.dumps(reply, ensure_ascii=False)
    shown, restarts = "", 0
    for end in range(step, len(text) + step, step):
        prose = view.prose(view.growing(text[:end]))
        if not prose.startswith(shown):
            restarts += 1
        shown = prose
    return restarts, shown


@pytest.mark.parametrize("step", [1, 3, 17])
@pytest.mark.parametrize(("view", "reply"), [(MATCH_STREAM, replies.MATCH), (INTERVIEW_STREAM, replies.INTERVIEW)])
def test_prose_only_grows_at_its_end_while_the_reply_arrives(
    view: StreamView, reply: dict[str, Any], step: int
) -> None:
    restarts, final = _restarts(view, reply, step)
    assert restarts == 0
    first_text = reply.get("conclusion") or reply["self_intro_1min"]
    assert first_text.split(".")[0] in final


def test_a_score_shows_only_once_its_number_is_complete() -> None:
    assert "overall_score" not in partial_json('{"overall_score": 8')
    assert partial_json('{"overall_score": 81,')["overall_score"] == 81
    assert partial_json('{"strengths": ["Kafka pipel')["strengths"] == []
    assert partial_json('{"strengths": ["Kafka pipel', growing=True)["strengths"] == ["Kafka pipel"]


def test_fold_keeps_position_text_parts_and_end_and_a_reset_starts_over() -> None:
    state: dict[str, Any] = {"last": "0-0", "text": "", "parts": {}, "status": None, "end": None}
    fold(state, [StreamEvent("1-0", "part", 'coverage\n{"must_have": []}'), StreamEvent("2-0", "delta", '{"a"')])
    assert state["last"] == "2-0" and state["text"] == '{"a"' and state["parts"] == {"coverage": {"must_have": []}}
    fold(state, [StreamEvent("3-0", "reset", ""), StreamEvent("4-0", "delta", "{"), StreamEvent("5-0", "done", "")])
    assert state["text"] == "{" and state["parts"] == {} and state["end"] == "done" and state["last"] == "5-0"


def test_digits_at_the_end_of_a_string_being_written_stay_in_the_growing_text() -> None:
    assert partial_json('{"strengths": ["cut costs by 35', growing=True)["strengths"] == ["cut costs by 35"]
    assert partial_json('{"a": 1, "b": [2, 3')["b"] == [2]


def test_the_waiting_line_gives_way_to_the_first_text_within_the_same_second() -> None:
    """The offline engine's whole interview came within the second of the head's first draw: the head's key did not
    change, so "Waiting for a worker…" stayed above the finished interview until the page's rerun."""
    empty: dict[str, Any] = {"status": None, "text": "", "parts": {}}
    written: dict[str, Any] = {**empty, "text": '{"self_intro_1min": "Hello'}
    assert head_key(empty, False, 7) != head_key(written, False, 7)
    assert head_key(written, False, 7) == head_key({**written, "text": written["text"] + ", I'm"}, False, 7)
    assert head_key(written, True, 7) != head_key({**written, "text": written["text"] + ", I'm"}, True, 7)
