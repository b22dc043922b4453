"""Chunking and classification of knowledge files: what becomes a passage, under which heading, category, language."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.embeddings import MAX_TOKENS, passage_token_count
from knowledge.chunking import CHUNK_TOKENS, chunk_document, estimate_tokens
from knowledge.documents import (
    SkipFile,
    clean_text,
    detect_lang,
    list_files,
    load_document,
    split_front_matter,
    unwrap_lines,
)

ROOT = Path(__file__).resolve().parents[2]
BASE = ROOT / "knowledge" / "base"


def _bundled_chunks() -> list:
    chunks = []
    for path in list_files(BASE):
        chunks += chunk_document(load_document(path, BASE))
    return chunks


def test_bundled_base_gives_one_passage_per_section_and_resolves_every_eval_reference() -> None:
    chunks = _bundled_chunks()
    sections = sum(p.read_text(encoding="utf-8").count("\n## ") for p in BASE.rglob("*.md"))
    assert len(chunks) == sections == 86
    keys = {f"{c.source}#{c.heading}" for c in chunks}
    assert len(keys) == len(chunks)
    expected = {ref for item in json.loads((ROOT / "tests/data/rag_eval.json").read_text()) for ref in item["expected"]}
    assert expected <= keys


def test_bundled_path_gives_category_and_language() -> None:
    doc = load_document(BASE / "zh/self_intro/01-structure-and-length.md", BASE)
    assert (doc.source, doc.category, doc.lang, doc.kind) == (
        "zh/self_intro/01-structure-and-length.md",
        "self_intro",
        "zh",
        "markdown",
    )
    first = chunk_document(doc)[0]
    assert first.heading == "一分钟自我介绍的基本结构"
    assert first.embed_text.startswith(f"{doc.title} > 一分钟自我介绍的基本结构\n")
    assert not first.content.startswith("#")


def test_every_bundled_chunk_fits_the_model_window() -> None:
    for chunk in _bundled_chunks():
        assert passage_token_count(chunk.embed_text) <= MAX_TOKENS, chunk.source


def test_language_detector_agrees_with_every_bundled_folder() -> None:
    for path in list_files(BASE):
        doc = load_document(path, BASE)
        assert detect_lang(doc.text) == path.relative_to(BASE).parts[0], path
    assert detect_lang("Use SQL and Python; mention the KPI 客户 once.") == "en"
    assert detect_lang("熟练使用SQL、Python（必须），有电商行业经验优先。") == "zh"


def test_long_section_is_split_with_overlap_under_the_size_limit(tmp_path: Path) -> None:
    sentences = [f"Sentence number {i} explains one more detail about negotiating an offer." for i in range(80)]
    (tmp_path / "resume").mkdir()
    (tmp_path / "resume" / "long.md").write_text("# Long\n\n## One long section\n" + " ".join(sentences) + "\n")
    chunks = chunk_document(load_document(tmp_path / "resume" / "long.md", tmp_path))
    assert len(chunks) >= 3
    assert [c.chunk_index for c in chunks] == list(range(len(chunks)))
    assert all(c.heading == "One long section" for c in chunks)
    assert all(estimate_tokens(c.content) <= CHUNK_TOKENS for c in chunks)
    # Consecutive chunks overlap: the last sentence of one chunk opens the next.
    last_sentence = "Sentence number" + chunks[0].content.rsplit("Sentence number", 1)[1]
    assert chunks[1].content.startswith(last_sentence) or last_sentence in chunks[1].content[: len(last_sentence) * 3]
    joined = " ".join(c.content for c in chunks)
    assert all(s in joined for s in sentences)


def test_chinese_long_section_splits_on_sentence_punctuation(tmp_path: Path) -> None:
    text = "".join(f"第{i}条建议：面试前准备三个STAR故事，每个故事都要有具体数字。" for i in range(60))
    (tmp_path / "zh" / "interview").mkdir(parents=True)
    (tmp_path / "zh" / "interview" / "a.md").write_text(f"# 题目\n\n## 准备故事\n{text}\n", encoding="utf-8")
    chunks = chunk_document(load_document(tmp_path / "zh" / "interview" / "a.md", tmp_path))
    assert len(chunks) >= 3
    assert all(c.content.endswith("。") for c in chunks)
    assert all(c.lang == "zh" and c.category == "interview" for c in chunks)


def test_front_matter_classifies_a_file_whose_folder_says_nothing(tmp_path: Path) -> None:
    (tmp_path / "notes").mkdir()
    path = tmp_path / "notes" / "group.md"
    path.write_text(
        "---\ncategory: interview\ntitle: 群面笔记\n---\n群面时先明确分工，再控制时间。\n", encoding="utf-8"
    )
    doc = load_document(path, tmp_path)
    assert (doc.category, doc.lang, doc.title) == ("interview", "zh", "群面笔记")
    assert doc.text == "群面时先明确分工，再控制时间。"
    assert split_front_matter("no front matter") == ({}, "no front matter")


def test_plain_text_is_one_section_headed_by_its_file_name(tmp_path: Path) -> None:
    (tmp_path / "owner" / "cv").mkdir(parents=True)
    path = tmp_path / "owner" / "cv" / "02-quantify-everything.txt"
    path.write_text("Put a number in every bullet.\r\n\r\n\r\n\r\nRevenue, time saved, people led.\u200b\n")
    (chunk,) = chunk_document(load_document(path, tmp_path))
    assert (chunk.category, chunk.lang, chunk.heading) == ("resume", "en", "quantify everything")
    assert chunk.content == "Put a number in every bullet.\n\nRevenue, time saved, people led."


def test_file_without_category_is_skipped_with_a_fix_hint(tmp_path: Path) -> None:
    (tmp_path / "misc.txt").write_text("Some advice with no home.")
    with pytest.raises(SkipFile, match="unknown category"):
        load_document(tmp_path / "misc.txt", tmp_path)


def test_cleaning_keeps_chinese_punctuation_and_unwraps_pdf_lines() -> None:
    assert clean_text("\ufeff第一行，\r\n\r\n\r\n\r\n第二行！  ") == "第一行，\n\n第二行！"
    assert unwrap_lines("Quantify your achieve-\nments and keep\nbullets short.\n\n第一段\n继续") == (
        "Quantify your achievements and keep bullets short.\n\n第一段继续"
    )


def test_hidden_and_unsupported_files_are_not_listed(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.md").write_text("x")
    (tmp_path / "a.docx").write_text("x")
    (tmp_path / "b.MD").write_text("x")
    assert [p.name for p in list_files(tmp_path)] == ["b.MD"]
