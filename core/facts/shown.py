"""What a document shows of the person: its lines less the jobs they want and the courses they are still taking.

"…Looking to grow into an Inventory Control Analyst role" + "using SAP EWM." names SAP as wanted, and "Relativity
Certified User (RCU) — in progress" names Relativity as being learnt: neither line shows the tool used. Coverage
looks for proof in these lines, and grounding lets an output name a skill only where they name it (or the document
model holds it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from core.facts.cert_status import not_yet_spans, pending_spans, says_not_held
from core.facts.model import DocumentModel
from core.facts.text import ALIGNMENT_GAP
from core.facts.vocabulary import get_vocabulary
from core.facts.wishes import without_wishes

# A field naming the job wanted, in a row of personal details ("现居：上海    求职意向：内审经理    期望薪资：面议"),
# or a headline's title to be ("Banquet Captain  |  Aspiring Corporate Event Coordinator").
_WISH_FIELD = re.compile(
    r"\s*(?:(?:求职意向|期望职位|期望岗位|意向岗位|意向职位|应聘职位|应聘岗位|目标职位|求职目标|"
    r"(?:career\s+)?objective|desired\s+(?:position|role|job)|target\s+(?:role|position|job))\s*[:：]"
    r"|(?:aspiring|future|prospective)\s+[A-Z])",
    re.IGNORECASE,
)


def shown_lines(doc: DocumentModel) -> list[str]:
    """The document's lines with its objective, its wishes (read over the whole text: a wish may wrap) and the parts
    naming a course or certificate still under way blanked; same count and lengths, so indexes and offsets hold."""
    objective = doc.wish_lines()
    lines = without_wishes("\n".join(doc.lines)).split("\n")
    return [" " * len(line) if i in objective else blank(line, unshown_spans(line)) for i, line in enumerate(lines)]


def shown_line(line: str) -> str:
    """One line as `shown_lines` reads it, without its document: its wishes, its courses under way and its fields
    naming the job wanted blanked."""
    line = without_wishes(line)
    return blank(line, unshown_spans(line))


def unshown_spans(line: str) -> list[tuple[int, int]]:
    """The parts of one line that show nothing held: a course or certificate under way, a field naming the job
    wanted (the sentences that wish are found over the whole text, see core.facts.wishes), the roles a recruiter
    filled."""
    held_not = [*not_held_spans(line), *_roles_hired_for(line)]
    return [*learning_spans(line), *_wish_fields(line), *held_not]


# The kinds of roles a recruiter filled, bracketed after them ("负责技术类岗位（前端、后端、算法）社招与校招",
# "hired for engineering roles (frontend, backend, data)"): the candidates' trades, not the recruiter's skills.
_ROLES_BRACKETED = re.compile(
    r"(?:岗位|职位|职能|roles|positions|openings|reqs|requisitions|hires)[ \t]*([（(][^()（）\n]{1,80}[)）])",
    re.IGNORECASE,
)


def _roles_hired_for(line: str) -> list[tuple[int, int]]:
    return [found.span(1) for found in _ROLES_BRACKETED.finditer(line)]


def learning_spans(line: str) -> list[tuple[int, int]]:
    """The parts of one line naming a course or credential under way or lapsed ("Lean Six Sigma Green Belt (in
    progress)"): an output line that says so claims no skill by them, as a document's line shows none."""
    return [*not_yet_spans(line), *_pending_credentials(line)]


def _pending_credentials(line: str) -> list[tuple[int, int]]:
    """A known credential the line says is worked towards or lapsed, with the words that say so: "Certified Revenue
    Management Executive (CRME), HSMAI — in progress" shows no revenue management done."""
    if not says_not_held(line):
        return []  # most lines
    vocab = get_vocabulary()
    hits = vocab.certifications_in(line, known_only=True)
    spans = [span for span in pending_spans(line, hits) if span is not None] if hits else []
    # "CFA Level II Candidate (exam scheduled May 2025)": its note too, or the next name's clause reads it
    return [(a, note.end() if (note := _NOTE_AFTER.match(line, b)) else b) for a, b in spans]


_NOTE_AFTER = re.compile(r"[ \t]*[(（][^()（）]*[)）]")


def _denied(line: str) -> list[tuple[int, int]]:
    """Clauses saying the person lacks something: "目前尚无正式带团队经验，但曾带教2名新人" lacks team management (the
    clause after "但" shows what they did), "暂无医美机构销售业绩", "no formal supervisory experience yet"."""
    if not _DENIAL.search(line):
        return []  # most lines
    asides = _only_asides(line)
    if asides:  # "…, IDeaS G3 RMS (exposure only), Microsoft Excel": that item alone, the list's others stay
        for a, b in asides:
            line = line[:a] + " " * (b - a) + line[b:]
        return asides + (_denied(line) if _DENIAL.search(line) else [])
    spans, start, before, dash = [], 0, 0, False
    stops = _SENTENCE_STOP if not _CJK_DENIAL.search(line) else _CLAUSE_STOP  # an English list goes on past commas
    for stop in [*stops.finditer(line), None]:
        end = stop.start() if stop else len(line)
        if _DENIAL.search(line, start, end):
            # "Gulfstream G450/G550 type rating - not yet held": the note after a dash denies the name before it
            spans.append((before if dash else start, end))
        before, start = start, stop.end() if stop else end
        dash = stop is not None and stop.group().strip() in "—–-"
    return spans


