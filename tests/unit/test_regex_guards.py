"""The guards in front of the facts reader's widest regexes change its speed, never what it finds."""

from __future__ import annotations

import re

import pytest

from core.facts import dates, numbers, read
from core.facts.text import any_of
from core.facts.vocabulary import _CERT_PATTERNS
from tests.unit.test_coverage_pairs import _corpus

TEXTS = [text for _, text in _corpus()] + [
    "Apply by 2024-03; Sept. 2019 – Present; 2018年3月至今; JAN 2020; ſeptember 2021; ＡＷＳ Certified",
    "Contact: jane@example.com, https://jane.dev, www.example.org; AWS Certified Solutions Architect",
    "PMP证书, 获得CPA资格证, 身份认证; Google Cloud Professional Certificate; YOU'LL own the roadmap",
]


def _unguarded(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The same pattern without its leading guard."""
    source = pattern.pattern
    guard = re.match(r"\s*\(\?=\[[^\]]+\]\)", source)
    assert guard is not None, "the pattern has no guard in front"
    return re.compile(source[guard.end() :], pattern.flags)


@pytest.mark.parametrize("pattern", [dates._DATE, read._JD_MARKERS, read._PROFICIENCY], ids=["date", "jd", "lang"])
def test_a_guarded_pattern_finds_what_the_bare_one_does(pattern: re.Pattern[str]) -> None:
    bare = _unguarded(pattern)
    for text in TEXTS:
        assert [m.group(0) for m in pattern.finditer(text)] == [m.group(0) for m in bare.finditer(text)]
        for line in text.splitlines():
            found, expected = pattern.search(line), bare.search(line)
            assert (found and found.span()) == (expected and expected.span())


def test_any_of_refuses_an_alternative_it_cannot_guard() -> None:
    assert any_of(("cat", "dog")).findall("Dog and CAT") == ["Dog", "CAT"]
    with pytest.raises(ValueError):
        any_of((r"\bcat", "dog"))
    with pytest.raises(ValueError):
        any_of(("(?:a|b)c",))


def test_a_text_without_the_hint_holds_no_match() -> None:
    """The cheap checks in front of the email/URL and certificate scans only skip texts they cannot match."""
    for text in TEXTS:
        for part in [text, *text.splitlines()]:
            if numbers._EMAIL_URL.search(part):
                assert numbers._EMAIL_URL_HINT.search(part)
            for word, pattern in _CERT_PATTERNS:
                if pattern.search(part):
                    assert word in part
