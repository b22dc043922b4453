"""How the offline engine reads facts: skill labels, where a keyword is proven, years and degree levels.

Why one module: every offline result must name a keyword, quote a proof line and count experience the same
way, so they agree with each other and with the coverage the page shows. The vocabulary and the coverage
check live in core.facts; when one of them is not importable (a stripped-down install) a plain phrase
match stands in, so the engine still answers rather than failing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from core.facts.model import PRESENT, DocumentModel, Entry
from core.facts.read import is_bullet
from core.facts.shown import shown_line
from core.facts.text import ALIGNMENT_GAP, ITEM_BREAK, contains_phrase, fold, has_cjk, is_common_word

DEGREE_RANK = {"": 0, "highschool": 1, "associate": 2, "bachelor": 3, "master": 4, "mba": 4, "doctor": 5}
DEGREE_LABEL = {
    "en": {
        "highschool": "high school",
        "associate": "associate",
        "bachelor": "bachelor's",
        "master": "master's",
        "mba": "MBA",
        "doctor": "doctoral",
    },
    "zh": {
        "highschool": "高中",
        "associate": "大专",
        "bachelor": "本科",
        "master": "硕士",
        "mba": "MBA",
        "doctor": "博士",
    },
}
_BULLET = re.compile(r"^\s*(?:[-*+•·●▪◦‣–—]|\d{1,2}(?:\.(?!\d)|[)、]))\s*")  # "4.5 years" keeps its number
# A project's or role's list of tools under its header ("技术栈：Vue 3、Node.js", "Tech stack: React, Go").
_STACK_LINE = re.compile(
    r"\s*(?:tech(?:nolog(?:y|ies))?(?: stack| used)?|stack|tools?(?: used)?|environment|skills? used|"
    r"技术栈|技术|使用技术|开发环境|开发工具|工具|技能)\s*[:：]",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _vocabulary() -> Any:
    try:
        from core.facts.vocabulary import get_vocabulary
    except ImportError:
        return None
    return get_vocabulary()


def spoken_name(doc: DocumentModel) -> str:
    """The person's name as a sentence writes it: a name set in capitals on the page ("PRIYA NATARAJAN",
    "OKONKWO-HALE", 'DANIEL "DANNY" REYES', "O'BRIEN") reads "Priya Natarajan", "Okonkwo-Hale", 'Daniel "Danny"
    Reyes', "O'Brien" in "Hello, I'm …"; any other spelling is kept as written."""
    name = " ".join(doc.contact.name.split())
    if name.isupper() and name.isascii():
        return _LETTER_RUN.sub(lambda m: m.group(0)[:1] + m.group(0)[1:].lower(), name)
    return name


_LETTER_RUN = re.compile(r"[A-Za-z]+")


def clean(line: str) -> str:
    """A document line without its list marker or surrounding space, the spaces that aligned its parts to the
    right margin one separator ("Qualcomm · San Diego, CA"): how it is quoted and re-used."""
    return ALIGNMENT_GAP.sub(" · ", _ALIGNED_COLON.sub("", _BULLET.sub("", line, count=1).strip()))


# The spaces that line a label's colon up with the ones above it ("Tools            : IntelliJ IDEA").
_ALIGNED_COLON = re.compile(r"[ \t]+(?=[:：])")


def label(keyword: str, lang: str) -> str:
    """Display name of a canonical skill in the user's language; the keyword itself when it is not known."""
    vocab = _vocabulary()
    if vocab is not None:
        try:
            shown = str(vocab.label(keyword, lang))
        except (KeyError, ValueError):
            shown = ""
        if shown:
            return shown
    return keyword


def named_as_in(keyword: str, jd: DocumentModel, lang: str) -> str:
    """The keyword's name for a gap, as the job description writes it (see Vocabulary.label_as_written): "岗位要求
    Kubernetes", not the category "容器编排"."""
    vocab = _vocabulary()
    if vocab is None:
        return label(keyword, lang)
    found = next(((text, h) for text in jd.lines if text.strip() for h in [vocab.find_term(keyword, text)] if h), None)
    if found is None:
        return str(vocab.label_as_written(keyword, "", lang))
    text, hit = found
    forms = {fold(h.surface) for h in vocab.skills_in(text) if h.canonical == hit.canonical}
    if len(forms) > 1:  # examples of it ("Infineon TC3xx 或 NXP S32K 系列 MCU"): none of them alone is what is asked
        return label(keyword, lang)
    return str(vocab.label_as_written(keyword, hit.surface, lang))