# What one has of a skill when that is all: "(exposure only)", "(reading only)", "familiar with the concept only".
_ONLY_WORDS = r"(?:exposure|coursework|concept|theory|awareness|classroom|reading|viewing|view|observation|shadowing)"
_CJK_DENIAL = re.compile(
    r"(?:尚无|暂无|尚未有|没有|未曾有|缺乏|缺少)(?:正式|直接|相关|独立)?[^，,。；;]{0,30}?"
    r"(?:经验|经历|业绩|基础|背景|证书|资格|执照|资质|认证)"  # "暂无PMP证书"
    # "未接触过中药饮片采购", "未参与过GeoServer集群部署", "未独立负责过项目预算与合同管理"
    r"|(?:未|没|从未|尚未)(?:独立)?(?:接触|参与|做|从事|负责|使用|主导|管理|带领|操作)过"
    r"|尚未(?:掌握|独立|负责|接触|参与|熟悉)"  # "尚未掌握：合并报表编制", "目前尚未独立负责团队管理"
    r"|(?:仅|只)(?:了解|知道|听说过?)|略懂|仅限于?理论"  # "叠片工艺仅了解原理": knows of it, has not done it
    # "缺点是团队管理经验较少", "大客户经验不足": a lack owned up to (the next clause, "目前只带过新人主播", stays)
    r"|(?:经验|经历)(?:相对|比较|较为|还|尚|仍)?(?:较少|偏少|不足|欠缺|有限|尚浅|较浅|薄弱|不够)"
    r"|无法[^，,。；;）)\n]{1,12}"  # "西班牙语入门（可简单问候，无法商务沟通）"
    r"|了解[^，,。；;\n]{1,30}?(?:的)?(?:基本)?(?:原理|概念)"  # "了解 IDeaS 收益管理系统的基本原理"
)
_DENIAL = re.compile(
    rf"{_CJK_DENIAL.pattern}"
    r"|\b(?:no|without|lack(?:ing)?|limited)\s+(?:formal\s+|direct\s+|prior\s+|hands-on\s+|professional\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:experience|background|exposure)\b"
    r"|\bnot\s+yet\b"  # "Not yet: firewall administration", "I have not yet administered production routers"
    # "Not certified in Six Sigma", "No certified arborist (ISA) credential"
    r"|\bnot\s+(?:certified|licensed|registered|trained)\s+(?:in|as|for|on)\b"
    r"|\bno\s+(?:[\w()-]+\s+){0,4}?(?:certification|credential|licen[cs]e|certificate|designation)s?\b"
    rf"|\b{_ONLY_WORDS}\s+only\b"  # "… the concept only", "IDeaS (exposure only)", "STR reports (reading only)"
    r"|\bonly\s+(?:in\s+|through\s+)?(?:theory|concept|coursework|class)\b"
    # what others did: "intercompany arbitration was handled by our recovery unit"
    r"|\b(?:was|were|is|are)\s+(?:handled|done|managed|performed|run|owned|covered|prepared)\s+by\s+(?:our|the|an?|another|other)\b"
    r"|\bnever\s+(?:supervised|managed|led|administered|used|worked|owned|run|prepared|handled)\b"
    r"|\b(?:I\s+)?(?:do|did|have)\s+not\s+(?:yet\s+)?(?:write|written|use|used|work|worked|manage|managed|lead|led|"
    r"supervise|supervised|run|prepare|prepared|handle|handled|hold|held|have)\b|\b(?:don't|haven't|didn't)\s+\w+",
    re.IGNORECASE,
)
_ONLY_ASIDE = re.compile(
    rf"[(（][^()（）]*\b{_ONLY_WORDS}\s+only\b[^()（）]*[)）]",
    re.I,
)
_ITEM_START = re.compile(r"[,;:|，；：、]")


def _only_asides(line: str) -> list[tuple[int, int]]:
    """Each list item a bracket says is known only in part, from the item's start to the bracket's end."""
    spans = []
    for m in _ONLY_ASIDE.finditer(line):
        starts = [sep.end() for sep in _ITEM_START.finditer(line, 0, m.start())]
        spans.append((starts[-1] if starts else 0, m.end()))
    return spans


_CLAUSE_STOP = re.compile(r"[，,。；;]|\s[—–-]\s|\bbut\b|但|不过")
_SENTENCE_STOP = re.compile(r"[。；;]|\.(?:\s|$)|\s[—–-]\s|\bbut\b|但|不过")


