"""Whether a certificate a document names is held, or only worked towards.

"CPA candidate (passed FAR, AUD)", "CFA二级候选人", "执业药师（已通过2门，备考中）", "SHRM-CP (exam scheduled March)",
"working toward Master Electrician license": each names a certificate the person does not hold (yet), as does one
written "(expired)". The vocabulary finds the name all the same; these rules read the words right around it.
Coverage then counts such a certificate as missing, and grounding rejects an output that claims it without saying
it is in progress: a tailored resume that turns "CPA candidate" into "CPA" invents a licence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from core.facts.model import DocumentModel
from core.facts.vocabulary import Hit, Vocabulary

# Right before the name, on its line: "candidate for", "pursuing", "working toward (the)", "备考", "正在考取".
_BEFORE = re.compile(
    r"(?:\b(?:candidate\s+for|pursuing|working\s+towards?|towards?|studying\s+for|preparing\s+for|enrolled\s+in"
    r"|sitting\s+for|registered\s+for|currently\s+taking|(?:currently\s+)?completing|in\s+progress:?)"
    r"(?:\s+(?:the|a|an|my|state(?:'s)?))?(?-i:(?:\s+[A-Z][a-z]+){0,2})\s*"
    r"|(?:正在|目前|现)?(?:备考|考取|报考|冲刺|在考|准备考取)中?\s*[：:]?\s*)$",  # "在考：CFP…", "正在备考：SHRM-CP"
    re.IGNORECASE,
)
# Signed up for, not sat: "六西格玛绿带：已报名", "ISO 45001内审员：计划参加培训".
_SIGNED_UP_ZH = "已报名|报名中|计划参加|计划考取|拟参加|待考"
# What says "not held" inside a bracket right after the name: "(passed FAR, AUD; REG scheduled)", "(expired)",
# "（专业阶段已通过6科）", "（已通过2门，备考中）".
_NOT_HELD = (
    r"\b(?:candidates?|in\s+progress|expected|anticipated|pending|scheduled|in\s+training|expired|lapsed|inactive"
    r"|sitting|registered\s+for|studying\s+for|currently\s+studying|enrolled"  # "Exam MAS-I – Sitting May 2025"
    # "AWS Certified Cloud Practitioner — studying, target exam date Mar 2027"; a course of it, not it: "(course
    # completion, Dec 2024)"
    r"|studying(?=\s*(?:[,;:)]|$))|target\s+(?:exam|test)\s+date|course\s+(?:completion|completed|only)"
    r"|(?:currently\s+)?pursuing|preparing\s+for"  # "IIBA ECBA (Entry Certificate in Business Analysis) - pursuing"
    # "ND Journeyman Electrician License — not held (working on hours)"
    r"|not\s+(?:yet\s+)?(?:held|obtained|earned|issued|licensed|certified|taken)|working\s+(?:on|towards?)\s+(?:it|hours)"
    r"|plann?(?:ing)?\s+to\s+(?:sit|take)"  # "Certified Meeting Professional (CMP) - planning to sit for exam"
    r"|(?:part\s+\w+\s+)?exam\s+(?:planned|booked)"  # "APICS CPIM – currently studying, Part 1 exam planned for 2025"
    r"|passed\s+(?:FAR|AUD|REG|BEC|ISC|TCP|levels?|parts?|exams?|sections?)\b"
    r"|(?:passed\s+)?(?:\d{1,2}|one|two|three)\s+of\s+(?:\d{1,2}|three|four|six)"
    r"(?:\s+(?:parts|sections|exams|papers|modules|courses))?\b"
    # "ACCA part-qualified (9 of 13 exams passed)", "CDCES — eligible; exam scheduled"
    r"|part[-\s]?qualified|partly\s+qualified|finalist|(?:board[-\s])?eligible)"
    rf"|候选人|在考|备考|考试中|学习中|进行中|准备中|已过期|已失效|[尚暂]?未取得|[尚暂]?未获得|在读|未通过|{_SIGNED_UP_ZH}"
    r"|已于[^，,。；;]{0,10}(?:过期|失效)|未复审"  # "叉车证（…，已于2022年过期，未复审）"
    r"|(?:已?通过|已过)\s*\d+\s*[科门]|\d+\s*[科门]已(?:通过|过)|专业阶段"
    r"|(?:已?通过|已过)[^，,；;）)]{0,20}?(?:\d+|[一两二三四五六])\s*个?(?:科|门|模块)|预计\s*\d{4}\s*年?(?:完成|取得|拿证)"
)
_IN_BRACKET = re.compile(_NOT_HELD, re.IGNORECASE)
# …or written straight after it: "CPA candidate", "SHRM-CP exam scheduled", "CPA – passed 2 of 4", "执业药师备考中";
# a licence's number may stand between ("RDA 71530 – lapsed 2019").
_FIRST = re.compile(
    # a numbered course of an academy's track ("CCNA 1 – Introduction to Networks"), not the certificate
    r"\s+[1-4]\s*[–—:-]\s*(?:introduction|intro|switching|routing|enterprise|scaling|connecting)\b|"
    rf"(?:\s*(?:no\.?|#|lic\.?\s*no\.?)?\s*[A-Z]{{0,3}}\d[\w.\-]{{2,}})?"
    rf"[\s\-–—:：,，]*(?:(?:exams?|test|level\s+\w+)[\s\-–—:：,，]+)?(?:{_NOT_HELD})",  # "(CP) exam — registered for…"
    re.IGNORECASE,
)
# Its exam, not passed ("CPA Exam (Ohio): FAR – passed 08/2023; REG – scheduled"); "已通过法律职业资格考试" holds it.
_EXAM_AFTER = re.compile(r"\s*(?:exam(?:ination)?s?\b|考试)", re.IGNORECASE)
_PASSED_BEFORE = re.compile(r"(?:\bpassed|通过)\s*(?:the\s+|了)?[^\s,，;；]{0,12}\s*$", re.IGNORECASE)
# After a bracket that says nothing of it, a colon's words may: "执业药师（药学类）：已通过…2门，其余2门备考中".
_AFTER_COLON = re.compile(
    r"候选人|在考|备考|考试中|已?通过[^；;。]{0,40}?\d+\s*[科门]|\bnot\s+yet\s+(?:licensed|certified)\b"
    rf"|学习中|[尚暂]未(?:考试|报考|取得|获得|出师|拿证)|未考|未通过|{_SIGNED_UP_ZH}",
    re.I,
)
# A Chinese name's colon a few characters on, and what it says: "PMP项目管理专业人士认证：在学习中，尚未考试".
_NAME_COLON = re.compile(r"[^:：;；。,，\n]{0,24}?[:：]([^;；。\n]*)")

_OPEN, _CLOSE = "(（[【", ")）]】"
_ITEM_MARK = re.compile(r"[ \t]*(?:[-–—•●○◆▪■*·]|\d{1,2}[.)、])?[ \t]*")
# Words of a Chinese clause that say an exam is still to sit, wherever they stand in it.
_STILL_STUDYING = re.compile(rf"备考中?|在考|考试中|{_SIGNED_UP_ZH}")  # "（中级）——2024年考试报名中"
# A level written after the name, before its bracket: "AWS Certified Solutions Architect – Associate (expired 2022)".
_LEVEL_AFTER = re.compile(r"[\s\-–—:：]*(?:associate|professional|specialty|foundation|practitioner|expert)\b", re.I)
# Exams taken in stages, named by their stage: "CFA Level II", "CFA二级", "FRM Part I" are steps, not the charter…
_STAGE = re.compile(r"(?:level|part)\s*(?:iii|ii|i|[123])\b|[一二三]级", re.IGNORECASE)
_STAGED = frozenset({"cfa", "frm", "caia", "cpim"})  # "APICS CPIM Part 1 (passed 2023)" holds no CPIM
# …unless the line says the charter is held: "CFA charterholder", "CFA持证人".
_HELD = re.compile(r"charter\s*holder|持证人", re.IGNORECASE)


# A course, training or credential the line says is still to come or under way: "Relativity Certified User (RCU) —
# in progress, exam scheduled Nov 2025", "Honeywell WEBs-N4 training – booked, not yet completed", "能使用Python进行
# 简单数据清洗（自学中）". The tools it names are being learnt, not used: no skill of the person's.
_NOT_YET_LINE = re.compile(
    r"(?:certif\w*|credential|licen[cs]e|training|course|exam|bootcamp|program(?:me)?\b|认证|证书|资格|培训|课程|考试)"
    r"[^.;。；\n]{0,60}?(?:\bin\s+progress\b|\bnot\s+yet\s+(?:completed|taken|passed|certified|licensed)\b|\bbooked\b"
    r"|\b(?:exam|test)\s+(?:scheduled|planned|booked)\b|\b(?:currently\s+)?(?:studying|enrolled)\b|\bplanning\s+to\s+(?:sit|take)\b)"
    # Chinese says it plainly wherever it stands: "六西格玛绿带：已报名", "ISO 45001内审员：计划参加培训"
    rf"|备考(?!辅导|指导|培训|课程|教学|班)|在考|{_SIGNED_UP_ZH}|自学中|学习中|正在学习|自学了解"
    r"|(?:正在|业余|目前)?自学[^，,。；;\n]{1,20}中(?![\u4e00-\u9fff])"  # "业余自学SQL与Power BI中"
    r"|\s[—–-]\s*(?:currently\s+|now\s+)?learning\b"  # "Python — learning (pandas, beginner)"
    r"|[(（]\s*(?:still\s+|currently\s+)?learning\b",  # "AppFolio (learning)", "budgeting (learning, coursework only)"
    re.IGNORECASE,
)
# A product seen at its vendor's demonstration, not used, said of the whole sentence ("对北森等人才管理SaaS有了解，
# 曾参加北森线上产品演示会", "attended a Workday webinar").
_SEEN_ONLY = re.compile(
    r"(?:参加|参与|观看|出席)[^。；;\n]{0,20}(?:演示会|宣讲会|发布会|产品演示|线上演示)"
    r"|\battended\b[^.;\n]{0,40}\b(?:webinars?|demos?|product demonstrations?)\b",
    re.IGNORECASE,
)
_SENTENCE_APART = re.compile(r"[;；。!?！？]|\.\s|\s{3,}")


# Where a line parts its credentials or clauses: "CFP® (2019) · FINRA Series 7, 66 · ChFC (in progress)", "有4年财务
# 工作经验。正在备考中级会计职称": only the clause that says so is under way.
_LISTED_APART = re.compile(r"[·•|;；。，,]|\s{3,}")


def not_yet_spans(line: str) -> list[tuple[int, int]]:
    """The parts of a line naming a course, training or certificate still to come or under way (see
    _NOT_YET_LINE); the line's other credentials stay ("PMP（2021年取得）；NPDP（备考中）")."""
    return (
        _parts_saying(line, _NOT_YET_LINE, _LISTED_APART)
        + _parts_saying(line, _SEEN_ONLY, _SENTENCE_APART)
        + _lapsed_items(line)
    )