def choice_named_as_in(proof: Proof, jd: DocumentModel, lang: str) -> str:
    """A gap's name: the keyword as the JD writes it, with the choice's other skills ("Snowflake / BigQuery /
    Redshift")."""
    return " / ".join(named_as_in(keyword, jd, lang) for keyword in (proof.keyword, *proof.alternatives))


def is_soft_skill(keyword: str) -> bool:
    """True for a known skill of the general family (communication, teamwork): shown by a story, not a project."""
    vocab = _vocabulary()
    if vocab is None:
        return False
    canonical = vocab.canonical_skill(keyword)
    return canonical is not None and vocab.family(canonical) == "general"


def mentions(keyword: str, line: str) -> bool:
    """True if the line mentions the keyword (a canonical skill, an alias, or a JD phrase), outside a sentence saying
    which job the person wants ("Looking for an incident response role"), nor in a course or certificate under way
    ("六西格玛绿带：已报名")."""
    if not line.strip():
        return False
    line = shown_line(line)
    vocab = _vocabulary()
    if vocab is not None:
        return vocab.find_term(keyword, line) is not None
    return contains_phrase(fold(line), keyword)


@dataclass(frozen=True)
class Proof:
    """Where a keyword is shown: which document ('resume'/'detailed') and which of its lines."""

    keyword: str
    status: str  # resume | detailed | missing
    line: int | None = None  # index into that document's lines
    # The other skills of a choice the JD offers ("Snowflake, BigQuery or Redshift") that the documents lack too:
    # one gap, not three (see core.offline.match.one_per_choice).
    alternatives: tuple[str, ...] = ()

    def quote(self, resume: DocumentModel, detailed: DocumentModel | None) -> str:
        """The proof's bullet or sentence whole, not the one line of it a PDF's wrap left the keyword on."""
        quoted = self._quoted(resume, detailed)
        return "" if quoted is None else clean(quoted[1])

    def quoted_line(self, resume: DocumentModel, detailed: DocumentModel | None) -> int | None:
        """The line whose bullet the quote gives: the proof's own, or the first item under it where the proof is a
        sub-heading ("Recruiting & Onboarding" names recruiting; "Hired 120+ hourly associates…" shows it)."""
        quoted = self._quoted(resume, detailed)
        return None if quoted is None else quoted[0]

    def _quoted(self, resume: DocumentModel, detailed: DocumentModel | None) -> tuple[int, str] | None:
        """(line, its bullet's whole text) of what the quote gives, the bullet read once."""
        doc = resume if self.status == "resume" else detailed
        if doc is None or self.line is None:
            return None
        start, text = unit_of(doc, self.line)
        if (deed := _deed_under_header(doc, start, self.keyword)) is not None:
            return deed, unit_of(doc, deed)[1]
        if not (_in_summary(doc, start) and heads_a_list(doc.lines, start, text)):
            return self.line, text
        items = []  # the first line of each marked item under the heading, up to the next unmarked line
        for index in range(start + 1, len(doc.lines)):
            if doc.lines[index].strip() and unit_of(doc, index)[0] == index:
                if not is_bullet(doc.lines[index]):
                    break
                items.append(index)
        named = [i for i in items if _mentions(unit_of(doc, i)[1], self.keyword)]
        line = (named or items or [self.line])[0]
        return line, unit_of(doc, line)[1]


def _deed_under_header(doc: DocumentModel, start: int, keyword: str) -> int | None:
    """Where a role's header proves the keyword by its title ("亚马逊运营专员"), the first line under it that names
    the keyword too: what was done shows it better than the header ("深圳市拓海… | 亚马逊运营专员 | 2020.03－至今")."""
    entry = next((e for e in doc.experience if e.line_start <= start < e.line_start + 3), None)
    if entry is None or not entry.title or entry.title not in doc.lines[start]:
        return None  # not the header that names the role: a line under it already tells what was done
    for index in range(start + 1, min(entry.line_end, len(doc.lines))):
        first, text = unit_of(doc, index)
        if first == index and is_bullet(doc.lines[index]) and _mentions(text, keyword):
            return index
    return None


def _mentions(text: str, keyword: str) -> bool:
    """True when the vocabulary finds the keyword's skill in the text."""
    vocab = _vocabulary()
    return vocab is not None and any(hit.canonical == keyword for hit in vocab.skills_in(text))


