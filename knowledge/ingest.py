"""Make `knowledge_chunks` mirror a folder of Markdown, text and PDF files: `python -m knowledge.ingest [folder]`.

    python -m knowledge.ingest                     # the bundled base, knowledge/base
    python -m knowledge.ingest path/to/folder      # any folder laid out like it (see knowledge/documents.py)
    python -m knowledge.ingest --if-empty          # only when the index is empty (the run command, each start)

The index mirrors ONE folder: files removed from it are removed from the index, so an owner adds material
inside knowledge/base (e.g. knowledge/base/owner/resume/notes.pdf) rather than ingesting a second folder.
A folder without a single supported file is refused, so a mistyped path cannot wipe the index.

Idempotent by hash, and cheap to re-run:
- `source_hash` = hash of the file bytes + chunker version + model. A file whose rows all carry its current
  hash is not even parsed; an unchanged folder produces no INSERT, UPDATE or DELETE at all.
- `content_hash` = hash of the exact text embedded + model. A changed file is re-chunked, but a chunk whose
  content_hash already exists anywhere in the index reuses that vector, so only new text is embedded.
- An empty index (a new database, another data directory) takes the vectors this machine embedded before from
  an on-disk cache by the same content hash (knowledge/vector_cache.py), instead of 30 s of CPU for the base.
- Rows are updated in place by (source, chunk_index); each file is written in its own transaction, and a
  Postgres advisory lock keeps two runs (two processes starting at once) from interleaving.
Chunking and its sizes: knowledge/chunking.py. Category and language rules: knowledge/documents.py.
"""

from __future__ import annotations

import argparse
import hashlib
import logging
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, insert, select, text, update
from tqdm import tqdm

from core.config import PROJECT_ROOT
from core.embeddings import MODEL_ID, embed_passages, use_all_cores
from core.logging import configure_logging, log_event
from core.retrieval import forget_recent
from db.models import KnowledgeChunk
from db.session import get_engine, unit_of_work
from knowledge import vector_cache
from knowledge.chunking import CHUNKER_VERSION, Chunk, chunk_document
from knowledge.documents import SkipFile, list_files, load_document

DEFAULT_FOLDER = PROJECT_ROOT / "knowledge" / "base"
EMBED_BATCH = 8
_LOCK_KEY = 0x6B_6E_6F_77  # "know": one ingest at a time across processes

logger = logging.getLogger("knowledge.ingest")


@dataclass
class IngestReport:
    """What a run did; `wrote` is False for a run that changed nothing in the database."""

    files: int = 0
    unchanged: int = 0
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    chunks_embedded: int = 0
    chunks_reused: int = 0
    chunks_cached: int = 0  # vectors found in knowledge.vector_cache instead of embedded
    inserted: int = 0
    updated: int = 0
    deleted: int = 0
    skipped_not_empty: bool = False
    seconds: float = 0.0

    @property
    def wrote(self) -> bool:
        return bool(self.inserted or self.updated or self.deleted)

    def summary(self) -> str:
        if self.skipped_not_empty:
            return "knowledge index is not empty; nothing to do (--if-empty)"
        return (
            f"files={self.files} unchanged={self.unchanged} written={len(self.written)} removed={len(self.removed)}"
            f" skipped={len(self.warnings)} embedded={self.chunks_embedded} reused={self.chunks_reused}"
            f" cached={self.chunks_cached} inserted={self.inserted} updated={self.updated} deleted={self.deleted}"
            f" seconds={self.seconds:.1f}"
        )


def file_hash(path: Path) -> str:
    """Changes when the file, the chunker or the model changes: any of them means re-chunking."""
    digest = hashlib.sha256(f"{CHUNKER_VERSION}\n{MODEL_ID}\n".encode())
    digest.update(path.read_bytes())
    return digest.hexdigest()


@contextmanager
def _ingest_lock() -> Iterator[None]:
    """A session-level advisory lock held on its own connection for the whole run."""
    with get_engine().connect() as conn:
        conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": _LOCK_KEY})
        conn.commit()
        try:
            yield
        finally:
            conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _LOCK_KEY})
            conn.commit()


def _indexed_sources() -> dict[str, set[str]]:
    """source -> the set of source_hash values its rows carry (one value for a cleanly written file)."""
    with unit_of_work() as session:
        rows = session.execute(
            select(KnowledgeChunk.source, func.array_agg(func.distinct(KnowledgeChunk.source_hash))).group_by(
                KnowledgeChunk.source
            )
        ).all()
    return {source: set(hashes) for source, hashes in rows}


def _known_vectors(hashes: set[str]) -> dict[str, Any]:
    """Vectors already in the index for these content hashes (reused instead of re-embedding)."""
    if not hashes:
        return {}
    with unit_of_work() as session:
        rows = session.execute(
            select(KnowledgeChunk.content_hash, KnowledgeChunk.embedding).where(
                KnowledgeChunk.content_hash.in_(sorted(hashes))
            )
        ).all()
    return {h: vec for h, vec in rows}


def _embed_missing(chunks: list[Chunk], vectors: dict[str, Any], report: IngestReport, progress: bool | None) -> None:
    """Embed every chunk whose text has no vector yet, in batches, with a progress bar on a terminal.

    A vector this machine embedded before (knowledge.vector_cache) is taken from there; new ones are added to it.
    """
    todo: dict[str, str] = {}
    for chunk in chunks:
        if chunk.content_hash not in vectors:
            todo.setdefault(chunk.content_hash, chunk.embed_text)
    report.chunks_reused = sum(1 for c in chunks if c.content_hash not in todo)
    cached = vector_cache.load(todo)
    vectors.update(cached)
    report.chunks_cached = len(cached)
    todo = {h: t for h, t in todo.items() if h not in cached}
    items = list(todo.items())
    with tqdm(
        total=len(items), desc="embedding", unit="chunk", disable=None if progress is None else not progress
    ) as bar:
        for start in range(0, len(items), EMBED_BATCH):
            batch = items[start : start + EMBED_BATCH]
            for (content_hash, _), vec in zip(batch, embed_passages([t for _, t in batch]), strict=True):
                vectors[content_hash] = vec
            bar.update(len(batch))
    report.chunks_embedded = len(items)
    vector_cache.save({content_hash: vectors[content_hash] for content_hash, _ in items})


