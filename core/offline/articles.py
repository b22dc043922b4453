"""A job title inside an English sentence takes its article: "I'm a Staff Nurse at …", "an SRE", "Head of Growth".

The offline sentences quote the resume's title as written; without an article "I'm Staff Nurse, Telemetry Unit at
Memorial Hermann Hospital." reads as a machine's. A post there is one of ("Head of …", "CEO", "Founder") takes none,
as English writes "she is CEO of …". Chinese needs nothing.
"""

from __future__ import annotations

import re

# First words of a post that has one holder: no article ("I'm Head of Growth at …", "I was CTO at …").
_ONE_HOLDER = frozenset(
    {"head", "chief", "ceo", "cto", "cfo", "coo", "cmo", "cio", "cpo", "cso", "chro", "president", "founder",
     "co-founder", "cofounder", "owner", "vp", "svp", "evp", "vice", "the", "a", "an", "my"}
)  # fmt: skip
# Letters whose name begins with a vowel sound: "an SRE", "an HR Manager", "an RN"; "a UX Designer".
_VOWEL_SOUND_LETTERS = frozenset("AEFHILMNORSX")
# Words spelt with a vowel but said with a consonant ("a University Lecturer", "a European …", "a One-…"), and
# words spelt with an h that is not said ("an Honorary Fellow").
_CONSONANT_SOUND = re.compile(r"(?:uni|use|usu|ure|uro|eu|one)", re.IGNORECASE)
_SILENT_H = re.compile(r"(?:hour|honou?r|honest|heir)", re.IGNORECASE)
_FIRST_WORD = re.compile(r"[A-Za-z][A-Za-z&.'’-]*")


def with_article(title: str, lang: str) -> str:
    """`title` as an English sentence names the person's post: "a Staff Nurse", "an SDE II", "Head of Growth"; the
    title unchanged in Chinese, or when it does not begin with a Latin word."""
    if lang != "en":
        return title
    first = _FIRST_WORD.match(title)
    if first is None:
        return title
    word = first.group(0)
    if word.lower().rstrip(".,") in _ONE_HOLDER:
        return title
    shouted = not any(c.islower() for c in title)  # "LEAD NURSE": capitals throughout, words still
    return f"{'an' if _vowel_sound(word, shouted) else 'a'} {title}"


def _vowel_sound(word: str, shouted: bool) -> bool:
    """Whether the word is said beginning with a vowel: an acronym by its first letter's name, a word by its
    spelling, with the usual exceptions. In a title written in capitals only a short word is taken as an acronym."""
    letters = word.replace(".", "").replace("&", "")
    if len(letters) > 1 and letters.isupper() and (not shouted or len(letters) <= 3):
        return letters[0] in _VOWEL_SOUND_LETTERS
    if _SILENT_H.match(word):
        return True
    return word[0].lower() in "aeiou" and not _CONSONANT_SOUND.match(word)