# What names a credential: "内审员证书 IATF 16949（2020年取得，已过期，未复审）", "PALS (AHA) — expired".
_CREDENTIAL_WORD = re.compile(r"证|资格|执照|licen[cs]e|certif|\bcard\b|registration|registered|\b[A-Z]{2,6}\b", re.I)
_ITEM_APART = re.compile(r"[·•|;；。]|\s{3,}")


def _lapsed_items(line: str) -> list[tuple[int, int]]:
    """A credential the line says has lapsed, with its note: once held, it shows no skill held now ("内审员证书…
    （…已过期…）" is no proof of internal audit); commas inside its brackets are its note's, not the list's."""
    if _LAPSED.search(line) is None:
        return []  # most lines
    spans, start, depth = [], 0, 0
    cuts = []
    for at, char in enumerate(line):
        depth += char in "(（[【"
        depth -= depth > 0 and char in ")）]】"
        if depth == 0 and (char in ",，" or _ITEM_APART.match(line, at)):
            cuts.append(at)
    for cut in [*cuts, len(line)]:
        part = line[start:cut]
        if _LAPSED.search(part) and _CREDENTIAL_WORD.search(part):
            spans.append((start, cut))
        start = cut + 1
    return spans


def _parts_saying(line: str, says: re.Pattern[str], apart: re.Pattern[str]) -> list[tuple[int, int]]:
    """The parts of the line (cut where `apart` matches) in which `says` matches."""
    if says.search(line) is None:
        return []  # most lines
    spans, start = [], 0
    for cut in [*(m.start() for m in apart.finditer(line)), len(line)]:
        if says.search(line, start, cut):
            spans.append((start, cut))
        start = cut + 1
    return spans