@dataclass(frozen=True)
class EntryLines:
    """An entry's header lines (org, title, dates as written) and its bullets: the index of each bullet's first
    line and its whole text (a PDF wraps a long bullet over two lines; the reader joins them back)."""

    header: list[int]
    bullets: list[int]
    texts: list[str]


def entry_lines(doc: DocumentModel, entry: Entry) -> EntryLines:
    """Split an entry's lines into its header and its bullets, using the entry's own bullet texts."""
    end = min(entry.line_end, len(doc.lines))
    indexes = [i for i in range(entry.line_start, end) if doc.lines[i].strip()]
    if not entry.bullets:  # a school's lines, or a title the reader found no deed under ("Manager (2019 – 2021)")
        return EntryLines(header=indexes, bullets=[], texts=[])
    first = _first_bullet(doc, entry, indexes)
    if first >= len(indexes):
        return EntryLines(header=indexes, bullets=[], texts=[])
    start = indexes[first]
    units = line_units(doc.lines[start:end], doc=doc)
    return EntryLines(indexes[:first], [start + n for n, _ in units], [text for _, text in units])


STAY_TITLE_SEP = " → "
_PROMOTED_TO = re.compile(r"\s*(?:→|->|⟶|➝|=>)\s*")


def title_now(title: str) -> str:
    """The title a promotion written into one header ended at: "采购专员 → 高级采购专员" is now 高级采购专员 (a
    sentence says what the person is, the tailored resume keeps the path as written)."""
    return _PROMOTED_TO.split(title.strip())[-1].strip() or title.strip()


def stay_of(doc: DocumentModel, index: int) -> Entry:
    """The entry at `index` of `doc.entries`, or, when it is the last title of a promotion stacked under one employer
    over shared bullets ("The Maneater" / "Managing Editor, 2025 – Present" / "Staff Writer, 2022 – 2024" / bullets),
    the whole stay: its titles oldest first ("Staff Writer → Managing Editor"), from the first start to the last end.

    The reader gives the bullets to the title right above them, the only one with lines under it; told under that
    title alone ("At The Maneater as Staff Writer (2022 – 2024): Lead a staff of 18 writers") they credit the
    junior role with what the block as a whole says."""
    entry = doc.entries[index]
    stay = [entry]
    for earlier in reversed(doc.entries[:index]):
        if not _stacked_above(earlier, stay[0]):
            break
        stay.insert(0, earlier)
    if len(stay) == 1 or entry.kind != "experience":
        return entry
    oldest_first = sorted(stay, key=lambda e: month_index(e.start) or 0)
    ends = [e.end for e in stay if e.end]
    end = PRESENT if PRESENT in ends else max(ends, key=lambda v: month_index(v) or 0, default=entry.end)
    starts = [e.start for e in oldest_first if month_index(e.start) is not None]
    return replace(
        entry,
        title=STAY_TITLE_SEP.join(e.title for e in oldest_first),
        start=starts[0] if starts else entry.start,
        end=end,
    )


def _stacked_above(earlier: Entry, later: Entry) -> bool:
    """A title with no lines of its own right above another at the same employer (see stay_of)."""
    return (
        earlier.kind == later.kind == "experience"
        and not earlier.bullets
        and bool(earlier.title and earlier.org)
        and fold(earlier.org) == fold(later.org)
        and earlier.line_end == later.line_start
    )


def _first_bullet(doc: DocumentModel, entry: Entry, indexes: list[int]) -> int:
    """Position in `indexes` of the entry's first bullet line: the line its first bullet begins with, else the
    first line with a bullet mark, else the line after the header."""
    lead = next((fold(clean(b)) for b in entry.bullets if clean(b)), "")
    keys = [fold(clean(doc.lines[i])) for i in indexes]
    # The line holding most of the bullet's start: a title line above it may be its first words ("Project Engineer"
    # over "- Project engineer on commercial office and retail work").
    starts = [(len(key), -n) for n, key in enumerate(keys) if key and lead and lead.startswith(key)]
    found = -max(starts)[1] if starts else None
    if found is None:
        found = next((n for n, i in enumerate(indexes) if clean(doc.lines[i]) != doc.lines[i].strip()), None)
    if found is None:
        found = min(1, len(indexes))
    return max(found, 1) if indexes else 0


def unit_of(doc: DocumentModel, line: int) -> tuple[int, str]:
    """(first line, text) of the bullet or sentence `line` belongs to, wrapped lines joined (core.facts.read.unit_at);
    the line alone without the reader."""
    try:
        from core.facts.read import unit_at
    except ImportError:
        return line, doc.lines[line]
    return unit_at(doc, line)


