"""Rendering of workbench results (stored or partial while streaming). UI only: data comes from core."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import streamlit as st
from pydantic_core import from_json

from core.safe_text import safe_code, safe_inline, safe_markdown
from core.workbench.preview import PostingPreview
from ui.i18n import t

BREAKDOWN = ("hard_skills", "experience", "education", "role_fit", "soft_skills")
COVERAGE_ICONS = {"resume": ":green[●]", "detailed": ":orange[◐]", "missing": ":red[○]"}


_TRAILING_NUMBER = re.compile(r"([:\[,]\s*)-?\d[\d.eE+-]*\s*$")  # a value still being written


def partial_json(text: str, *, growing: bool = False) -> dict[str, Any]:
    """Whatever of a JSON object has arrived so far ({} until its first key is complete).

    A number or string still being written is left out (a score of 8 flashing before 81), unless `growing`:
    then a string is there as far as it has arrived, for prose that streams as it comes.
    """
    start = text.find("{")
    if start == -1:
        return {}
    try:
        body = text[start:] if growing else _TRAILING_NUMBER.sub(r"\1", text[start:])
        value = from_json(body, allow_partial="trailing-strings" if growing else True)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _growing(text: str) -> dict[str, Any]:
    return partial_json(text, growing=True)


def _no_head(_data: dict[str, Any], _parts: dict[str, Any]) -> None:
    return None


def _no_prose(_data: dict[str, Any]) -> str:
    return ""


@dataclass(frozen=True)
class StreamView:
    """How one kind of step shows while it streams: structured parts drawn as soon as known (`head`, from the
    complete fields and the parts computed by code), and Markdown prose (`prose`, from the fields as far as they
    arrived) handed to st.write_stream, which only ever appends, so prose must grow at its end."""

    head: Callable[[dict[str, Any], dict[str, Any]], None] = _no_head
    prose: Callable[[dict[str, Any]], str] = _no_prose
    head_grows: bool = False  # whether the head changes as the text grows (else only on parts and status)
    data: Callable[[str], dict[str, Any]] = partial_json
    growing: Callable[[str], dict[str, Any]] = _growing


def _match_head(data: dict[str, Any], parts: dict[str, Any]) -> None:
    """Score, breakdown and coverage: the numbers first, the coverage as soon as code computed it."""
    _scores(data)
    if parts.get("coverage"):
        render_coverage(parts["coverage"])


def _items(values: Any) -> list[Any]:
    return values if isinstance(values, list) else []


def _match_prose(data: dict[str, Any]) -> str:
    """Strengths, gaps, conclusion and pitch in the order the reply writes them. Every separator comes before
    the piece it opens, so the text only grows at its end while a field is being written."""
    out: list[str] = []
    if "strengths" in data:
        out.append(f"**{t('workbench.match.strengths')}**\n")
        out.extend(f"\n- {safe_inline(s)}" for s in _items(data["strengths"]) if isinstance(s, str))
    if "gaps" in data:
        out.append(f"\n\n**{t('workbench.match.gaps')}**\n")
        for gap in _items(data["gaps"]):
            if isinstance(gap, dict) and isinstance(gap.get("gap"), str):
                action = f" — {safe_inline(gap['action'])}" if isinstance(gap.get("action"), str) else ""
                out.append(f"\n- {safe_inline(gap['gap'])}{action}")
    for key, label in (("conclusion", "workbench.match.conclusion"), ("self_pitch", "workbench.match.pitch")):
        if isinstance(data.get(key), str):
            out.append(f"\n\n**{t(label)}**\n\n{safe_markdown(data[key])}")
    return "".join(out).lstrip("\n")


def _customize_prose(data: dict[str, Any]) -> str:
    return safe_markdown(data["markdown"]) if isinstance(data.get("markdown"), str) else ""


def _interview_prose(data: dict[str, Any]) -> str:
    """Introductions, likely questions, STAR stories and questions to ask, separators first (see _match_prose)."""
    out: list[str] = []
    for key in ("self_intro_1min", "self_intro_3min"):
        if isinstance(data.get(key), str):
            label = t("workbench.interview.intro_1" if key == "self_intro_1min" else "workbench.interview.intro_3")
            out.append(f"\n\n**{label}**\n\n{safe_markdown(data[key])}")
    if "likely_questions" in data:
        out.append(f"\n\n**{t('workbench.interview.questions')}**\n")
        for q in _items(data["likely_questions"]):
            if isinstance(q, dict) and isinstance(q.get("question"), str):
                out.append(f"\n- {safe_inline(q['question'])}")
                out.extend(f"\n  - {safe_inline(p)}" for p in _items(q.get("outline")) if isinstance(p, str))
    if "star_stories" in data:
        out.append(f"\n\n**{t('workbench.interview.stories')}**\n")
        for story in _items(data["star_stories"]):
            if isinstance(story, dict) and isinstance(story.get("gap"), str):
                out.append(f"\n- {safe_inline(story['gap'])}")
                for part in ("situation", "task", "action", "result"):
                    if isinstance(story.get(part), str):
                        out.append(f"\n  - *{t('workbench.star.' + part)}*: {safe_inline(story[part])}")
    if "questions_to_ask" in data:
        out.append(f"\n\n**{t('workbench.interview.ask')}**\n")
        out.extend(f"\n- {safe_inline(q)}" for q in _items(data["questions_to_ask"]) if isinstance(q, str))
    return "".join(out).lstrip("\n")


JOB_STREAM = StreamView()
MATCH_STREAM = StreamView(head=_match_head, prose=_match_prose, head_grows=True)
CUSTOMIZE_STREAM = StreamView(prose=_customize_prose)
INTERVIEW_STREAM = StreamView(prose=_interview_prose)


def render_job(job: dict[str, Any] | None) -> None:
    if not job:
        return
    with st.expander(t("workbench.job.heading"), expanded=False):
        line = " · ".join(str(job.get(k) or "") for k in ("company", "title", "location", "seniority") if job.get(k))
        st.markdown(f"**{safe_inline(line)}**")
        for key, label in (("must_have", "workbench.job.must_have"), ("nice_to_have", "workbench.job.nice_to_have")):
            if job.get(key):
                st.markdown(f"{t(label)}: " + ", ".join(safe_code(k) for k in job[key]))
        if job.get("responsibilities"):
            st.markdown(f"{t('workbench.job.responsibilities')}:")
            st.markdown("\n".join(f"- {safe_inline(r)}" for r in job["responsibilities"]))


def render_match(data: dict[str, Any]) -> None:
    """The match (complete or partial): score first, then breakdown, coverage, strengths, gaps, pitch."""
    _scores(data)
    coverage = data.get("coverage")
    if coverage:
        render_coverage(coverage)
    if data.get("strengths"):
        st.markdown(f"**{t('workbench.match.strengths')}**")
        st.markdown("\n".join(f"- {safe_inline(s)}" for s in data["strengths"] if s))
    if data.get("gaps"):
        st.markdown(f"**{t('workbench.match.gaps')}**")
        for gap in data["gaps"]:
            if isinstance(gap, dict) and gap.get("gap"):
                st.markdown(f"- **{safe_inline(gap['gap'])}** — {safe_inline(gap.get('action', ''))}")
    if data.get("conclusion"):
        st.markdown(f"**{t('workbench.match.conclusion')}**")
        st.markdown(safe_markdown(data["conclusion"]))
    if data.get("self_pitch"):
        st.markdown(f"**{t('workbench.match.pitch')}**")
        st.code(str(data["self_pitch"]), language=None, wrap_lines=True)


def _scores(data: dict[str, Any]) -> None:
    """The overall score, how the offline engine computed it (if it did), then the breakdown."""
    if "overall_score" in data:
        st.metric(t("workbench.match.overall"), f"{data['overall_score']} / 100")
    if data.get("formula"):  # in the user's language
        st.caption(":material/functions: " + str(data["formula"]))
    breakdown = data.get("breakdown") or {}
    if breakdown:
        cols = st.columns(len(BREAKDOWN))
        for col, key in zip(cols, BREAKDOWN, strict=True):
            if key in breakdown:
                col.metric(t(f"workbench.match.breakdown.{key}"), breakdown[key])


def render_coverage(coverage: dict[str, Any]) -> None:
    st.markdown(f"**{t('workbench.match.coverage')}**")
    legend = " · ".join(f"{icon} {t('workbench.coverage.' + k)}" for k, icon in COVERAGE_ICONS.items())
    st.caption(legend)
    for group, label in (("must_have", "workbench.coverage.must"), ("nice_to_have", "workbench.coverage.nice")):
        items = coverage.get(group) or []
        if items:
            marks = "  ".join(f"{COVERAGE_ICONS.get(i['status'], '')} {safe_inline(i['keyword'])}" for i in items)
            st.markdown(f"{t(label)}: {marks}")
    proofs = [i for g in ("must_have", "nice_to_have") for i in coverage.get(g) or [] if i.get("proof")]
    if proofs:
        with st.expander(t("workbench.coverage.proofs"), icon=":material/fact_check:"):
            st.caption(t("workbench.coverage.proofs_help"))
            for item in proofs:
                where = t("workbench.coverage." + str(item.get("status")))
                st.markdown(f"- **{safe_inline(item['keyword'])}** ({where}): {safe_inline(str(item['proof']))}")


def render_posting_preview(found: PostingPreview | None) -> None:
    """What code read from the pasted posting and where the user's documents stand, before anything is bought."""
    if found is None:
        return
    with st.container(border=True):
        st.markdown(f"**{t('workbench.preview.heading')}**")
        if found.too_long:
            st.caption(t("workbench.preview.too_long"))
            return
        st.caption(t("workbench.preview.help"))
        if not found.looks_like_jd:
            st.warning(t("workbench.preview.not_jd"), icon=":material/help:")
        role = " · ".join(part for part in (found.title, found.company, found.location) if part)
        if role:
            st.markdown(safe_inline(role))
        asks = []
        if found.years_required:
            asks.append(t("workbench.preview.years", years=found.years_required))
        if found.degree_required:
            asks.append(t("workbench.preview.degree." + found.degree_required))
        if asks:
            st.caption(" · ".join(asks))
        if found.coverage is None:
            st.caption(t("workbench.preview.no_resume"))
        elif found.coverage.must_have or found.coverage.nice_to_have:
            render_coverage(found.coverage.model_dump())
        else:
            st.caption(t("workbench.preview.no_keywords"))