_LAPSED = re.compile(r"\b(?:expired|lapsed|inactive)\b|已过期|已失效|已于[^，,。；;]{0,10}(?:过期|失效)|未复审", re.I)


_NOT_HELD_ONLY = re.compile(
    r"\bnot\s+(?:yet\s+)?(?:held|obtained|earned|issued)\b|\bdo(?:es)?\s+not\s+hold\b|[尚暂]?未(?:取得|获得|通过)", re.I
)


def not_held_only(words: str) -> bool:
    """True when the words that say a certificate is not held say no more: "CPCU - not held", "银行从业资格：未取得"
    (nothing under way, nothing lapsed): the page says it is not held, never that it is in progress."""
    said = _NOT_HELD_ONLY.search(words)  # …and the rest of its words say nothing more that is not held
    return bool(said) and not says_not_held(_NOT_HELD_ONLY.sub(" ", words)) and not lapsed(words)


def lapsed(words: str) -> bool:
    """True when the words that say a certificate is not held say it was held once: "(expired 2020)", "lapsed"."""
    return bool(_LAPSED.search(words))


def pending_flags(text: str, hits: list[Hit]) -> list[bool]:
    """For each certificate hit of `text` (in order), True when the person works towards it or no longer holds it."""
    return [span is not None for span in pending_spans(text, hits)]