def line_units(lines: list[str], prose: bool = False, doc: DocumentModel | None = None) -> list[tuple[int, str]]:
    """The reader's grouping of wrapped lines (core.facts.read.bullet_units); one line each without it. `doc`: the
    document the lines are from, whose column width tells an unmarked Chinese item's wrapped end."""
    try:
        from core.facts.read import bullet_units, document_prose, document_wrap
    except ImportError:
        return [(n, line) for n, line in enumerate(lines) if line.strip()]
    if doc is None:
        return bullet_units(lines, prose)
    whole = tuple(doc.lines)
    return bullet_units(lines, prose, document_wrap(whole), document_prose(whole))


def _line_order(doc: DocumentModel) -> list[int]:
    """Lines to search for proof, best proof first: bullets of roles and projects, then every other line but the
    objective's (the job the user wants proves nothing); a project's list of tools counts as a skills list."""
    bullet_lines: list[int] = []
    for entry in doc.entries:
        if entry.kind == "education":
            continue
        bullet_lines += [
            i for i in range(entry.line_start + 1, min(entry.line_end, len(doc.lines))) if not is_stack_line(doc, i)
        ]
    skip = set(bullet_lines) | doc.wish_lines()
    return bullet_lines + [i for i in range(len(doc.lines)) if i not in skip]


def _is_certificate(keyword: str) -> bool:
    vocab = _vocabulary()
    return vocab is not None and vocab.knows("certification", keyword)


def locate(keyword: str, doc: DocumentModel | None) -> int | None:
    """The line of `doc` that best proves `keyword` (a bullet before a skills list), or None."""
    if doc is None:
        return None
    order = _line_order(doc)
    if _is_certificate(keyword):  # "ServSafe Food Protection Manager (exp. 2027)", not the summary's mention
        order = doc.section_first("certifications", order)
    for index in order:
        if mentions(keyword, doc.lines[index]):
            return index
    known = doc.skills.get(keyword)
    return known if known is not None and 0 <= known < len(doc.lines) else None


def prove(keywords: list[str], resume: DocumentModel, detailed: DocumentModel | None) -> list[Proof]:
    """Each keyword's status and proof line; the status agrees with core.facts.coverage.cover when present."""
    statuses = _cover_statuses(keywords, resume, detailed)
    proofs: list[Proof] = []
    for keyword in keywords:
        line = locate(keyword, resume)
        status = "resume" if line is not None else "missing"
        if line is None:
            line = locate(keyword, detailed)
            status = "detailed" if line is not None else "missing"
        checked = statuses.get(keyword)
        if checked is not None and checked != status:
            # The coverage check is the reference; without our own proof line the quote stays empty.
            status = checked
            doc = resume if checked == "resume" else detailed
            line = locate(keyword, doc) if checked != "missing" else None
        proofs.append(Proof(keyword, status, line))
    return proofs


def is_stack_line(doc: DocumentModel, line: int) -> bool:
    """A project's or role's list of tools under its header ("技术栈：Vue 3、Node.js"): no deed of its own."""
    return is_stack_text(doc.lines[line])


def is_stack_text(text: str) -> bool:
    """`is_stack_line` for a line's text."""
    return _STACK_LINE.match(_BULLET.sub("", text, count=1)) is not None


# A digit glued to a name is a version or a model, not a figure: "ES6", "HTML5", "H5", "EC2", "p99".
_GLUED_DIGITS = re.compile(r"[A-Za-z]+-?\d+(?:\.\d+)*\+?")
_DIGIT = re.compile(r"\d")


# A model number glued to a product's name: "西门子S7" then "-1500", "S7-1500" then "F".
_MODEL_SUFFIX = re.compile(r"[-/]?[A-Za-z]*\d+[A-Za-z0-9]*")


def _model_number_end(text: str, end: int) -> int:
    """The end of a skill's mention with the model number written straight after it, if any."""
    if end and text[end - 1 : end].isalnum():
        suffix = _MODEL_SUFFIX.match(text, end)
        if suffix and (suffix.group(0)[0] in "-/" or text[end - 1].isdigit() or text[end].isalpha()):
            return suffix.end()
    return end