def not_held_spans(line: str) -> list[tuple[int, int]]:
    """The parts of one line that deny what they name ("暂无PMP证书", "I do not hold a CIMA qualification") or are
    an address ("ciara.brennan.acca@gmail.com"): no certificate named there is held, nor pending."""
    return [*_links(line), *_denied(line)]


def _links(line: str) -> list[tuple[int, int]]:
    """Addresses: "github.com/prw-data" is where the person's code is, no proof they use Git; an email's
    "….acca@gmail.com" no proof of ACCA."""
    if "." not in line:
        return []
    return [m.span() for m in _LINK.finditer(line)]


# An address, to the next field's separator ("github.com/prw-data | Python" keeps its Python), or an email's.
_LINK = re.compile(
    r"(?:https?://|www\.)[^\s|,;，；]+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|io|net|org|dev|me|cn|co|ai|app|page|site)/[^\s|,;，；]*"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+",
    re.I,
)


def _wish_fields(line: str) -> list[tuple[int, int]]:
    """The columns of a line that name the job wanted (see _WISH_FIELD), each to the next wide gap."""
    if "：" not in line and ":" not in line and not _ASPIRING.search(line):
        return []  # most lines
    spans, start = [], 0
    for gap in [*_FIELD_GAP.finditer(line), None]:
        cut = gap.start() if gap else len(line)
        if _WISH_FIELD.match(line, start):
            spans.append((start, cut))
        start = gap.end() if gap else cut
    return spans


_ASPIRING = re.compile(r"\b(?:aspiring|future|prospective)\s", re.IGNORECASE)
# "4年药品注册经验 | 求职意向：注册主管"; "现居：宁夏银川市  求职意向：…" (two spaces before the next label)
_FIELD_GAP = re.compile(
    rf"{ALIGNMENT_GAP.pattern}|\s*[|｜]\s*|[ \t]{{2}}(?=[\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z ]{{0,8}}[:：])"
)


def blank(line: str, spans: Sequence[tuple[int, int]]) -> str:
    """The line with these parts blanked (same length)."""
    for start, end in spans:
        line = line[:start] + " " * (end - start) + line[end:]
    return line


# How a line says a skill is known only a little: "了解Shopify后台操作", "Java (basic)", "familiar with Docker",
# "巨量千川：了解（配合投手使用）". A pitch that says "熟悉 Shopify" or "I work with Java" claims more than that.
_A_LITTLE_BEFORE = re.compile(
    r"(?:了解|基础|入门|初步|简单|接触过|略懂|初级|会用|"
    r"\b(?:familiar(?:ity)?\s+with|basic|beginner|introductory|exposure\s+to|learning|some\s+knowledge\s+of))"
    r"[^，,。；;、|｜·•)）\n]{0,12}$",  # not past an item's end: "Xactimate (basic) | MS Excel" knows Excel
    re.IGNORECASE,
)
_A_LITTLE_AFTER = re.compile(
    r"^[ \t]*(?:[（(][^（()）\n]{0,8}?(?:了解|基础|入门|初级|basic|beginner|familiar|learning|exposure)"
    r"|[:：][ \t]*(?:了解|基础|入门|初级|basic|beginner))",
    re.IGNORECASE,
)


def known_a_little(line: str, written: str) -> bool:
    """True when `line` (or a whole text: neither window crosses a line) says the person knows the skill it writes
    as `written` only at a basic level."""
    if not written or written not in line:
        return False  # most lines
    for found in re.finditer(rf"(?<![A-Za-z]){re.escape(written)}(?![A-Za-z])", line):  # "Java", not "JavaScript"
        at, end = found.span()
        if _A_LITTLE_BEFORE.search(line[max(0, at - 24) : at]) or _A_LITTLE_AFTER.match(line[end:]):
            return True
    return False


# A level written in the item itself: "Python (basic – pandas)", "Tableau（入门）".
_OWN_LEVEL = re.compile(r"[（(][^（()）]{0,20}?(?:basic|beginner|familiar|learning|了解|基础|入门|初级)", re.IGNORECASE)
_A_LITTLE_OPENING = re.compile(
    r"^(?:了解|接触过|初步|简单|略懂|familiar\s+with|exposure\s+to|some\s+knowledge\s+of)", re.I
)


def listed_a_little(shown: str, lines: Sequence[str]) -> bool:
    """A skill the document says, wherever it names it, is known only a little ("Basic SAS (reading listings only)",
    "familiar with Oracle InForm", "了解家族信托"), listed bare: the list would claim it. An item that says its own
    level stays, as does one another line shows used ("基础会计" among courses, "会计" all through an auditor's
    roles); an item that is the sentence saying so ("接触过少量家族信托转介案例") is no skill. For a tailored resume's
    skills line (core.offline.customize), as `known_a_little` is for a pitch."""
    if _OWN_LEVEL.search(shown):
        return False
    if _A_LITTLE_OPENING.match(shown.strip()):
        return True
    naming = [line for line in lines if shown in line]
    return bool(naming) and all(known_a_little(line, shown) for line in naming)
