"""Comparing what OCR read with what was printed, the same way in the OCR tests and in `bench.scans`."""

from __future__ import annotations

import difflib
import re
import unicodedata

# A line counts as read when some line read is at least this similar to it (one or two characters wrong).
READ_SIMILARITY = 0.85


def line_key(text: str) -> str:
    """Letters and digits only, NFKC-folded: spacing and punctuation do not decide whether a line was read."""
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text)).casefold()


def best_reading(line: str, read: list[str]) -> float:
    """How similar the closest line read is to this printed one (0 to 1)."""
    return max((difflib.SequenceMatcher(None, line_key(got), line_key(line)).ratio() for got in read), default=0.0)
