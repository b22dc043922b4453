"""Spoken languages asked for or held at a working level: "Fluent Spanish required", "Bilingual English/Spanish",
"英语可作为工作语言", "Spanish (fluent)". A language named without one ("conversational Spanish") is no working
language; the language a document is written in says nothing of a second one."""

from __future__ import annotations

import re

from core.facts.vocabulary import Vocabulary

MULTILINGUAL = "multilingual communication"
# How well a language is spoken, where it counts as working in it: "Spanish (fluent)", "英语（流利）", "C1".
WORKING_LEVEL = re.compile(
    r"(?<![A-Za-z])(?:fluent|fluency|native|bilingual|proficient|proficiency|advanced|professional working"
    r"|full professional|business level|[CB]2|C1|IELTS|TOEFL|CET-?6|TEM-?8)(?![A-Za-z])"  # "英语CET-6": no \b
    r"|流利|精通|熟练|母语|商务|专业八级|六级|雅思|托福|工作语言|听说读写",
    re.IGNORECASE,
)
OWN_LANGUAGES = {"en": frozenset({"english"}), "zh": frozenset({"mandarin", "chinese", "cantonese"})}
_REACH = 30  # characters a level is written within, either side of the language's name
_BETWEEN_ITEMS = re.compile(r"[,;，、|/·•]")


def at_working_level(line: str, vocab: Vocabulary, own: frozenset[str]) -> list[str]:
    """The languages besides `own` the line names with a working level beside them, after ("Spanish (fluent)") or
    before ("Fluent Spanish", "英语流利" is after), never across another item of a list."""
    found: list[str] = []
    for hit in vocab.languages_in(line):
        if hit.canonical in own or hit.canonical in found:
            continue
        after = WORKING_LEVEL.search(line, hit.end, min(len(line), hit.end + _REACH))
        # a level governs a list of languages after it: reach over the list ("Fluent in English, Italian and Spanish")
        before = [m for m in WORKING_LEVEL.finditer(line, max(0, hit.start - 3 * _REACH), hit.start)]
        before = [m for m in before if hit.start - m.end() <= _REACH or _BETWEEN_ITEMS.search(line, m.end(), hit.start)]
        if (after and not _BETWEEN_ITEMS.search(line[hit.end : after.start()])) or (
            before and _one_item(line, before[-1].end(), hit.start, vocab)
        ):
            found.append(hit.canonical)
    return found


_LIST_OF_LANGUAGES = re.compile(r"(?:\s*(?:in|,|and|&|/|、|和|及)\s*)*", re.IGNORECASE)


def _one_item(line: str, level_end: int, start: int, vocab: Vocabulary) -> bool:
    """The level written before the language governs it: nothing of another list item between ("Fluent Spanish"),
    or only other languages it governs too ("Fluent in English, Italian and Spanish")."""
    between = line[level_end:start]
    if not _BETWEEN_ITEMS.search(between):
        return True
    rest = between
    for hit in reversed(vocab.languages_in(between)):
        rest = rest[: hit.start] + " " + rest[hit.end :]
    return _LIST_OF_LANGUAGES.fullmatch(rest) is not None


def as_written(lines: list[str], languages: frozenset[str], vocab: Vocabulary) -> list[str]:
    """Each of `languages` (canonical) as the lines first write it ("Spanish", "英语"), in the lines' order: a
    question about the language the posting asks names it as the posting does."""
    out: dict[str, str] = {}
    for line in lines:
        for hit in vocab.languages_in(line):
            if hit.canonical in languages and hit.canonical not in out:
                out[hit.canonical] = line[hit.start : hit.end]
    return list(out.values())
