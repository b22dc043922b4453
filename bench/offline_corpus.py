"""Realistic resumes, career histories and JDs (en + zh) for the offline engine's bench and tests.

The texts live in tests/data/offline/; the knowledge base is read from knowledge/base/ directly (split on
`## ` like the ingest does), so the pure functions can be run without Postgres. Passages are picked for a
query by shared words, a stand-in for retrieval that keeps the bench about the engine's own time.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from core.retrieval import TASK_CATEGORIES, Passage

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "offline"
KB = ROOT / "knowledge" / "base"

# (resume, career history or None, job description, the user's language)
SERVICES: list[tuple[str, str | None, str, str]] = [
    ("resume_en_backend", "detailed_en_backend", "jd_en_backend", "en"),
    ("resume_en_backend", None, "jd_en_frontend", "en"),
    ("resume_en_backend", "detailed_en_backend", "jd_en_data", "en"),
    ("resume_en_data", None, "jd_en_data", "en"),
    ("resume_en_data", None, "jd_en_backend", "en"),
    ("resume_zh_backend", "detailed_zh_backend", "jd_zh_backend", "zh"),
    ("resume_zh_backend", None, "jd_zh_data", "zh"),
    ("resume_zh_product", None, "jd_zh_product", "zh"),
    ("resume_zh_product", None, "jd_zh_data", "zh"),
    ("resume_zh_backend", "detailed_zh_backend", "jd_zh_product", "zh"),
]


def text(name: str) -> str:
    return (DATA / f"{name}.txt").read_text(encoding="utf-8")


@lru_cache(maxsize=8)
def passages(task_kind: str, lang: str) -> tuple[Passage, ...]:
    """Every knowledge-base section of the task's categories in `lang`, as retrieval would return them."""
    out: list[Passage] = []
    for category in TASK_CATEGORIES[task_kind]:
        for path in sorted((KB / lang / category).glob("*.md")):
            heading, body = "", list[str]()
            for line in [*path.read_text(encoding="utf-8").splitlines(), "## "]:
                if line.startswith("## "):
                    if heading and body:
                        content = "\n".join(body).strip()
                        out.append(Passage(len(out) + 1, path.name, heading, content, category, lang, 0.0))
                    heading, body = line[3:].strip(), []
                elif heading:
                    body.append(line)
    return tuple(out)


def pick(task_kind: str, query: str, lang: str, k: int = 4) -> list[Passage]:
    """The k passages sharing the most words with the query (retrieval's stand-in, deterministic)."""
    from core.offline.relevance import tokens

    wanted = tokens(query)
    pool = passages(task_kind, lang)
    ranked = sorted(range(len(pool)), key=lambda i: (-len(wanted & tokens(pool[i].content)), i))
    return [pool[i] for i in ranked[:k]]
