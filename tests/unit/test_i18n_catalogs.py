"""Translations (issue 8): zh and en carry the same keys with the same placeholders, and every key the UI
asks for exists, so switching language changes every string instead of leaking raw keys or English.
"""

from __future__ import annotations

import json
import re
import string
from pathlib import Path

import pytest

from core.i18n import LANGS, catalog, normalize_lang, translate

ROOT = Path(__file__).resolve().parents[2]
LOCALES = ROOT / "core" / "locales"
FEATURE_FILES = sorted({p.name for lang in LANGS for p in (LOCALES / lang).glob("*.json")})
# UI modules owned by accounts; their literal t("...") keys must exist in both languages.
UI_SOURCES = ["Home.py", "pages/0_Sign_in.py", "ui/landing.py", "ui/layout.py", "ui/account_widgets.py"]
_T_CALL = re.compile(r"""\bt\(\s*["']([a-z0-9_.]+)["']""")


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("feature", FEATURE_FILES)
def test_each_feature_file_has_the_same_keys_and_placeholders_in_every_language(feature: str) -> None:
    loaded = {lang: json.loads((LOCALES / lang / feature).read_text(encoding="utf-8")) for lang in LANGS}
    en = loaded["en"]
    for lang, entries in loaded.items():
        assert set(entries) == set(en), f"{lang}/{feature}: keys differ from en"
        for key, text in entries.items():
            assert text.strip(), f"{lang}/{feature}: {key} is empty"
            assert _placeholders(text) == _placeholders(en[key]), f"{lang}/{feature}: {key} placeholders differ"


def test_no_key_is_defined_by_two_feature_files() -> None:
    for lang in LANGS:
        seen: dict[str, str] = {}
        for path in sorted((LOCALES / lang).glob("*.json")):
            for key in json.loads(path.read_text(encoding="utf-8")):
                assert key not in seen, f"{lang}: {key} in both {seen[key]} and {path.name}"
                seen[key] = path.name


@pytest.mark.parametrize("source", UI_SOURCES)
def test_every_key_used_by_the_accounts_ui_exists_in_both_languages(source: str) -> None:
    keys = set(_T_CALL.findall((ROOT / source).read_text(encoding="utf-8")))
    assert keys, f"{source} uses no translation keys"
    for lang in LANGS:
        missing = sorted(k for k in keys if k not in catalog(lang))
        assert not missing, f"{source}: missing in {lang}: {missing}"


def test_accounts_and_landing_strings_differ_between_languages() -> None:
    for prefix in ("landing.", "signin.", "layout.", "nav.", "account.", "accounts.error."):
        keys = [k for k in catalog("en") if k.startswith(prefix)]
        assert keys
        same = [k for k in keys if translate(k, "en") == translate(k, "zh")]
        assert not same, f"untranslated: {same}"


def test_translate_formats_params_and_falls_back() -> None:
    assert translate("accounts.error.locked", "en", minutes=15).endswith("15 minute(s).")
    assert "15" in translate("accounts.error.locked", "zh", minutes=15)
    assert translate("no.such.key", "zh") == "no.such.key"


@pytest.mark.parametrize(
    ("value", "expected"), [("zh-CN", "zh"), ("zh", "zh"), ("en-US", "en"), ("fr-FR", "en"), (None, "en")]
)
def test_browser_locale_maps_to_a_supported_language(value: str | None, expected: str) -> None:
    assert normalize_lang(value) == expected


def test_every_kind_of_grounding_flag_is_named_in_every_language() -> None:
    """A flag on a title read "President (workbench.grounding.kind.title)": only three kinds had a name."""
    from core.facts.grounding import FLAG_KINDS

    for lang in LANGS:
        for kind in FLAG_KINDS:
            key = f"workbench.grounding.kind.{kind}"
            assert key in catalog(lang), f"{lang}: {key}"
