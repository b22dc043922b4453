"""Read one knowledge file (Markdown, plain text or PDF), clean its text and decide its category and language.

Category and language, in this order of precedence:
1. The path: the bundled base is laid out as `<lang>/<category>/NN-slug.md`. Any folder segment that names a
   language (`en`, `zh`, also `english`, `chinese`, `zh-cn`...) or a category (`matching`, `resume`,
   `interview`, `self_intro`, and aliases such as `cv`, `self-intro`, `简历`, `面试`...) counts, wherever it sits,
   so an owner can drop `my-notes/resume/tips.pdf` into the base.
2. Front matter at the top of a Markdown or text file, for files whose folder says nothing:
       ---
       category: interview
       lang: zh
       title: 群面笔记
       ---
3. Language only: a detector (share of CJK characters among letters) decides zh vs en.
A file whose category cannot be found is skipped with a warning: an uncategorised passage could never be
retrieved, because every retrieval filters by category.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from core.retrieval import CATEGORIES, LANGS

SUPPORTED_SUFFIXES = (".md", ".markdown", ".txt", ".pdf")

_LANG_ALIASES = {
    "en": "en",
    "en-us": "en",
    "en-gb": "en",
    "english": "en",
    "zh": "zh",
    "zh-cn": "zh",
    "zh-hans": "zh",
    "cn": "zh",
    "chinese": "zh",
    "中文": "zh",
}
_CATEGORY_ALIASES = {
    "matching": "matching",
    "match": "matching",
    "self_pitch": "matching",
    "self-pitch": "matching",
    "outreach": "matching",
    "匹配": "matching",
    "打招呼": "matching",
    "resume": "resume",
    "resumes": "resume",
    "cv": "resume",
    "简历": "resume",
    "interview": "interview",
    "interviews": "interview",
    "面试": "interview",
    "self_intro": "self_intro",
    "self-intro": "self_intro",
    "selfintro": "self_intro",
    "self_introduction": "self_intro",
    "self-introduction": "self_intro",
    "自我介绍": "self_intro",
}
assert set(_CATEGORY_ALIASES.values()) == set(CATEGORIES) and set(_LANG_ALIASES.values()) == set(LANGS)

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(?:\n|\Z)", re.S)
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")
# A file is Chinese when at least this share of its letters are CJK ideographs. Chinese advice is full of
# Latin acronyms (JD, HR, SQL, BOSS直聘) but still far above it; English text with a Chinese name far below.
ZH_THRESHOLD = 0.3


@dataclass(frozen=True)
class Document:
    """A cleaned file ready for chunking; `source` is its path relative to the ingested folder."""

    source: str
    kind: str  # markdown | text | pdf
    title: str
    text: str
    category: str
    lang: str


class SkipFile(Exception):
    """The file cannot be indexed (no category, no text); the message says how to fix it."""


def detect_lang(text: str) -> str:
    """zh when CJK ideographs make up at least ZH_THRESHOLD of the letters, else en."""
    cjk = len(_CJK.findall(text))
    latin = len(_LATIN.findall(text))
    if cjk + latin == 0:
        return "en"
    return "zh" if cjk / (cjk + latin) >= ZH_THRESHOLD else "en"


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """`key: value` lines between leading `---` fences (a tiny YAML subset), and the text after them."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    meta: dict[str, str] = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep:
            meta[key.strip().lower()] = value.strip().strip("'\"")
    return meta, text[match.end() :]


def clean_text(text: str) -> str:
    """Normalise what editors and PDF extractors leave behind, without touching the wording.

    Unicode is composed (NFC, not NFKC: full-width Chinese punctuation must stay), line ends unified,
    control and zero-width characters dropped, trailing spaces removed and runs of blank lines collapsed.
    """
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\ufeff", "").replace("\u00a0", " ")
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cf"))
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def unwrap_lines(text: str) -> str:
    """Join the hard-wrapped lines of extracted PDF text into paragraphs (blank lines stay paragraph breaks).

    A hyphen at a line end joins the word; a CJK line end joins without a space; Latin text joins with one.
    """
    paragraphs = []
    for para in re.split(r"\n\s*\n", text):
        lines = [line.strip() for line in para.split("\n") if line.strip()]
        joined = ""
        for line in lines:
            if not joined:
                joined = line
            elif joined.endswith("-") and line[:1].islower():
                joined = joined[:-1] + line
            elif _CJK.match(joined[-1]) or _CJK.match(line[0]):
                joined += line
            else:
                joined += " " + line
        if joined:
            paragraphs.append(joined)
    return "\n\n".join(paragraphs)


def _title_from_name(path: Path) -> str:
    """ "03-salary-and-offers.md" -> "salary and offers"."""
    stem = re.sub(r"^\d+[-_ ]*", "", path.stem)
    return re.sub(r"[-_]+", " ", stem).strip() or path.stem


def _from_path(rel: Path) -> tuple[str | None, str | None]:
    lang = category = None
    for part in rel.parts[:-1]:
        key = part.lower()
        lang = lang or _LANG_ALIASES.get(key)
        category = category or _CATEGORY_ALIASES.get(key)
    return lang, category


def read_raw(path: Path) -> tuple[str, str, str]:
    """(kind, raw text, title hint) for a supported file."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        from pypdf import PdfReader

        reader = PdfReader(path)
        pages = [page.extract_text() or "" for page in reader.pages]
        meta_title = (reader.metadata.title if reader.metadata else None) or ""
        return "pdf", unwrap_lines(clean_text("\n\n".join(pages))), str(meta_title).strip()
    raw = path.read_bytes().decode("utf-8", errors="replace")
    return ("markdown" if suffix in (".md", ".markdown") else "text"), raw, ""


def load_document(path: Path, folder: Path) -> Document:
    """Read, clean and classify one file; raises SkipFile when it cannot be indexed."""
    rel = path.relative_to(folder)
    kind, raw, title_hint = read_raw(path)
    meta, body = split_front_matter(raw) if kind != "pdf" else ({}, raw)
    text = clean_text(body)
    if not text:
        raise SkipFile(f"{rel.as_posix()}: no text could be extracted")
    lang, category = _from_path(rel)
    lang = lang or _LANG_ALIASES.get(meta.get("lang", "").lower()) or detect_lang(text)
    category = category or _CATEGORY_ALIASES.get(meta.get("category", "").lower())
    if category is None:
        raise SkipFile(
            f"{rel.as_posix()}: unknown category; put it under a folder named one of {', '.join(CATEGORIES)}"
            " or add front matter `category: ...`"
        )
    title = meta.get("title") or title_hint
    if not title and kind == "markdown":
        match = re.search(r"^# (.+)$", text, re.M)
        title = match.group(1).strip() if match else ""
    return Document(
        source=rel.as_posix(),
        kind=kind,
        title=title or _title_from_name(path),
        text=text,
        category=category,
        lang=lang,
    )


def list_files(folder: Path) -> list[Path]:
    """Supported files under the folder, sorted, skipping hidden files and folders."""
    files = []
    for path in folder.rglob("*"):
        rel = path.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if path.is_file() and path.suffix.lower() in SUPPORTED_SUFFIXES:
            files.append(path)
    return sorted(files)
