"""What the Workbench's progress line showed over a whole browser test, recorded in the page (issue 20, finding 6).

A MutationObserver notes each change of which stages ("Queued · 3 s", ...) are on screen, so a stage shown for
a moment between two Playwright checks is not missed; the test then asserts the sequence never went back.
"""

from __future__ import annotations

from typing import Any

from tests.e2e.texts import en, zh

STAGES = ("queued", "slot", "extracting", "matching")
_OBSERVER = """names => {
  window.__stages = [];
  const record = () => {
    const text = document.body.textContent;
    const now = names.map((n, i) => text.includes(n + ' · ') ? i : -1).filter(i => i >= 0).join(',');
    const last = window.__stages[window.__stages.length - 1];
    if (now && now !== last) window.__stages.push(now);
  };
  record();
  new MutationObserver(record).observe(document.body, {subtree: true, childList: true, characterData: true});
}"""


def stage_names(lang: str) -> list[str]:
    """The stages' words in `lang`, in their order."""
    tr = zh if lang == "zh" else en
    return [tr("progress." + name) for name in STAGES]


def install(page: Any, lang: str) -> None:
    """Start recording in this document (a Streamlit rerun keeps it; a reload or navigation does not)."""
    page.evaluate(_OBSERVER, stage_names(lang))


def seen(page: Any) -> list[list[int]]:
    """Each set of stage indexes that was on screen, in the order they appeared."""
    return [[int(i) for i in entry.split(",")] for entry in page.evaluate("window.__stages")]


def assert_forward(entries: list[list[int]]) -> None:
    """One stage at a time, and never one before a stage already shown."""
    assert all(min(entry) == max(entry) for entry in entries), entries
    reached = [entry[0] for entry in entries]
    assert reached == sorted(reached), entries