def _write_file(
    source: str, source_hash: str, chunks: list[Chunk], vectors: dict[str, Any], report: IngestReport
) -> None:
    """Make the rows of one source equal to its chunks, in one transaction, touching only rows that differ."""
    with unit_of_work() as session:
        existing = {
            row.chunk_index: row
            for row in session.execute(
                select(
                    KnowledgeChunk.id,
                    KnowledgeChunk.chunk_index,
                    KnowledgeChunk.source_hash,
                    KnowledgeChunk.content_hash,
                    KnowledgeChunk.heading,
                    KnowledgeChunk.content,
                    KnowledgeChunk.category,
                    KnowledgeChunk.lang,
                ).where(KnowledgeChunk.source == source)
            ).all()
        }
        for chunk in chunks:
            values = {
                "source_hash": source_hash,
                "category": chunk.category,
                "lang": chunk.lang,
                "heading": chunk.heading,
                "content": chunk.content,
                "content_hash": chunk.content_hash,
            }
            row = existing.get(chunk.chunk_index)
            if row is None:
                session.execute(
                    insert(KnowledgeChunk).values(
                        source=source, chunk_index=chunk.chunk_index, embedding=vectors[chunk.content_hash], **values
                    )
                )
                report.inserted += 1
            elif any(getattr(row, key) != value for key, value in values.items()):
                if row.content_hash != chunk.content_hash:
                    values["embedding"] = vectors[chunk.content_hash]
                session.execute(update(KnowledgeChunk).where(KnowledgeChunk.id == row.id).values(**values))
                report.updated += 1
        stale = [row.id for index, row in existing.items() if index >= len(chunks)]
        if stale:
            session.execute(delete(KnowledgeChunk).where(KnowledgeChunk.id.in_(stale)))
            report.deleted += len(stale)


def _remove_sources(sources: list[str], report: IngestReport) -> None:
    if not sources:
        return
    with unit_of_work() as session:
        result = session.execute(delete(KnowledgeChunk).where(KnowledgeChunk.source.in_(sources)))
        report.deleted += int(getattr(result, "rowcount", 0) or 0)
    report.removed = sorted(sources)


def _index_is_empty() -> bool:
    with unit_of_work() as session:
        return not session.execute(text("SELECT EXISTS (SELECT 1 FROM knowledge_chunks)")).scalar_one()


def ingest(folder: Path = DEFAULT_FOLDER, *, if_empty: bool = False, progress: bool | None = None) -> IngestReport:
    """Bring the index in line with the folder; returns what was done. `progress=None`: bar only on a terminal."""
    started = time.monotonic()
    folder = folder.resolve()
    if not folder.is_dir():
        raise FileNotFoundError(f"knowledge folder not found: {folder}")
    report = IngestReport()
    with _ingest_lock():
        if if_empty and not _index_is_empty():
            report.skipped_not_empty = True
            return report
        files = list_files(folder)
        if not files:
            raise FileNotFoundError(f"no .md, .txt or .pdf files under {folder}; refusing to empty the index")
        report.files = len(files)
        indexed = _indexed_sources()
        seen: set[str] = set()
        pending: list[tuple[str, str, list[Chunk]]] = []
        for path in files:
            source = path.relative_to(folder).as_posix()
            source_hash = file_hash(path)
            if indexed.get(source) == {source_hash}:
                seen.add(source)
                report.unchanged += 1
                continue
            try:
                chunks = chunk_document(load_document(path, folder))
            except SkipFile as exc:
                report.warnings.append(str(exc))
                continue
            seen.add(source)
            pending.append((source, source_hash, chunks))
        all_chunks = [chunk for _, _, chunks in pending for chunk in chunks]
        vectors = _known_vectors({c.content_hash for c in all_chunks})
        _embed_missing(all_chunks, vectors, report, progress)
        for source, source_hash, chunks in pending:
            before = (report.inserted, report.updated, report.deleted)
            _write_file(source, source_hash, chunks, vectors, report)
            if (report.inserted, report.updated, report.deleted) != before:
                report.written.append(source)
        _remove_sources(sorted(set(indexed) - seen), report)
    if report.wrote:
        forget_recent()  # this process's kept answers may name passages that changed (core.retrieval)
    report.seconds = time.monotonic() - started
    log_event(
        logger,
        "knowledge.ingest",
        component="knowledge",
        count=report.inserted + report.updated + report.deleted,
        durationMs=int(report.seconds * 1000),
        status="written" if report.wrote else "unchanged",
    )
    return report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m knowledge.ingest", description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--if-empty", action="store_true", help="ingest only when the index holds no chunk")
    parser.add_argument("--no-progress", action="store_true", help="never show the progress bar")
    args = parser.parse_args(argv)
    configure_logging()
    use_all_cores()  # this process embeds passages in bulk, and nothing else
    try:
        report = ingest(args.folder, if_empty=args.if_empty, progress=False if args.no_progress else None)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for warning in report.warnings:
        print(f"skipped: {warning}", file=sys.stderr)
    print(report.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())