def pending_spans(text: str, hits: list[Hit]) -> list[tuple[int, int] | None]:
    """For each certificate hit of `text`, the span of its words that say it is not held (the name and its
    qualifier: "CPA candidate", "ACCA（已通过9门：BT、MA）"), or None when held. Two names of one certificate written
    together ("中国注册会计师CPA（专业阶段…）") share the words after the second."""
    spans: list[tuple[int, int] | None] = [None] * len(hits)
    for i in range(len(hits) - 1, -1, -1):
        hit = hits[i]
        after = hits[i + 1] if i + 1 < len(hits) else None
        if (
            after is not None
            and after.canonical == hit.canonical
            and _NAMED_TWICE.fullmatch(text, hit.end, after.start)
        ):
            joint = spans[i + 1]
            # "在考：CFP国际金融理财师（…）": what is said before the first name is said of both
            spans[i] = _pending(text, hit) if joint is None else (hit.start, joint[1])
        elif after is not None and (shared := spans[i + 1]) and _LISTED_WITH.fullmatch(text, hit.end, after.start):
            # "CPR / BLS, American Heart Association — expired 2022": one card, its status said once for both
            spans[i] = (hit.start, shared[1])
        else:
            bound = after.start if after is not None else -1
            spans[i] = _pending(text, hit) or _said_later(text, hit, bound)
    for i, hit in enumerate(hits):  # "叉车证（特种设备作业人员证 N1，…已于2022年过期）": its kind, in its note, with it
        if spans[i] is None:
            spans[i] = next((s for s in spans[:i] if s is not None and s[0] <= hit.start < s[1]), None)
    return spans


_LISTED_WITH = re.compile(r"[ \t]*[/&、][ \t]*")
# One certificate's two names written together: "中国注册会计师CPA", "ACCA – Association of Chartered Certified…"
_NAMED_TWICE = re.compile(r".{0,2}|[ \t]*[-–—:：][ \t]*|[ \t]*[初中高]级[ \t]*", re.DOTALL)  # "软考中级 软件设计师"
# Words later in the name's clause that say it is not held: "FNP-BC), ANCC – exam scheduled August 2024",
# "APRN-CNP – Ohio Board of Nursing – application submitted 06/2024", "NALA Certified Paralegal (CP) exam — scheduled
# November". Only these plain words; "candidate" so far from the name may be anyone ("PMP, screened candidates").
_LATER = re.compile(
    r"\b(?:scheduled|pending|in\s+progress|expired|lapsed|inactive|application\s+submitted|not\s+yet\s+(?:licensed|certified|sat)"
    r"|expected\s+to\s+qualify|part[-\s]?qualified"
    # "ACRP Certified Clinical Research Associate (CCRA) – coursework completed, exam expected 2027", "ASHP Pharmacy
    # Informatics Certificate – coursework completed; capstone expected 2026": the course done, the credential not
    r"|coursework\s+(?:completed|complete|done|finished|only)|(?:exam|capstone|test|award)\s+expected)\b"
    r"|备考中?|在考|考试中|已过期|已失效",
    re.IGNORECASE,
)


