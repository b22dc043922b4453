"""Token-level matching of many phrases at once: the engine under the vocabulary.

A regex alternation over thousands of aliases is slow in Python's backtracking `re`; walking a token trie from
each token is linear in the text and keeps "longest match wins" exact. Text and phrases go through the same
tokenizer, so "Node.js", "C++", "A/B testing" and "机器学习" (one token per CJK character, hence substring
matching) compare token by token, and "Java" can never match inside the single token "JavaScript".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

# A latin word (an optional leading dot keeps ".NET" and the ".js" of "Node.js"), or one CJK character.
# An '&' standing alone between spaces is the word "and" ("Mergers & Acquisitions"); inside "R&D" it joins.
_TOKEN_RE = re.compile(r"\.?[A-Za-z0-9\u00C0-\u024F]+[+#]*|[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]|(?<=\s)&(?=\s)")
_CJK_RE = re.compile(r"[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]")
# What may stand between two tokens of one phrase: spaces (one line wrap), hyphens, slashes, apostrophes, '&'.
_JOIN_RE = re.compile(r"[ \t\-/'\u2019_]{0,3}|&|[ \t]*\n[ \t]*")
# Between two Chinese characters of one phrase: nothing, one space (a scan's spacing) or one line wrap; never an
# ideographic space or a run of spaces, which part a header's fields ("广州某科技有限公司　财务实习生").
_SPACE_RE = re.compile(r"[ \t]?|[ \t]*\n[ \t]*")
# A break of sentence: a phrase never spans it, and the stem window stops at it.
_BREAK_RE = re.compile(r"[.;:!?\u3002\uff1b\uff1a\uff01\uff1f]|\n\s*\n")


class Token(NamedTuple):
    key: str  # lower case
    raw: str  # as written
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    # Tuples made straight into Tokens (NamedTuple's own __new__ is a Python call per token): every line of every
    # document goes through here before a step's request, a fifth of a Match's CPU there.
    out: list[Token] = []
    append = out.append
    for m in _TOKEN_RE.finditer(text):
        raw = m.group()
        start, end = m.span()
        append(_new_tuple(Token, ("and" if raw == "&" else raw.lower(), raw, start, end)))
    return out


_new_tuple = tuple.__new__


def token_keys(text: str) -> list[str]:
    """`[t.key for t in tokenize(text)]` without the tokens: an index of what each line holds needs only the words,
    and building every line's tokens for it was most of a Match's coverage (core.facts.vocabulary._line_index)."""
    return ["and" if raw == "&" else raw.lower() for raw in _TOKEN_RE.findall(text)]


def has_cjk(text: str) -> bool:
    return _CJK_RE.search(text) is not None


def joins(text: str, left: Token, right: Token) -> bool:
    """True when the gap between two tokens may sit inside one phrase (Chinese characters: spaces only)."""
    if left.end == right.start:
        return True
    if _CJK_RE.match(left.key) and _CJK_RE.match(right.key):
        return _SPACE_RE.fullmatch(text, left.end, right.start) is not None
    return _JOIN_RE.fullmatch(text, left.end, right.start) is not None


def breaks(text: str, left: Token, right: Token) -> bool:
    """True when a sentence break lies between two tokens."""
    return _BREAK_RE.search(text, left.end, right.start) is not None


@lru_cache(maxsize=65536)
def variants(key: str) -> tuple[str, ...]:
    """Forms a text token may take to meet a phrase token: itself, without a leading dot, without a plural."""
    out = [key]
    if key.startswith(".") and len(key) > 1:
        key = key[1:]
        out.append(key)
    if len(key) > 3 and key.endswith("s") and not key.endswith("ss") and key.isalpha():
        if key.endswith("ies"):
            out.append(key[:-3] + "y")
        elif key.endswith(("ches", "shes", "xes", "sses")):
            out.append(key[:-2])
        out.append(key[:-1])
    return tuple(out)


@dataclass(frozen=True)
class Entry:
    """What a phrase names. `cased` holds the exact tokens when case matters ("Go", "R", "ML")."""

    canonical: str
    kind: str
    guarded: bool = False  # only valid inside a list of skills (see Vocabulary)
    cased: tuple[str, ...] | None = None


@dataclass
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    entries: list[Entry] = field(default_factory=list)
    # Child keys some phrase wrote as a word rather than an acronym: only those take a lower-case plural,
    # so "pipelines" meets "pipeline" and "APIs" meets "API", but "does" never meets "DOE".
    words: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Match:
    entry: Entry
    first: int  # token indexes, end exclusive
    last: int
    start: int  # character offsets
    end: int


class TermTrie:
    """Phrases stored as token paths; `scan` returns the longest non-overlapping matches, left to right."""

    def __init__(self) -> None:
        self._root = _Node()
        self.size = 0
        self._first_keys: frozenset[str] | None = None  # made on first ask, dropped by `add`

    def add(self, phrase: str, entry: Entry) -> bool:
        tokens = tokenize(phrase)
        if not tokens:
            return False
        self._first_keys = None
        node = self._root
        for token in tokens:
            if not token.raw.isupper():
                node.words.add(token.key)
            node = node.children.setdefault(token.key, _Node())
        if entry.cased is None and any(e.canonical == entry.canonical for e in node.entries):
            return False
        node.entries.append(entry)
        self.size += 1
        return True

    def first_keys(self) -> frozenset[str]:
        """The token keys a phrase can start with: a text none of whose tokens (or their variants) is one holds
        no match, so a caller scanning many texts with a small trie can skip most of them. Kept between asks:
        coverage asks once per line and keyword."""
        if self._first_keys is None:
            self._first_keys = frozenset(self._root.children)
        return self._first_keys

    def scan(self, text: str, tokens: list[Token] | None = None) -> list[Match]:
        tokens = tokenize(text) if tokens is None else tokens
        out: list[Match] = []
        i, n = 0, len(tokens)
        root = self._root.children
        while i < n:
            key = tokens[i].key
            if key not in root and key[0] != "." and key[-1] != "s":
                i += 1  # the common case: no phrase starts with this token
                continue
            found = self._longest(text, tokens, i)
            if found is None:
                i += 1
                continue
            out.append(found)
            i = found.last
        return out

    def _longest(self, text: str, tokens: list[Token], i: int) -> Match | None:
        node = self._root
        best: Match | None = None
        j = i
        while j < len(tokens):
            child = _child(node, tokens[j])
            if child is None or (j > i and not joins(text, tokens[j - 1], tokens[j])):
                break
            node = child
            j += 1
            for entry in node.entries:
                if entry.cased is not None and not _same_case(tokens[i:j], entry.cased):
                    continue
                best = Match(entry, i, j, tokens[i].start, tokens[j - 1].end)
                break
        return best


def _same_case(tokens: list[Token], cased: tuple[str, ...]) -> bool:
    """Written exactly as the phrase, a plural "s" allowed ("DOEs", "SLAs")."""
    return all(t.raw == c or t.raw == c + "s" for t, c in zip(tokens, cased, strict=True))


def _child(node: _Node, token: Token) -> _Node | None:
    key = token.key
    child = node.children.get(key)
    if child is not None or (key[0] != "." and key[-1] != "s"):
        return child
    for alternative in variants(key)[1:]:
        child = node.children.get(alternative)
        if child is None:
            continue
        raw = token.raw.lstrip(".")
        if alternative in node.words or (raw[: len(alternative)].isupper() and raw[-1] == "s"):
            return child  # "APIs", "SLAs"; "SSRS" is a name of its own, not the plural of "SSR"
    return None


_SUFFIXES = (
    "ibilities", "abilities", "izations", "isations", "ibility", "ability", "ization", "isation", "ations",
    "ation", "ments", "ment", "izing", "ising", "ized", "ised", "ize", "ise", "ings", "ing", "ible", "able",
    "ness", "ities", "ity", "ical", "ating", "ated", "ates", "ate", "ers", "er", "ors", "or", "ed", "ies", "es",
    "al", "ly", "s", "e",
)  # fmt: skip


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light suffix stripper, enough to meet inflections: deploying~deployment, accessible~accessibility."""
    word = word.lower().lstrip(".")
    for _ in range(2):
        if len(word) <= 3 or not word.isalpha():
            return word
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                if suffix == "s" and word.endswith("ss"):
                    continue
                word = word[: -len(suffix)]
                break
        else:
            return word
    return word