def has_figure(text: str) -> bool:
    """True when the text states a figure (a count, a share, an amount), not only names with digits ("Vue 3")."""
    if not _DIGIT.search(text):
        return False
    vocab = _vocabulary()
    hits = vocab.skills_in(text) if vocab is not None else []
    chars = list(text)
    for hit in hits:  # "西门子S7" and its "-1500": a name's digits are no figure
        end = _model_number_end(text, hit.end)
        chars[hit.start : end] = " " * (end - hit.start)
    return _DIGIT.search(_GLUED_DIGITS.sub(" ", "".join(chars))) is not None


def is_experience_line(doc: DocumentModel, line: int | None) -> bool:
    """True for a line that tells what the user did (in a role or project, or the summary), not a skills list."""
    if line is None:
        return False
    owner = doc.entry_of_line(line)
    if owner is not None:  # a header line ("网易  2011.07 - 2016.02" over "Java开发工程师") tells no deed
        entry = doc.entries[owner]
        if is_stack_line(doc, line):
            return False  # "技术栈：Vue 3、Node.js": what a project used, said in its own words elsewhere
        return entry.kind != "education" and line not in entry_lines(doc, entry).header
    return _in_summary(doc, line) and not is_sub_heading(doc.lines[line])


def _in_summary(doc: DocumentModel, line: int) -> bool:
    """Under a summary heading (a profile, or a functional resume's accomplishments; core.facts.sections)."""
    return any(s.canonical == "summary" and s.start < line < s.end for s in doc.sections)


def heads_a_list(lines: list[str], index: int, text: str) -> bool:
    """An unmarked line of a few words over marked items ("Recruiting & Onboarding" over "• Hired 120+ hourly
    associates…" in a career changer's "RELEVANT SKILLS & ACCOMPLISHMENTS"): the items' heading, not one of them."""
    below = next((line for line in lines[index + 1 :] if line.strip()), "")
    return not is_bullet(lines[index]) and is_sub_heading(text) and _one_case(text) and is_bullet(below)


_CONNECTOR = frozenset({"and", "of", "for", "in", "the", "to", "with", "&", "/", "-", "+"})


def _one_case(text: str) -> bool:
    """Written as a heading is, in title case or sentence case ("Employee Relations", "Data analysis"); a line two
    columns mixed is neither ("OSHA compliance RDA Certificate Program": a capital after a lower-case word)."""
    words = [w for w in text.split() if w.lower() not in _CONNECTOR and w[:1].isalpha()]
    if not words or not words[0][0].isupper():
        return False
    lowered = False
    for word in words[1:]:
        if word[0].isupper() and lowered:
            return False
        lowered = lowered or word[0].islower()
    return True


def is_sub_heading(text: str) -> bool:
    """A few words naming what the lines under them show ("Recruiting & Onboarding" in a career changer's
    "RELEVANT SKILLS & ACCOMPLISHMENTS"): a heading, no deed to pitch."""
    words = text.split()
    return (
        0 < len(words) <= 5
        and not has_cjk(text)
        and not any(ch.isdigit() for ch in text)
        and not text.rstrip().endswith((".", ";", ":", "!", "?"))
        and not ITEM_BREAK.search(text)
    )


def _cover_statuses(keywords: list[str], resume: DocumentModel, detailed: DocumentModel | None) -> dict[str, str]:
    try:
        from core.facts.coverage import cover
    except ImportError:
        return {}
    return {p.keyword: p.status for p in cover(keywords, resume, detailed)}


def month_index(value: str | None) -> int | None:
    """'2021-03' -> months since year 0; '2021' -> its January; anything else None."""
    if not value:
        return None
    match = re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?", value.strip())
    if not match:
        return None
    return int(match.group(1)) * 12 + (int(match.group(2) or 1) - 1)


def current_month() -> str:
    """This month, "YYYY-MM" (UTC): what "present" means when the caller gives no date of its own.

    The one place the engine reads the clock; a caller that needs strict reproducibility (the same service
    scored again next month) passes the service's own date as `as_of`.
    """
    today = datetime.now(UTC)
    return f"{today.year:04d}-{today.month:02d}"


def experience_years(entries: list[Entry], as_of: str) -> float:
    """Years covered by dated roles, overlaps counted once; an open end counts up to `as_of`. Internships and
    campus roles are no years of work: a data engineer's "5年+" resume counted 9.2 with his three internships and a
    student job, against his own words."""
    now = month_index(as_of)
    spans: list[tuple[int, int]] = []
    for entry in entries:
        if is_internship(entry):
            continue
        start = month_index(entry.start)
        end = now if entry.end == PRESENT else month_index(entry.end)
        if start is not None and end is not None and end >= start:
            spans.append((start, end + 1))
    months = 0
    cursor = -1
    for start, end in sorted(spans):
        start = max(start, cursor)
        if end > start:
            months += end - start
            cursor = end
    return months / 12


