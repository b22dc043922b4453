"""Ingestion against real Postgres + pgvector: idempotent by hash, per-file re-embedding, removal, owner files.

Every test that mutates the index works on a temporary copy of knowledge/base and re-ingests the bundled
base when it ends, so the table holds exactly the bundled knowledge base afterwards (other tests rely on it).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from core.retrieval import retrieve
from db.session import unit_of_work
from knowledge.ingest import DEFAULT_FOLDER, ingest, main

BUNDLED_CHUNKS = 86


def _rows() -> list[Any]:
    """Every row with its physical identity: an UPDATE changes xmin/ctid, a re-insert changes id."""
    with unit_of_work() as session:
        return list(
            session.execute(
                text(
                    "SELECT id, xmin::text AS xmin, ctid::text AS ctid, source, chunk_index, content_hash,"
                    " created_at FROM knowledge_chunks ORDER BY id"
                )
            ).all()
        )


def _content(rows: list[Any]) -> list[tuple[str, int, str]]:
    return sorted((r.source, r.chunk_index, r.content_hash) for r in rows)


@pytest.fixture(scope="module")
def knowledge_base(stack: dict[str, str]) -> Iterator[list[tuple[str, int, str]]]:
    """The bundled base in the index (ingested if needed); yields its content fingerprint."""
    ingest(DEFAULT_FOLDER, progress=False)
    rows = _rows()
    assert len(rows) == BUNDLED_CHUNKS
    yield _content(rows)


@pytest.fixture
def base_copy(knowledge_base: list[tuple[str, int, str]], tmp_path: Path) -> Iterator[Path]:
    """A mutable copy of knowledge/base; the bundled base is re-ingested afterwards and checked."""
    folder = tmp_path / "base"
    shutil.copytree(DEFAULT_FOLDER, folder)
    yield folder
    ingest(DEFAULT_FOLDER, progress=False)
    assert _content(_rows()) == knowledge_base


def test_reingesting_an_unchanged_folder_writes_nothing(base_copy: Path) -> None:
    before = _rows()
    for folder in (DEFAULT_FOLDER, base_copy):  # same files, another place: same source keys and hashes
        report = ingest(folder, progress=False)
        assert (report.files, report.unchanged, report.written, report.removed) == (24, 24, [], [])
        assert (report.inserted, report.updated, report.deleted, report.chunks_embedded) == (0, 0, 0, 0)
        assert not report.wrote
    assert _rows() == before  # same ids, same row versions (xmin, ctid), same timestamps


def test_editing_one_file_reembeds_only_that_file(base_copy: Path) -> None:
    source = "en/interview/02-technical-and-case-interviews.md"
    path = base_copy / source
    original = path.read_text(encoding="utf-8")
    marker = "Whiteboard etiquette: narrate the trade-off before you write the first line of code."
    first_section_end = original.index("\n## ", original.index("\n## ") + 1)
    edited_text = original[:first_section_end].rstrip() + " " + marker + "\n" + original[first_section_end:]
    path.write_text(edited_text, encoding="utf-8")
    before = {r.id: r for r in _rows()}

    report = ingest(base_copy, progress=False)

    assert report.written == [source] and report.unchanged == 23 and report.removed == []
    assert report.chunks_embedded == 1  # only the edited section; the file's other sections reuse their vectors
    after = {r.id: r for r in _rows()}
    assert after.keys() == before.keys()
    changed = {i for i in after if after[i].xmin != before[i].xmin}
    assert changed and {after[i].source for i in changed} == {source}
    edited = [i for i in changed if after[i].content_hash != before[i].content_hash]
    assert len(edited) == 1
    with unit_of_work() as session:
        content = session.execute(text("SELECT content FROM knowledge_chunks WHERE id = :i"), {"i": edited[0]})
        assert content.scalar_one().endswith(marker)


def test_removing_a_file_removes_its_chunks(base_copy: Path) -> None:
    source = "zh/resume/02-structure-and-format.md"
    with unit_of_work() as session:
        ids = set(session.execute(text("SELECT id FROM knowledge_chunks WHERE source = :s"), {"s": source}).scalars())
    assert len(ids) == 4
    (base_copy / source).unlink()

    report = ingest(base_copy, progress=False)

    assert report.removed == [source] and report.deleted == 4 and report.inserted == report.updated == 0
    remaining = _rows()
    assert len(remaining) == BUNDLED_CHUNKS - 4 and not ids & {r.id for r in remaining}
    found = retrieve("简历要不要贴照片？求职意向怎么写？", ("resume",), "zh", k=10)
    assert found and all(p.source != source for p in found)


def _write_pdf(path: Path, title: str, paragraphs: list[str]) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setTitle(title)
    y = 800
    for para in paragraphs:
        for start in range(0, len(para), 90):  # hard-wrapped lines, as real PDFs have
            pdf.drawString(40, y, para[start : start + 90])
            y -= 14
        y -= 14
    pdf.save()


def test_owner_pdf_and_text_files_are_ingested_and_retrievable(base_copy: Path) -> None:
    owner = base_copy / "owner"
    (owner / "cv").mkdir(parents=True)
    pdf_text = (
        "Portfolio links on a design resume: put one link to a curated portfolio next to your name, "
        "show three case studies at most, and describe your own contribution in each project."
    )
    _write_pdf(owner / "cv" / "portfolio-links.pdf", "Portfolio links for designers", [pdf_text])
    (owner / "notes").mkdir()
    (owner / "notes" / "group.txt").write_text(
        "---\ncategory: interview\n---\n群面中如果有人一直抢话，不要和他争，"
        "可以主动承担总结陈词的角色，用时间提醒把讨论拉回正题。\n",
        encoding="utf-8",
    )
    (owner / "stray.txt").write_text("No folder, no front matter: no category.")

    report = ingest(base_copy, progress=False)

    assert sorted(report.written) == ["owner/cv/portfolio-links.pdf", "owner/notes/group.txt"]
    assert report.inserted == 2 and report.updated == report.deleted == 0 and report.unchanged == 24
    assert len(report.warnings) == 1 and "owner/stray.txt" in report.warnings[0]
    with unit_of_work() as session:
        rows = session.execute(
            text("SELECT source, category, lang, heading, content FROM knowledge_chunks WHERE source LIKE 'owner/%'")
        ).all()
    by_source = {r.source: r for r in rows}
    pdf_row = by_source["owner/cv/portfolio-links.pdf"]
    assert (pdf_row.category, pdf_row.lang, pdf_row.heading) == ("resume", "en", "Portfolio links for designers")
    assert pdf_row.content == pdf_text  # hard-wrapped PDF lines joined back into the paragraph
    txt_row = by_source["owner/notes/group.txt"]
    assert (txt_row.category, txt_row.lang, txt_row.heading) == ("interview", "zh", "group")

    top = retrieve("How many portfolio case studies should a designer link on the resume?", ("resume",), "en", k=3)
    assert top[0].source == "owner/cv/portfolio-links.pdf"
    top = retrieve("群面时有人一直抢话怎么办？", ("interview",), "zh", k=3)
    assert top[0].source == "owner/notes/group.txt"


def test_a_folder_without_documents_is_refused(knowledge_base: list[tuple[str, int, str]], tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(FileNotFoundError, match="refusing to empty the index"):
        ingest(tmp_path / "empty", progress=False)
    assert main([str(tmp_path / "missing")]) == 2
    assert _content(_rows()) == knowledge_base


def test_if_empty_ingests_only_into_an_empty_index(
    empty_index: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tiny = tmp_path / "tiny" / "en" / "resume"
    tiny.mkdir(parents=True)
    (tiny / "one.md").write_text("# One\n\n## Lead with results\nPut the outcome first, then how you got it.\n")
    assert main([str(tmp_path / "tiny"), "--if-empty", "--no-progress"]) == 0
    assert [(r.source, r.chunk_index) for r in _rows()] == [("en/resume/one.md", 0)]
    assert main([str(DEFAULT_FOLDER), "--if-empty", "--no-progress"]) == 0  # not empty any more: no-op
    assert "not empty" in capsys.readouterr().out
    assert len(_rows()) == 1


@pytest.fixture
def empty_index(knowledge_base: list[tuple[str, int, str]]) -> Iterator[None]:
    """The index emptied for one test, the bundled base put back afterwards."""
    with unit_of_work() as session:
        session.execute(text("CREATE TABLE knowledge_chunks_backup AS SELECT * FROM knowledge_chunks"))
        session.execute(text("DELETE FROM knowledge_chunks"))
    try:
        yield
    finally:
        with unit_of_work() as session:
            session.execute(text("DELETE FROM knowledge_chunks"))
            session.execute(text("INSERT INTO knowledge_chunks SELECT * FROM knowledge_chunks_backup"))
            session.execute(text("DROP TABLE knowledge_chunks_backup"))
    assert _content(_rows()) == knowledge_base


def _vectors() -> dict[str, str]:
    with unit_of_work() as session:
        rows = session.execute(text("SELECT content_hash, embedding::text AS v FROM knowledge_chunks")).all()
    return {r.content_hash: r.v for r in rows}


def test_an_empty_index_takes_the_vectors_this_machine_embedded_before(
    empty_index: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import knowledge.ingest as ingest_module
    from core.config import reset_settings

    cache = tmp_path / "cache"
    monkeypatch.setenv("KNOWLEDGE_VECTOR_CACHE", str(cache))
    reset_settings()
    folder = tmp_path / "tiny" / "en" / "resume"
    folder.mkdir(parents=True)
    (folder / "one.md").write_text("# One\n\n## Lead with results\nPut the outcome first.\n\n## Then how\nSay how.\n")
    try:
        first = ingest(tmp_path / "tiny", progress=False)
        assert (first.chunks_embedded, first.chunks_cached) == (2, 0)
        embedded = _vectors()
        assert (cache / "passages.npz").is_file()

        # A new database on this machine: the same text is not embedded again, and gets the same vectors.
        with unit_of_work() as session:
            session.execute(text("DELETE FROM knowledge_chunks"))

        def no_model(texts: Any) -> Any:
            raise AssertionError("the model ran for text it had embedded before")

        with monkeypatch.context() as patched:
            patched.setattr(ingest_module, "embed_passages", no_model)
            second = ingest(tmp_path / "tiny", progress=False)
        assert (second.chunks_embedded, second.chunks_cached) == (0, 2)
        assert _vectors() == embedded

        # A damaged cache is only a slower ingest: embedded again, and written afresh.
        (cache / "passages.npz").write_bytes(b"not a table of vectors")
        with unit_of_work() as session:
            session.execute(text("DELETE FROM knowledge_chunks"))
        third = ingest(tmp_path / "tiny", progress=False)
        assert (third.chunks_embedded, third.chunks_cached) == (2, 0)
        assert _vectors() == embedded
        assert len(ingest_module.vector_cache.load(embedded)) == 2

        # Turned off: nothing read, nothing written.
        monkeypatch.setenv("KNOWLEDGE_VECTOR_CACHE", "off")
        reset_settings()
        with unit_of_work() as session:
            session.execute(text("DELETE FROM knowledge_chunks"))
        (cache / "passages.npz").unlink()
        fourth = ingest(tmp_path / "tiny", progress=False)
        assert (fourth.chunks_embedded, fourth.chunks_cached) == (2, 0)
        assert not (cache / "passages.npz").exists()
    finally:
        monkeypatch.undo()
        reset_settings()
