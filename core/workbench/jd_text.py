"""A pasted job description as every step reads it: control characters dropped, ligatures spelled out, and the
length limits the click enforces (the preview under the JD box keeps to the same ones)."""

from __future__ import annotations

from core.facts.text import expand_ligatures
from core.safe_text import strip_controls

MAX_JD_CHARS = 30_000
MIN_JD_CHARS = 30


def clean_pasted_jd(text: str) -> str:
    """NUL and friends dropped, not refused; a ligature copied out of a PDF spelled out; ends trimmed."""
    return expand_ligatures(strip_controls(text)).strip()


def jd_length_ok(text: str) -> bool:
    """A cleaned text the click would take: neither too short to be a posting nor over the limit."""
    return MIN_JD_CHARS <= len(text) <= MAX_JD_CHARS
