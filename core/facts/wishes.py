"""Sentences that say which job the person wants: what they name is wanted, not shown.

Statements of availability are read the same way: "Open to relocation to the US (will require H-1B sponsorship)"
shows no relocation or immigration work, only where and how the person can work.

"Seeking a Family Nurse Practitioner position in urgent care or primary care." and "Looking for a Tier 2 /
incident response role" sit inside a summary, not under an objective's heading (core.facts.model.wish_lines), and
the rest of that summary is evidence. So the wish is cut from its sentence's opening words to the sentence's end.
"""

from __future__ import annotations

import re

# The sentence opens the text or follows a sentence's end; "I am" / "I'm" / "Now" may come first.
_WISH = re.compile(
    r"(?:^|(?<=[.!?;。！？；]))[ \t]*((?:(?:I[ \t]+am|I['’]m|now|currently)[ \t]+)?(?:"
    # the opener may end a line a narrow column wrapped: "…leave management and HRIS. Seeking" / "an HR Business…"
    r"(?:looking[ \t]+for|seeking|open[ \t]+to)(?:[ \t]+|[ \t]*\n[ \t]*)(?:a|an|the|new|my[ \t]+next|roles?|positions?|"
    r"opportunit\w*|jobs?|careers?|internships?|full[ -]time|part[ -]time|entry[ -]level)\b"
    r"|(?:looking|hoping|aspiring|eager|keen)[ \t]+to[ \t]+[a-z]+"  # "Looking to lead a pulmonary rehab program"
    r"|seeking[ \t]+to[ \t]+(?:join|move|transition|grow|become|work[ \t]+as|work[ \t]+in|pursue|start|"
    r"break[ \t]+into|enter|lead)\b"
    # "I would like to move into a senior BAS Programmer role with more Honeywell WEBs work"
    r"|(?:I\s+)?(?:would\s+(?:like|love)|want|wish|plan|aim|intend)\s+to\s+(?:move|transition|grow|"
    r"join|become|work|pursue|step|break|get|take\s+on|specialize|specialise)\b"
    # …and run on over one line break, not into a heading ("SKILLS") nor a list's item
    r")[^.!?;。！？；\n]*(?:\n(?![ \t]*(?:\n|[-•*·▪●◦]|[A-Z][A-Z &/]{3,}[ \t]*$))[^.!?;。！？；\n]*)?)",
    re.IGNORECASE | re.MULTILINE,
)
# "希望加入专业MCN机构，带领团队打造更多优质内容", "期待与贵公司共同成长": a clause's wish, to the sentence's end.
_WISH_ZH = re.compile(
    r"(?:^|(?<=[。！？；，、：.!?;,:\s]))((?:我|本人|但)?(?:非常|十分|很)?(?:希望|期望|渴望|期待|想要|立志|有意愿?|有意向|愿意|乐意)"
    r"(?:能够?|可以)?(?:从零开始)?"
    r"(?:加入|成为|从事|进入|投身|寻求|获得|找到|应聘|担任|承担|转型|转岗|转向|转入|由|向|学习|在|到|与贵|为贵)[^。！？；!?;\n]*)",
    re.MULTILINE,
)
# "Open to relocation", "Willing to relocate within the EU", "will require H-1B sponsorship", "Authorized to work in
# the US", "Work authorization: TN visa": to the clause's end. The clause is the person's own, so it opens a line or
# follows a stop: an HR bullet's "Advised 30 hires who require visa sponsorship" is work shown.
_AVAILABILITY = re.compile(
    r"(?:^|(?<=[(;,.:|•·–—]))[ \t]*(?:I[ \t]+am[ \t]+|I['’]m[ \t]+|I[ \t]+|currently[ \t]+)?"
    r"((?:open|willing|able|available|happy|ready)[ \t]+to[ \t]+relocat\w*[^.;()\n]*"
    r"|(?:will[ \t]+|would[ \t]+)?(?:require|need)s?[ \t]+[^.;()\n]{0,30}sponsorship\b[^.;()\n]*"
    r"|(?:authori[sz]ed|eligible|permitted|cleared)[ \t]+to[ \t]+work\b[^.;()\n]*"
    r"|(?:work[ \t]+authori[sz]ation|work[ \t]+permit|visa[ \t]+status|citizenship)[ \t]*:[^\n]*)",
    re.IGNORECASE | re.MULTILINE,
)
_AVAILABILITY_WORDS = ("relocat", "sponsor", "to work", "authoriz", "authoris", "permit", "visa", "citizenship")
_OPENERS = (
    "looking",
    "seeking",
    "hoping",
    "aspiring",
    "eager",
    "keen",
    "open to",
    "like to",
    "love to",
    "want to",
    "wish to",
    "plan to",
    "aim to",
    "intend to",
)
_OPENERS_ZH = ("希望", "期望", "渴望", "期待", "想要", "立志", "有意", "愿意", "乐意")
# A clause on its way somewhere: "Front office supervisor with 7 years in resort hotels, moving into revenue
# management" has not done revenue management; to the sentence's end.
_MOVING_INTO = re.compile(
    r"(?<=[,;(—–-])[ \t]*((?:now[ \t]+)?(?:moving|transitioning|pivoting|switching|crossing[ \t]+over)"
    r"[ \t]+(?:in)?to(?:wards?)?\b[^.!?;\n]*)",
    re.IGNORECASE,
)


def wish_spans(text: str) -> list[tuple[int, int]]:
    """Where `text` says which job the person wants (a sentence may run on over one line break)."""
    folded = text.lower()
    spans = [m.span(1) for m in _WISH.finditer(text)] if any(word in folded for word in _OPENERS) else []
    if "ing " in folded:
        spans.extend(m.span(1) for m in _MOVING_INTO.finditer(text))
    if any(word in folded for word in _AVAILABILITY_WORDS):
        spans.extend(m.span(1) for m in _AVAILABILITY.finditer(text))
    if any(word in text for word in _OPENERS_ZH):  # most documents have neither: no search
        spans.extend(m.span(1) for m in _WISH_ZH.finditer(text))
    return sorted(spans)


def without_wishes(text: str) -> str:
    """The text with its wishes blanked (same length and line breaks, so offsets and line numbers still hold)."""
    spans = wish_spans(text)
    for start, end in reversed(spans):
        text = text[:start] + "".join("\n" if ch == "\n" else " " for ch in text[start:end]) + text[end:]
    return text


def states_availability(text: str) -> bool:
    """True for a line that is mostly where and how the person can work ("F-1 STEM OPT through June 2027; will
    require H-1B sponsorship thereafter · Open to relocation"): a header's line, never a summary or a fact to pitch."""
    if not any(word in text.lower() for word in _AVAILABILITY_WORDS):
        return False
    said = sum(len(m.group(1).strip()) for m in _AVAILABILITY.finditer(text))
    return said * 2 >= len(text.strip())
