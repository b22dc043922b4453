"""Retrieval over the knowledge base (pgvector). Contract used by the workbench; implemented by issue 6.

    retrieve(query, categories=("matching",), lang="en", k=4) -> list[Passage]
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Passage:
    id: int
    source: str
    heading: str
    content: str
    category: str
    lang: str
    score: float


def retrieve(query: str, categories: tuple[str, ...], lang: str, k: int = 4) -> list[Passage]:
    raise NotImplementedError("retrieval is being built (issue 6)")