_INTERNSHIP = re.compile(
    r"\bintern(?:ship)?s?\b|\bco-?op\b|\bstudent\b|\bsummer\s+(?:analyst|associate)\b|实习|学生会|社团|研究生会",
    re.IGNORECASE,
)


def is_internship(entry: Entry) -> bool:
    """A role held as a student: an internship, a co-op term, a student union's post ("财务部部长" at "…学生会")."""
    return bool(_INTERNSHIP.search(entry.title) or _INTERNSHIP.search(entry.org))


def highest_degree(doc: DocumentModel | None) -> str:
    """The highest degree level among the document's education entries ('' when none is known)."""
    levels = [e.degree_level for e in doc.education] if doc else []
    return max(levels, key=lambda level: DEGREE_RANK.get(level, 0), default="")


def degree_label(level: str, lang: str) -> str:
    return DEGREE_LABEL["zh" if lang == "zh" else "en"].get(level, level)


def written_as(canonical: str, text: str) -> str | None:
    """How `text` writes a skill, when that is a name for it (see `surface`); None otherwise ("of quota" or
    "sales" in a sentence name nothing a heading could show)."""
    vocab = _vocabulary()
    if vocab is None:
        return canonical if contains_phrase(fold(text), canonical) else None
    for hit in vocab.skills_in(text):
        written = str(hit.surface)
        if hit.canonical == canonical and _names(written, canonical) and not _in_a_sentence(written, canonical):
            return _unshouted(written, canonical)
    return None


def _unshouted(written: str, canonical: str) -> str:
    """The label for a name a heading writes in capitals ("OPERATIONS & LOGISTICS LEADER"): "Logistics" in a list,
    not "LOGISTICS"; an acronym stays as written ("SAP", "AWS")."""
    named = label(canonical, "en")
    return named if written.isupper() and not named.isupper() and fold(written) == fold(named) else written


def surface(canonical: str, doc: DocumentModel, line: int | None) -> str:
    """How the document itself writes a skill on `line` ("JS", "机器学习"), when that is a name for it; the label
    otherwise ("Chart in Epic" proves Epic EHR but is no skill's name)."""
    written = written_as(canonical, doc.lines[line]) if line is not None and 0 <= line < len(doc.lines) else None
    return written if written is not None and _vocabulary() is not None else label(canonical, doc.lang)


def _in_a_sentence(written: str, canonical: str) -> bool:
    """A spelling only a sentence uses: a verb ("Mentored 5 engineers" names mentoring), the label in lower case
    ("cutting reconciliation breaks") or one word of it ("114% of quota" names quota attainment); a list shows
    the label."""
    if has_cjk(written) or " " in written.strip():
        return False
    named = label(canonical, "en")
    return (
        (written.endswith("ed") and fold(written) != fold(named))
        or (written.islower() and written != named and fold(written) in (fold(named), *fold(named).split()))
        # a common thing in the plural ("email newsletters" proves email marketing, "rapid prototypes"
        # prototyping): the things a sentence made, not a skill's name
        or (
            written.islower()
            and written.endswith("s")
            and not written.endswith("ss")
            and fold(written) != fold(named)
            and is_common_word(written)
        )
    )


def _names(written: str, canonical: str) -> bool:
    """A spelling that names the skill: one word ("k8s", "Postgres"), Chinese, or the label in another case; a
    phrase alias is a way of saying it ("cardiac rhythms", "SQL queries")."""
    return (
        " " not in written.strip()
        or has_cjk(written)
        or fold(written) in (fold(label(canonical, "en")), fold(label(canonical, "zh")), fold(canonical))
    )


def language_names(doc: DocumentModel) -> list[str]:
    """Spoken languages as the document writes them, in the order of the model's list; one a certificate proves
    ("CET-6") under its name in the document's language ("英语")."""
    vocab = _vocabulary()
    written: dict[str, str] = {}
    if vocab is not None:
        for hit in vocab.languages_in(doc.text):
            written.setdefault(hit.canonical, str(hit.surface))
    return [written.get(name) or (vocab.label(name, doc.lang) if vocab is not None else name) for name in doc.languages]