def render_retrieved(records: list[Any] | None) -> None:
    """'Why this advice': the knowledge passages the step was given."""
    with st.expander(t("workbench.why"), icon=":material/menu_book:"):
        if not records:
            st.caption(t("workbench.why_empty"))
            return
        for record in records:
            if isinstance(record, dict):
                title = record.get("heading") or record.get("source") or ""
                st.markdown(f"**{safe_inline(title)}**  \n{safe_markdown(record.get('content', ''))}")
                if record.get("source"):
                    st.caption(safe_inline(record["source"]))
            else:
                st.markdown(safe_markdown(record))


def render_interview(data: dict[str, Any]) -> None:
    for key, label in (
        ("self_intro_1min", "workbench.interview.intro_1"),
        ("self_intro_3min", "workbench.interview.intro_3"),
    ):
        if data.get(key):
            st.markdown(f"**{t(label)}**")
            st.markdown(safe_markdown(data[key]))
    if data.get("likely_questions"):
        st.markdown(f"**{t('workbench.interview.questions')}**")
        for q in data["likely_questions"]:
            if isinstance(q, dict) and q.get("question"):
                st.markdown(f"- **{safe_inline(q['question'])}**")
                st.markdown("\n".join(f"  - {safe_inline(p)}" for p in q.get("outline") or []))
    if data.get("star_stories"):
        st.markdown(f"**{t('workbench.interview.stories')}**")
        for story in data["star_stories"]:
            if isinstance(story, dict) and story.get("gap"):
                with st.container(border=True):
                    st.markdown(f"**{safe_inline(story['gap'])}**")
                    for part in ("situation", "task", "action", "result"):
                        if story.get(part):
                            st.markdown(f"*{t('workbench.star.' + part)}*: {safe_inline(story[part])}")
    if data.get("questions_to_ask"):
        st.markdown(f"**{t('workbench.interview.ask')}**")
        st.markdown("\n".join(f"- {safe_inline(q)}" for q in data["questions_to_ask"] if q))


def render_grounding(grounding: dict[str, Any]) -> None:
    flags = grounding.get("flags") or []
    if not flags:
        st.success(t("workbench.grounding.ok"), icon=":material/verified:")
        return
    st.warning(t("workbench.grounding.flags"), icon=":material/flag:")
    by_line: dict[int, list[dict[str, Any]]] = {}
    for flag in flags:
        by_line.setdefault(int(flag["line"]), []).append(flag)
    for line, items in sorted(by_line.items()):
        tokens = ", ".join(f"{safe_inline(f['token'])} ({t('workbench.grounding.kind.' + f['kind'])})" for f in items)
        st.markdown(f"- L{line}: {safe_code(items[0]['text'])} — {tokens}")
