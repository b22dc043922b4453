"""Sentences that say which job the person wants: what they name is wanted, not shown.

"Seeking a Family Nurse Practitioner position in urgent care or primary care." and "Looking for a Tier 2 /
incident response role" sit inside a summary, not under an objective's heading (core.facts.model.wish_lines), and
the rest of that summary is evidence. So the wish is cut from its sentence's opening words to the sentence's end.
"""

from __future__ import annotations

import re

# The sentence opens the text or follows a sentence's end; "I am" / "I'm" / "Now" may come first.
_WISH = re.compile(
    r"(?:^|(?<=[.!?;。！？；]))[ \t]*((?:(?:I[ \t]+am|I['’]m|now|currently)[ \t]+)?(?:"
    r"(?:looking[ \t]+for|seeking|open[ \t]+to)[ \t]+(?:a|an|the|new|my[ \t]+next|roles?|positions?|"
    r"opportunit\w*|jobs?|careers?|internships?|full[ -]time|part[ -]time|entry[ -]level)\b"
    r"|(?:looking|seeking|hoping|aspiring|eager|keen)[ \t]+to[ \t]+(?:join|move|transition|grow|become|work[ \t]+as|"
    r"work[ \t]+in|pursue|start|break[ \t]+into|enter)\b"
    r")[^.!?;。！？；\n]*(?:\n(?![ \t]*(?:\n|[-•*·▪●◦]))[^.!?;。！？；\n]*)?)",
    re.IGNORECASE | re.MULTILINE,
)
_OPENERS = ("looking", "seeking", "hoping", "aspiring", "eager", "keen", "open to")


def wish_spans(text: str) -> list[tuple[int, int]]:
    """Where `text` says which job the person wants (a sentence may run on over one line break)."""
    folded = text.lower()
    if not any(word in folded for word in _OPENERS):
        return []  # most documents: no search
    return [m.span(1) for m in _WISH.finditer(text)]


def without_wishes(line: str) -> str:
    """The line with its wishes blanked (same length, so offsets into it still hold)."""
    spans = wish_spans(line)
    for start, end in reversed(spans):
        line = line[:start] + " " * (end - start) + line[end:]
    return line