_CERT_WORD = re.compile(r"certif|认证|证书|资格", re.IGNORECASE)
_BRACKETED = re.compile(r"[（(][^（()）]*[)）]")
# A list's label: "Tools: …", "技术栈：…", a skills matrix's row "Infrastructure | AWS, Kubernetes, Terraform" (one
# bar, then a list; "Procore | Primavera P6 | MS Project" is three items)
_ITEM_LABEL = re.compile(
    r"^[^:：|｜]{1,30}[:：]\s*|^[^:：|｜,，、]{1,30}[ \t][|｜][ \t]+(?=[^|｜\n]*[,，、][^|｜\n]*$)"
)
# A Chinese skills line written as a sentence: "熟悉 FOB、CIF、DDP 等贸易术语及 T/T、L/C 结算方式". The verb before a
# list (at the line's start or after a break) and the "等…及" that closes one list and opens the next are no part of
# any item.
_LEAD_VERB = re.compile(
    r"(?:^|(?<=[，,；;、]))\s*(?:熟练掌握|熟练使用|熟练运用|熟悉|掌握|精通|了解|熟练|会使用|能使用)\s*"
)
_ETC_JOIN = re.compile(
    r"(?<=[^\s、，,；;])\s*等(?!价|级|保|离子|效|待|比|高|同|值|距)"  # "等价类", "等保" are words of their own
    r"(?:[\u4e00-\u9fff]{0,8}?(?:以及|及|和|与)|[\u4e00-\u9fff]{1,8}(?=\s*[。；;.]?\s*$))\s*"
)
_LICENCE_NUMBER = re.compile(r"#\s*\d|\d{5,}|No\.\s*\d", re.IGNORECASE)
# An edition of the product named just before it, after a slash: "QuickBooks Online / Desktop", "Tableau Desktop /
# Server", "Office 365 / Pro". Listed alone it would read as a skill of its own ("Desktop").
_EDITION = frozenset(
    {"online", "desktop", "cloud", "server", "pro", "professional", "enterprise", "premier", "standard", "express",
     "community", "mobile", "web", "lite", "plus", "basic", "advanced", "classic", "on-prem", "on-premise", "saas"}
)  # fmt: skip


def _blank(match: re.Match[str]) -> str:
    """Spaces as long as the match: what is cut keeps every offset after it (the known names' spans) in place."""
    return " " * len(match.group(0))


def unknown_listed(doc: DocumentModel, lines: list[int]) -> list[str]:
    """Items of the skills section the vocabulary does not know ("TravisCI", a house tool), as written: the user's
    own list, which the tailored resume must not shorten. Short items only, never a spoken language or a
    certificate, never a sentence or a heading."""
    vocab = _vocabulary()
    if vocab is None:
        return []
    out: list[str] = []
    for _, unit in line_units([doc.lines[i] for i in lines]) if lines else []:
        text = _BRACKETED.sub(_blank, _ITEM_LABEL.sub(_blank, unit))
        text = _ETC_JOIN.sub(lambda m: "、" + " " * (len(m.group(0)) - 1), _LEAD_VERB.sub(_blank, text))  # same length
        known = [(h.start, h.end) for found in (vocab.skills_in, vocab.languages_in, vocab.certifications_in)
                 for h in found(unit)]  # fmt: skip
        start, previous_named = 0, False
        for piece in ITEM_BREAK.split(text):
            begin = text.index(piece, start)
            edition = previous_named and text[start:begin].strip() == "/"  # after a slash, a known name before it
            start = begin + len(piece)
            named = any(a < start and begin < b for a, b in known)
            previous_named = named
            item = piece.strip(" .。:：-–*•")
            if not re.search(r"\w", item) or len(item) > 30 or len(item.split()) > 3 or item.startswith("#"):
                continue  # a sentence, or a heading a Markdown resume wrote inside the section
            if _LICENCE_NUMBER.search(item):
                continue  # "Colorado #0059821": a licence's number, no skill
            if item[:1].isdigit():
                continue  # "800+ MQLs" (of "4,800+ MQLs"), "200 to 21": a figure or its piece, no skill
            if named or vocab.section_of(item) or _CERT_WORD.search(item):
                continue
            if edition and fold(item) in _EDITION:
                continue
            if _CJK_CLAUSE.match(item):
                continue  # "可作为工作语言" (of "英语CET-6，可作为工作语言"): what the skill before it allows, no skill
            if fold(item) not in vocab.generic_words:
                out.append(_as_written(unit[begin:start], item))
    return out


