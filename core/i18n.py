"""Translations: every user-facing string and message key lives in core/locales/{en,zh}/<feature>.json.

`translate(key, lang, **params)` formats with str.format; a missing key falls back to English, then to the
key itself, so a forgotten string is visible rather than a crash. Pages use ui.i18n.t(), which knows the
current user's language.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from core.kinds import DEFAULT_LANG, LANGS, normalize_lang

__all__ = ["DEFAULT_LANG", "LANGS", "catalog", "normalize_lang", "translate"]
_DIR = Path(__file__).resolve().parent / "locales"


@cache
def catalog(lang: str) -> dict[str, str]:
    """All keys of one language: the union of its feature files (one file per feature avoids edit clashes)."""
    merged: dict[str, str] = {}
    for path in sorted((_DIR / lang).glob("*.json")):
        merged.update(json.loads(path.read_text(encoding="utf-8")))
    return merged


def translate(key: str, lang: str = DEFAULT_LANG, **params: Any) -> str:
    text = catalog(lang).get(key) or catalog(DEFAULT_LANG).get(key) or key
    if params:
        try:
            return text.format(**params)
        except (KeyError, IndexError, ValueError):
            return text
    return text
