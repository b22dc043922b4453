"""Visa sponsorship: whether a posting rules it out, and whether the person says they will need it.

"Must be authorized to work in the United States; we are unable to sponsor visas" against a resume's "Open to
relocation to the US (will require H-1B sponsorship)" is the one gap no story or course closes, and the person
should hear it before applying, in both documents' own words. Read by code from the text, as every other fact:
a line that says so in the first person, never an HR bullet ("Managed H-1B sponsorship for 40 hires").
"""

from __future__ import annotations

import re

_VISA = r"(?:(?:H-?1B|L-?1|O-?1|TN|E-?3|work(?:ing)?|employment|immigration|visa|green\s+card)\s+){0,3}"
# A posting that rules sponsorship out: "unable to sponsor visas", "we do not offer visa sponsorship", "without
# the need for sponsorship now or in the future", "sponsorship is not available", "不提供工作签证".
_NO_SPONSORING = re.compile(
    r"\b(?:unable|not\s+able|cannot|can\s*not|can['’]t|will\s+not|won['’]t|do(?:es)?\s+not|don['’]t|are\s+not|"
    r"is\s+not|not\s+in\s+a\s+position)\s+(?:to\s+)?(?:currently\s+)?(?:offer|provide|support|consider)?\s*"
    rf"(?:(?:any|an?)\s+)?(?:sponsor(?:ing|ship)?\b|{_VISA}sponsorship\b)"
    rf"|\bno\s+{_VISA}sponsorship\b"
    rf"|\bwithout\s+(?:(?:the\s+)?(?:need|requirement)\s+(?:for|of)\s+)?(?:current\s+or\s+future\s+)?(?:{_VISA})?"
    r"sponsorship\b"
    r"|\bsponsorship\s+(?:is\s+|will\s+)?(?:not\s+(?:be\s+)?(?:available|offered|provided|possible)|unavailable)\b"
    r"|\bnot\s+(?:eligible|available)\s+for\s+(?:visa\s+)?sponsorship\b"
    rf"|\b(?:must|should)\s+not\s+(?:now\s+or\s+in\s+the\s+future\s+)?(?:require|need)\s+{_VISA}sponsorship\b"
    r"|(?:不|无法|不能)(?:提供|办理|支持|协助办理)(?:工作)?签证",
    re.IGNORECASE,
)
# A person who will need it: "will require H-1B sponsorship", "requires visa sponsorship", "need sponsorship".
_NEEDS = re.compile(
    rf"\b(?:will\s+|would\s+)?(?:require|need)s?\s+(?:(?:an?|the|future)\s+)?{_VISA}(?:visa\s+)?sponsorship\b"
    r"|\b(?:H-?1B|visa)\s+(?:transfer|sponsorship)\s+(?:required|needed)\b"
    r"|需要(?:办理|提供)?(?:工作)?签证",
    re.IGNORECASE,
)
# …unless the same clause denies it ("no sponsorship required", "do not require sponsorship") or says it of others:
# an immigration paralegal's "petitions for employees who require H-1B sponsorship".
_NOT_MINE = re.compile(
    r"(?:\b(?:no|not|never|without)\b|n['’]t\b)[^.;,\n]{0,30}$"
    r"|\b(?:who|that|which|whose|those|clients?|employees?|candidates?|workers?|students?|hires?|staff|applicants?|"
    r"beneficiar\w+|nationals?|families|physicians|nurses|engineers)\b[^.;\n]{0,40}$",
    re.IGNORECASE,
)


def posting_rules_out_sponsorship(jd_text: str) -> str:
    """The posting's own clause that says it sponsors no visas ("" when it says nothing of it)."""
    found = _NO_SPONSORING.search(jd_text)
    return _clause_at(jd_text, found.start(), found.end()) if found else ""


def needs_sponsorship(resume_text: str) -> str:
    """The person's own clause that says they will need visa sponsorship ("" when they say nothing or the opposite)."""
    for found in _NEEDS.finditer(resume_text):
        if not _NOT_MINE.search(resume_text[: found.start()].rsplit("\n", 1)[-1]):
            return _clause_at(resume_text, found.start(), found.end())
    return ""


def _clause_at(text: str, start: int, end: int) -> str:
    """The clause around text[start:end], as written: "we are unable to sponsor visas" out of its line."""
    stops = ".;!?()|·•\n。；！？（）"
    left = max(text.rfind(stop, 0, start) for stop in stops) + 1
    right = min((i for i in (text.find(stop, end) for stop in stops) if i >= 0), default=len(text))
    return text[left:right].strip(" \t-*,")


def sponsorship_conflict(resume_text: str, detailed_text: str, jd_text: str) -> dict[str, str]:
    """{"posting": its clause, "candidate": theirs} when the posting sponsors no visas and the person says they will
    need one; {} otherwise. The offline Match states it as its first gap; the model's Match is handed it with the
    coverage, both computed by code."""
    posting = posting_rules_out_sponsorship(jd_text)
    mine = (needs_sponsorship(resume_text) or needs_sponsorship(detailed_text)) if posting else ""
    return {"posting": posting, "candidate": mine} if posting and mine else {}