# A line a narrow column wrapped goes on below: it ends mid-clause, and the next line opens no list item.
_ENDS_CLAUSE = re.compile(r"[.;。；:：!?！？]\s*$")
_CJK_BRACKET_END = re.compile(r"[\u4e00-\u9fff][^\n]*[）)]\s*$")
# A certificate's own line saying it is held: whatever the next line says is another one's.
_HELD_NOTE = re.compile(
    r"[\s\-–—:：,，(（]\s*(?:current|active|valid|in\s+good\s+standing|expires|exp\.|renewed)\b"
    r"|有效期?至|在有效期",
    re.I,
)
_OPENS_ITEM = re.compile(r"\s*(?:[-–—•●○◆▪■*·]|\d{1,2}[.)、]\s)")


def says_not_held(text: str) -> bool:
    """The words written with a certificate's name say it is not held ("CPA Candidate", "…——在考", "(expired)")."""
    return any(p.search(text) for p in (_IN_BRACKET, _LATER, _AFTER_COLON, _BEFORE_WORDS))


_BEFORE_WORDS = re.compile(
    r"\b(?:candidate|pursuing|towards?|preparing|enrolled|completing)\b|备考|准备|报考|在考", re.I
)


def _clause_end(text: str, start: int) -> int:
    """Where the line holding `start` ends, or a line below it when a narrow column wrapped the clause there
    ("…; APRN license" + "pending.", "Board Certified (FNP-BC)," + "ANCC – exam scheduled August 2024"; a sidebar's
    "• Certified Dental Office" + "Manager (CDOM), AADOM —" + "in progress, exam scheduled": up to three)."""
    end = text.find("\n", start)
    head = text.rfind("\n", 0, start) + 1
    if end >= 0 and not text[head : head + 1].isspace() and _INDENTED.match(text, end + 1):
        # "• Commercial Driver's License, Class A — Ohio (valid through 08/2027)": held; what is below is another's
        return end if _HELD_NOTE.search(text, start, end) else _indented_below(text, end)
    item = _OPENS_ITEM.match(text, head) is not None
    for _ in range(3 if item else 1):  # a sidebar's bullet wraps over lines; an unmarked list's line is one item
        if end < 0:
            return len(text)
        if not _wraps_below(text, start, end):
            return end
        start, end = end + 1, text.find("\n", end + 1)
    return len(text) if end < 0 else end


_INDENTED = re.compile(r"[ \t]{2,}\S")


def _indented_below(text: str, end: int) -> int:
    """The end of the indented lines under an item's own ("ACCA – Association of Chartered Certified Accountants"
    over "  Expected to qualify: December 2026"): what they say is said of it; up to three."""
    for _ in range(3):
        if not _INDENTED.match(text, end + 1):
            break
        below = text.find("\n", end + 1)
        end = len(text) if below < 0 else below
    return end


def _wraps_below(text: str, start: int, line_end: int) -> bool:
    """The clause holding `start` goes on past `line_end` on the next line."""
    line_start = text.rfind("\n", 0, start) + 1
    below_end = text.find("\n", line_end + 1)
    below = text[line_end + 1 : len(text) if below_end < 0 else below_end]
    if _ENDS_CLAUSE.search(text[line_start:line_end]) or not below.strip() or _OPENS_ITEM.match(below):
        return False
    if _CJK_BRACKET_END.search(text[line_start:line_end]):
        return False  # "健康证（有效期至2025年6月）" over "公共营养师（三级）：在考": two items of a list
    # "First Aid / CPR / AED — current (Red Cross)": its status said, the line below is another
    return not _HELD_NOTE.search(text, start, line_end)