# What the item before it serves as ("英语CET-6，可作为工作语言"): no item of its own. A capacity the user lists
# ("能独立编写商务标") is one, and stays.
_CJK_CLAUSE = re.compile(r"^(?:可以?|能够?)?(?:作为|用作|用于)[\u4e00-\u9fff]")


def _as_written(original: str, item: str) -> str:
    """The item with the aside the scan blanked put back ("Catastrophe (CAT)" + "deployments", a wrapped item):
    one space between words, never the blank's run of spaces."""
    whole = " ".join(original.strip(" .。:：-–*•").split())
    balanced = all(whole.count(a) == whole.count(b) for a, b in ("()", "（）", "[]"))
    return whole if balanced and fold(whole).startswith(fold(item.split()[0])) else " ".join(item.split())


def skills_on_lines(doc: DocumentModel, indexes: list[int], each_form: bool = False) -> list[tuple[str, str]]:
    """(canonical, as written) for each skill named on those lines, in reading order, each once; with `each_form`
    (the user's own skills list) each written form once: "UART、SPI、I2C" are three items of the list though one
    skill of the vocabulary's, while "用友 U8" stays one item and "Vue" (of "Vue Router") after "Vue 3" adds none."""
    vocab = _vocabulary()
    seen: dict[str, tuple[str, str]] = {}
    if vocab is None:
        for index in indexes:
            for canonical, line in sorted(doc.skills.items(), key=lambda kv: (kv[1], kv[0])):
                if line == index:
                    seen.setdefault(canonical, (canonical, canonical))
        return list(seen.values())
    # The list's items as the user wrote them, a name a narrow column broke ("逻" + "辑分析仪") made whole.
    texts = [text for _, text in line_units([doc.lines[i] for i in indexes], doc=doc)] if each_form else []
    for written_text in texts or [doc.lines[i] for i in indexes]:
        # what the line says is not held stays out ("Note: no experience with Clio, iManage or deposition summaries",
        # "Axure（学习中）"): the tailored list is no place to claim it
        text = shown_line(written_text)
        label = _ITEM_LABEL.match(text) if each_form else None  # "CAM/CAD: Mastercam, SolidWorks": a category's name
        hits = [h for h in vocab.skills_in(text) if label is None or h.start >= label.end()]
        for canonical, written in _named_items(hits, text):
            forms = [fold(w) for c, w in seen.values() if c == canonical]
            if not forms or (each_form and not any(contains_phrase(form, written) for form in forms)):
                seen.setdefault(fold(written), (canonical, written))
    return list(seen.values())


def _named_items(hits: list[Any], line: str) -> list[tuple[str, str]]:
    """(canonical, as written) per hit, a skill's names spaced side by side joined ("用友 U8": one item)."""
    out: list[tuple[str, str, int, int]] = []
    for hit in hits:
        if out and out[-1][0] == hit.canonical and line[out[-1][3] : hit.start] in ("", " "):  # not a column gap
            canonical, _, start, _ = out.pop()
            out.append((canonical, line[start : hit.end], start, hit.end))
        else:
            end = hit.end
            if str(hit.surface)[-1:].isdigit() and (more := _MORE_VERSIONS.match(line, end)):
                end = more.end()  # "Java 8/11" as written: "Java 8" would claim a version on its own
            if level := _LEVEL_ASIDE.match(line, end):
                end = level.end()  # "Python (basic – pandas)", "Tableau (basic)": the user's own measure of it
            out.append((hit.canonical, line[hit.start : end] if end > hit.end else str(hit.surface), hit.start, end))
    return [(canonical, written) for canonical, written, _, _ in out]


# How well the person says they know a skill, bracketed right after it: a tailored list that drops it claims more.
_LEVEL_ASIDE = re.compile(
    r"[ \t]*[（(][^（()）\n]{0,30}?(?:\b(?:basic|beginner|elementary|novice|familiar|familiarity|working knowledge|"
    r"learning|exposure|limited|intermediate|advanced|proficient|expert|fluent|conversational)\b|基础|了解|入门|初级|中级|"
    r"高级|熟悉|熟练|精通|一般|学习中)[^（()）\n]{0,30}[)）]",
    re.IGNORECASE,
)


# The other versions a skill's version is written with: "Java 8/11", "Python 3.10/3.11".
_MORE_VERSIONS = re.compile(r"(?:/\d+(?:\.\d+)*)+(?![\w.])")
