"""Text normalisation shared by the checks: one folding of case, width and separators, word stems, CJK tests.

Why here: grounding and coverage must fold text the same way as each other, or a phrase found by one is
missed by the other. Pure functions, no vocabulary.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_SEPARATORS = re.compile(r"[\s\-_/\\|丨·・•,，、;；:：()（）\[\]【】{}<>《》\"'“”‘’!！?？。~～*`]+")
_FINAL_DOT = re.compile(r"\.(?=\s|$)")
_SPACES = re.compile(r"\s+")
_MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKDOWN_MARK = re.compile(r"^\s*(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s*)+")
_EMPHASIS = re.compile(r"\*\*|\*|`|~~|(?<![\w@.])__?(?=\S)|(?<=\S)__?(?![\w@.])")
_LATIN_WORD = re.compile(r"[a-z0-9][a-z0-9+#.]*[a-z0-9+#]|[a-z0-9]")


def any_of(alternatives: tuple[str, ...], flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """The alternation of `alternatives` (regex sources, each starting with a plain character), behind a guard.

    Python's re tries every alternative at every position of the text; the guard, a class of the characters an
    alternative can start with, fails most positions at one test. It matches exactly what the bare alternation
    does (the same flags apply to the class), two to three times faster on a page of text.
    """
    firsts = {alternative[0] for alternative in alternatives}
    if any(not first or re.escape(first) != first for first in firsts):
        raise ValueError("every alternative must start with a plain character")
    return re.compile(f"(?=[{''.join(sorted(firsts))}])(?:{'|'.join(alternatives)})", flags)


# Radicals a PDF's font maps its glyphs to: Chromium's print of a Chinese resume reads "周⾬桐", "⼤学", "部⻔".
# The Kangxi radicals go to their ideograph by NFKC (⼾ to 户, the form Chinese text writes, not 戶); the radicals
# supplement, which NFKC leaves, to the ideograph a Chinese font draws for each (the components that are no word
# on their own, 讠 钅 饣, are left). One character for one, so offsets hold.
_RADICALS: dict[int, str] = {cp: unicodedata.normalize("NFKC", chr(cp)) for cp in range(0x2F00, 0x2FD6)}
_RADICALS.update({0x2F3E: "户"})
_RADICALS.update(
    zip(
        (0x2E81, 0x2E87, 0x2E92, 0x2E93, 0x2E9D, 0x2E9F, 0x2EA0, 0x2EA9, 0x2EAC, 0x2EBC, 0x2EC1, 0x2EC4, 0x2EC5,
         0x2EC6, 0x2EC9, 0x2ECB, 0x2ED1, 0x2ED3, 0x2ED4, 0x2ED7, 0x2ED8, 0x2ED9, 0x2EDA, 0x2EDB, 0x2EDC, 0x2EDD,
         0x2EE1, 0x2EE2, 0x2EE3, 0x2EE4, 0x2EE5, 0x2EE6, 0x2EE7, 0x2EE8, 0x2EE9, 0x2EEA, 0x2EEB, 0x2EEC, 0x2EED,
         0x2EEE, 0x2EEF, 0x2EF0, 0x2EF2, 0x2EF3),
        "厂几巳幺月母民王示月虎西见角贝车長长门雨青韦页风飞食首马骨鬼鱼鸟卤麦黄黾斉齐歯齿竜龙亀龟",
        strict=True,
    )
)  # fmt: skip
_RADICAL = re.compile(r"[\u2e80-\u2eff\u2f00-\u2fd5]")


# What parts the items of a written list: "Salesforce, Gong, Outreach", "Python、Go", "SQL | Excel", "Figma / Sketch".
ITEM_BREAK = re.compile(r"[,，、;；|·•]|\s/\s")


# A typesetter's ligatures as letters: PDFs from LaTeX and from browsers printing serif faces hold "ﬁ" for "fi", so
# "marcus.whitﬁeld@gmail.com" was a wrong address and "qualiﬁcation", "Certiﬁed", "workﬂow" no words at all.
_LIGATURES = {0xFB00: "ff", 0xFB01: "fi", 0xFB02: "fl", 0xFB03: "ffi", 0xFB04: "ffl", 0xFB05: "st", 0xFB06: "st"}
_LIGATURE = re.compile("[\ufb00-\ufb06]")


def expand_ligatures(text: str) -> str:
    """Text with its Latin ligatures spelled out ("ﬁnancial" is "financial"); other text unchanged."""
    return text.translate(_LIGATURES) if _LIGATURE.search(text) else text


def unify_radicals(text: str) -> str:
    """A radical drawn for an ideograph, read as that ideograph ("⼤学" is "大学"); other text unchanged."""
    return text.translate(_RADICALS) if _RADICAL.search(text) else text


def has_cjk(text: str) -> bool:
    return bool(_CJK.search(text))


def is_cjk_char(ch: str) -> bool:
    return bool(_CJK.match(ch))


_SCRIPT_CHANGE = re.compile(r"(?<=[\u3400-\u9fff])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9+#])(?=[\u3400-\u9fff])")


# The spaces (or a tab) that push a line's next part to the right margin in pasted text: "Qualcomm" + spaces +
# "San Diego, CA". A separator between parts, not a gap inside one; so is a full-width space between Chinese fields.
ALIGNMENT_GAP = re.compile(r"[ \t]{3,}|\t+|[ \t]*\u3000[\u3000 \t]*")  # …or a full-width space ("公司　职位")


def column_naming(text: str, names: Callable[[str], bool]) -> str:
    """Of a line two columns share ("手机：159 0211 3344　　　　　 高低压配电"), the first column `names` accepts;
    the whole text when the line has one column or none is accepted. A proof or evidence quoted to the user then
    carries no phone, e-mail or age from the column beside it."""
    columns = [part.strip() for part in ALIGNMENT_GAP.split(text) if part.strip()]
    if len(columns) < 2:
        return text
    return next((column for column in columns if names(column)), text)


def fold(text: str) -> str:
    """NFKC + casefold + separators to single spaces; keeps '+', '#', '.' inside words (C++, C#, Node.js).

    A Latin word written against Chinese text ("数据库QPS降低") is a word of its own.
    """
    folded = _SCRIPT_CHANGE.sub(" ", unicodedata.normalize("NFKC", text)).casefold().replace("&", " and ")
    spaced = _SEPARATORS.sub(" ", folded)
    spaced = _FINAL_DOT.sub(" ", spaced)
    return _SPACES.sub(" ", spaced).strip()


def compact(text: str) -> str:
    """`fold` without spaces: how Chinese text is compared (no spaces between words)."""
    return fold(text).replace(" ", "")


def strip_markdown(line: str) -> str:
    """A Markdown line as plain text: list markers, heading marks, emphasis and link targets removed."""
    line = _MARKDOWN_LINK.sub(r"\1", line)
    line = _MARKDOWN_MARK.sub("", line)
    return _EMPHASIS.sub("", line).strip()


_NOT_PLURAL = frozenset(
    [
        "kubernetes",
        "sales",
        "jenkins",
        "pandas",
        "ios",
        "macos",
        "windows",
        "postgres",
        "news",
        "series",
        "species",
        "express",
        "business",
        "always",
        "canvas",
        "atlas",
        "chaos",
        "aws",
        "gas",
        "plus",
        "bonus",
        "status",
        "campus",
    ]
)


def stem(word: str) -> str:
    """A light English stem: plurals dropped so 'engineers' ~ 'engineer' and 'companies' ~ 'company';
    short words, words that only look plural ('business', 'analytics') and non-words stay."""
    w = word.casefold()
    if len(w) <= 3 or not w.isalpha() or w in _NOT_PLURAL or w.endswith("ics"):
        return w
    for suffix, keep in (("ies", "y"), ("sses", "ss"), ("ches", "ch"), ("shes", "sh"), ("xes", "x")):
        if w.endswith(suffix):
            return w[: -len(suffix)] + keep
    if w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def latin_words(text: str) -> list[str]:
    """Folded Latin words of a text (C++ and Node.js stay whole)."""
    return _LATIN_WORD.findall(fold(text))


def contains_phrase(haystack_folded: str, phrase: str) -> bool:
    """True if `phrase` occurs in the folded haystack on word boundaries (CJK: as a substring, spaces ignored)."""
    key = fold(phrase)
    if not key:
        return False
    if has_cjk(key):
        return key.replace(" ", "") in haystack_folded.replace(" ", "")
    padded = f" {haystack_folded} "
    if f" {key} " in padded:
        return True
    # Plural or singular of the last word: "Monaco Editors" ~ "Monaco Editor".
    words = key.split(" ")
    last = words[-1]
    variants = {last + "s", last[:-1] if last.endswith("s") else last}
    return any(f" {' '.join([*words[:-1], v])} " in padded for v in variants if v)


def english_word_rank(word: str) -> float:
    """The word's rank by frequency in wordninja's English list (1 = most common); infinity when it is not in it.
    Tells a common word ("communication", ~2,700) from a name ("Kubernetes", absent; "Docker", ~94,000)."""
    import wordninja

    model = wordninja.DEFAULT_LANGUAGE_MODEL
    cost = model._wordcost.get(word.casefold())
    return math.inf if cost is None else math.exp(cost) / math.log(len(model._wordcost))


# A one-word skill name more common than this in English is a word to translate, not a tool or brand name.
COMMON_WORD_RANK = 50_000


def is_common_word(word: str) -> bool:
    """True for a word among English's 50,000 most frequent ("communication", "newsletters"), not a name."""
    return english_word_rank(word) < COMMON_WORD_RANK