def _said_later(text: str, hit: Hit, bound: int) -> tuple[int, int] | None:
    """The first of `_LATER` in the rest of the name's clause (to ";" or the line's end, or the wrapped line's
    below it, before the next name)."""
    end = _clause_end(text, hit.end)
    if bound >= 0:
        end = min(end, bound)
    line_end = text.find("\n", hit.end, end)
    # the item's own line ends at ";" ("CPA; PMP pending"); its indented lines below are all said of it
    stop = re.search(
        r"[;；。]", text[hit.end : end if line_end < 0 or not _INDENTED.match(text, line_end + 1) else line_end]
    )
    found = _LATER.search(text, hit.end, hit.end + stop.start() if stop else end)
    return (hit.start, found.end()) if found else None


def _pending(text: str, hit: Hit) -> tuple[int, int] | None:
    line_start = text.rfind("\n", 0, hit.start) + 1
    line_end = text.find("\n", hit.end)
    line_end = len(text) if line_end < 0 else line_end
    if hit.canonical in _STAGED and (stage := _STAGE.search(text, hit.start, min(line_end, hit.end + 12))):
        if _HELD.search(text, line_start, line_end):
            return None
        end = max(hit.end, stage.end())
        more = _FIRST.match(text, end, line_end) or _NAME_COLON.match(text, end, line_end)  # "CFA一级：…未通过"
        return hit.start, more.end() if more else end
    before = _BEFORE.search(text[max(line_start, hit.start - 40) : hit.start])
    if before:
        return max(line_start, hit.start - 40) + before.start(), hit.end
    line_end = _bracket_wrapped(text, hit.end, line_end)
    rest = text[hit.end : line_end]
    if rest[:1] == "." and "." in hit.surface:
        rest = " " + rest[1:]  # "P.E. (candidate)": the initials' last dot, then what is said of them
    if hit.surface.endswith("证") and rest.startswith("书"):
        rest = " " + rest[1:]  # "食品安全管理员证书：已报名": the name's "证书", then what it says
    level = _LEVEL_AFTER.match(rest)
    skipped = level.end() if level else 0
    opened = rest[skipped:].lstrip(" \t-–—:：")
    if opened[:1] in _OPEN:
        closes = [at for at in (opened.find(c, 1) for c in _CLOSE) if at > 0]
        inside = opened[1 : min(closes) if closes else len(opened)]
        at = hit.end + skipped + (len(rest) - skipped - len(opened))
        bracket_end = at + len(inside) + (2 if closes else 1)
        if _IN_BRACKET.search(inside) is not None:
            return hit.start, bracket_end
        return _after_bracket(text, hit, bracket_end, line_end)
    if rest[:1] in _CLOSE:  # the name closes a bracket: "TKT（剑桥英语教学能力认证）Module 1、2 已通过，…"
        found = _after_bracket(text, hit, hit.end + 1, line_end)
        bracket_at = max(text.rfind(c, line_start, hit.start) for c in _OPEN)
        if found is None or bracket_at < 0:
            return found
        # "注册采购师（CPPM）——在考": the words say so of the name the bracket follows, written from there, the item
        # it stands in ("初级会计专业技术资格（2022.08）|注册会计师（CPA）专业阶段…在考": the first is held)
        item = _ITEM_MARK.match(text, line_start)
        apart = [m.end() for m in _ITEM_APART.finditer(text, line_start, bracket_at)]
        return max([item.end() if item else line_start, *apart]), found[1]
    first = _FIRST.match(rest)
    if first:
        return hit.start, hit.end + first.end()
    exam = _EXAM_AFTER.match(rest)
    if exam and not _PASSED_BEFORE.search(text, line_start, hit.start):
        return hit.start, hit.end + exam.end()
    colon = _NAME_COLON.match(rest)
    if colon and _AFTER_COLON.search(colon.group(1)):  # "中医师承出师证书：跟师学习中，尚未出师"
        return hit.start, hit.end + colon.end()
    return None


