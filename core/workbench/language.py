"""The language a job description is written in, decided by code from its text.

Why not the model's `language` field: a model reading an English JD could answer "zh" (it did), and the
output language is a fact of the text, so it is counted: CJK characters against Latin words. A Chinese JD
full of English tech terms ("Python", "AWS") still has far more CJK characters than Latin words; an English
JD naming a Chinese company has a handful.
"""

from __future__ import annotations

import re

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")  # CJK ideographs (extension A, unified, compatibility)
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def detect_lang(text: str) -> str:
    """ "zh" when CJK characters outnumber Latin words, else "en" (also for empty text)."""
    cjk = len(_CJK.findall(text))
    words = len(_LATIN_WORD.findall(text))
    return "zh" if cjk > words else "en"