def _bracket_wrapped(text: str, start: int, line_end: int) -> int:
    """Where the line ends, or, when a bracket opened after the name closes only on one of the next two lines (a
    narrow column wrapped it: "注册会计师CPA（已通过会" / "计、税法、经济法3科，其余" / "在考）"), just after it
    closes."""
    opened = max(text.rfind(c, start, line_end) for c in _OPEN)
    if opened < 0 or any(text.find(c, opened, line_end) >= 0 for c in _CLOSE):
        return line_end
    reach = line_end
    for _ in range(2):
        below_end = text.find("\n", reach + 1)
        below_end = len(text) if below_end < 0 else below_end
        closes = [at for at in (text.find(c, reach, below_end) for c in _CLOSE) if at >= 0]
        if closes:
            return min(closes) + 1
        if _OPENS_ITEM.match(text, reach + 1) or below_end - reach > 60:
            return line_end
        reach = below_end
    return line_end


def _after_bracket(text: str, hit: Hit, bracket_end: int, line_end: int) -> tuple[int, int] | None:
    """What follows a bracket after the name that says nothing of its status: a colon's words, "- IN PROGRESS",
    or a Chinese clause that says an exam is still to sit."""
    colon = re.match(r"\s*[:：]([^;；。\n]*)", text[bracket_end:line_end])
    if colon and _AFTER_COLON.search(colon.group(1)):
        return hit.start, bracket_end + colon.end()
    then = _FIRST.match(text, bracket_end, line_end)  # "Master Electrician (Texas) - IN PROGRESS"
    if then:
        return hit.start, then.end()
    clause = re.match(r"[^;；。\n]*", text[bracket_end:line_end])
    studying = _STILL_STUDYING.search(clause.group(0)) if clause else None  # "…Module 1、2 已通过，Module 3 备考中"
    return (hit.start, bracket_end + studying.end()) if studying else None


def is_pending(text: str, hit: Hit, vocab: Vocabulary) -> bool:
    """`pending_flags` for one hit of `text` (found by any means: a coverage keyword's, a grounding claim's)."""
    hits = vocab.certifications_in(text)
    for found, flag in zip(hits, pending_flags(text, hits), strict=True):
        if found.start <= hit.start < found.end or hit.start <= found.start < hit.end:
            return flag
    # a name the scan leaves to a certificates section ("RN – Arizona (Compact/NLC) – pending" under LICENSES)
    return (_pending(text, hit) or _said_later(text, hit, -1)) is not None


def pending_only(docs: Iterable[DocumentModel | None], vocab: Vocabulary) -> dict[str, str]:
    """Certificates (canonical) the documents name only as worked towards, none of their mentions saying held, each
    with the words of its first mention ("CPA Candidate")."""
    text = "\n".join(doc.text for doc in docs if doc is not None)
    return pending_in(text, vocab.certifications_in(text))


def pending_in(text: str, hits: list[Hit]) -> dict[str, str]:
    """`pending_only` from a text's certificate hits, for a caller that has them (one scan of the whole text: a
    scan per line cost a burst's CPU)."""
    pending: dict[str, str] = {}
    held: set[str] = set()
    for hit, span in zip(hits, pending_spans(text, hits), strict=True):
        if span is None:
            held.add(hit.canonical)
        else:
            pending.setdefault(hit.canonical, " ".join(text[span[0] : span[1]].split()))  # a wrapped line's too
    return {canonical: words for canonical, words in pending.items() if canonical not in held}


def in_short(words: str, limit: int = 48) -> str:
    """The words that say a certificate is not held, short enough to quote in a sentence: up to the first clause
    that says so ("ACCA（已通过9门…"), or the name's part and that clause with an ellipsis between ("执业药师（药学
    类）：…其余2门备考中"), else cut at `limit` characters."""
    if len(words) <= limit:
        return words
    clauses = [c for c in re.split(r"(?<=[，,;；：:])|(?=[（(])", words) if c]
    for end in range(1, len(clauses)):
        if _IN_BRACKET.search(clauses[end - 1]):
            return "".join(clauses[:end]).rstrip("，,;；：: ") + "…"
    saying = next((c for c in reversed(clauses) if _IN_BRACKET.search(c)), "")
    head, tail = clauses[0].rstrip("，,;；：: "), saying.strip().rstrip("，,;；")
    if tail and len(head) + len(tail) + 1 <= limit + 16:
        return f"{head}…{tail}"
    return words[:limit].rstrip() + "…"
