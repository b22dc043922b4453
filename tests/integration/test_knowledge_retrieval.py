"""Retrieval against the bundled knowledge base in real Postgres + pgvector: recall, language preference, tasks."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from core.retrieval import as_record, passages_as_prompt, retrieve, retrieve_for_task
from db.session import unit_of_work
from knowledge.ingest import DEFAULT_FOLDER

EVAL = Path(__file__).resolve().parents[1] / "data" / "rag_eval.json"


def _count(category: str, lang: str) -> int:
    with unit_of_work() as session:
        return int(
            session.execute(
                text("SELECT count(*) FROM knowledge_chunks WHERE category = :c AND lang = :l"),
                {"c": category, "l": lang},
            ).scalar_one()
        )


def test_recall_at_5_is_at_least_090_in_each_language(knowledge_base: None) -> None:
    items = json.loads(EVAL.read_text(encoding="utf-8"))
    hits: dict[str, list[bool]] = {"en": [], "zh": []}
    for item in items:
        found = retrieve(item["query"], (item["category"],), item["lang"], k=5)
        assert len(found) == 5
        assert all(p.lang == item["lang"] and p.category == item["category"] for p in found)
        keys = {f"{p.source}#{p.heading}" for p in found}
        hits[item["lang"]].append(bool(keys & set(item["expected"])))
    recall = {lang: sum(h) / len(h) for lang, h in hits.items()}
    assert min(len(h) for h in hits.values()) >= 40
    assert recall["en"] >= 0.9 and recall["zh"] >= 0.9, recall


def test_results_are_ranked_by_cosine_similarity(knowledge_base: None) -> None:
    found = retrieve("How do I answer the salary expectations question?", ("interview",), "en", k=4)
    assert found[0].heading == "Responding when asked for your salary expectations"
    scores = [p.score for p in found]
    assert scores == sorted(scores, reverse=True) and 0 < scores[-1] <= scores[0] <= 1


def test_users_language_comes_first_then_the_other_fills_up(knowledge_base: None) -> None:
    zh_total = _count("matching", "zh")
    en_total = _count("matching", "en")
    found = retrieve("怎么给HR打招呼", ("matching",), "zh-CN", k=zh_total + 3)
    assert [p.lang for p in found] == ["zh"] * zh_total + ["en"] * 3
    # k beyond the category: every passage of it, user's language first (the index walk cannot return short).
    everything = retrieve("cold email to a hiring manager", ("matching",), "en", k=500)
    assert len(everything) == zh_total + en_total
    assert [p.lang for p in everything] == ["en"] * en_total + ["zh"] * zh_total
    # A language with no passages still gets advice, from the others.
    assert {p.lang for p in retrieve("entrevista salario", ("interview",), "fr", k=4)} <= {"en", "zh"}


def test_task_kinds_draw_on_their_categories(knowledge_base: None) -> None:
    assert {p.category for p in retrieve_for_task("match", "Do I fit this data analyst JD?", "en", k=8)} == {"matching"}
    assert {p.category for p in retrieve_for_task("customize", "quantify my bullets", "en", k=8)} == {"resume"}
    interview = retrieve_for_task("interview", "自我介绍和面试准备", "zh", k=12)
    assert {p.category for p in interview} == {"interview", "self_intro"}
    assert len(retrieve_for_task("interview", "tell me about yourself", "en")) == 4  # RAG_TOP_K default
    with pytest.raises(ValueError):
        retrieve_for_task("resume", "anything", "en")
    assert retrieve("   ", ("resume",), "en") == []


def test_prompt_block_and_job_record_carry_the_passages(knowledge_base: None) -> None:
    found = retrieve("How long should my resume be?", ("resume",), "en", k=3)
    prompt = passages_as_prompt(found)
    for i, passage in enumerate(found, 1):
        assert f"[{i}] {passage.heading}\n{passage.content}" in prompt
    assert passages_as_prompt([]) == ""
    record = as_record(found)
    assert json.loads(json.dumps(record)) == record  # storable as JSONB on jobs.retrieved
    assert [r["id"] for r in record] == [p.id for p in found]
    with unit_of_work() as session:
        rows = session.execute(
            text("SELECT id, source, heading FROM knowledge_chunks WHERE id = ANY(:ids)"),
            {"ids": [r["id"] for r in record]},
        ).all()
    assert {(r.id, r.source, r.heading) for r in rows} == {(r["id"], r["source"], r["heading"]) for r in record}


def test_the_search_as_bound_can_walk_the_hnsw_index(knowledge_base: None) -> None:
    """The query vector is bound as text and cast in SQL: the statement must still be one the index serves
    (scans and sorts are penalised so that, on this small table, the planner takes the index if it can)."""
    from core.embeddings import embed_query
    from core.retrieval import SEARCH, vector_literal

    params = {
        "q": vector_literal(embed_query("how do I show impact on a resume")),
        "categories": ["resume"],
        "lang": "en",
        "same_lang": True,
        "k": 4,
    }
    with unit_of_work() as session:
        session.execute(text("SET LOCAL enable_seqscan = off"))
        session.execute(text("SET LOCAL enable_sort = off"))
        plan = list(session.execute(text("EXPLAIN " + SEARCH.text), params).scalars())
        assert len(session.execute(SEARCH, params).all()) == 4
    assert any("ix_knowledge_embedding_hnsw" in line for line in plan), plan


def test_a_search_is_one_statement_outside_any_transaction_on_a_connection_set_for_the_index(
    knowledge_base: None,
) -> None:
    """It runs before every step's request: one round trip, no BEGIN, no SET, no COMMIT."""
    from sqlalchemy import event

    from core.retrieval import forget_recent
    from db.session import get_engine

    forget_recent()
    engine = get_engine()
    seen: list[tuple[str, bool]] = []

    def record(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        seen.append((statement.split()[0], bool(conn.connection.dbapi_connection.autocommit)))

    event.listen(engine, "before_cursor_execute", record)
    try:
        found = retrieve("How do I answer the salary expectations question?", ("interview",), "en", k=4)
    finally:
        event.remove(engine, "before_cursor_execute", record)
    assert len(found) == 4
    assert seen == [("SELECT", True)]
    with engine.connect() as connection:  # every pooled connection walks the index with 100 candidates
        assert connection.execute(text("SHOW hnsw.ef_search")).scalar_one() == "100"


def test_the_exact_search_ranks_as_the_index_does(knowledge_base: None) -> None:
    """The fallback for a short index walk scans every row; on this base both give the same top passages."""
    from core.retrieval import EXACT_SEARCH, SEARCH, _query_literal
    from db.session import autocommit

    params = {"q": _query_literal("cold email to a hiring manager"), "categories": ["matching"], "lang": "en"}
    with autocommit() as connection:
        plan = connection.execute(text("EXPLAIN " + EXACT_SEARCH.text), {**params, "same_lang": True, "k": 4})
        assert not any("hnsw" in line for line in plan.scalars())
        exact = connection.execute(EXACT_SEARCH, {**params, "same_lang": True, "k": 4}).all()
        walked = connection.execute(SEARCH, {**params, "same_lang": True, "k": 4}).all()
    assert [row.id for row in exact] == [row.id for row in walked]


def _statements(ask: Callable[[], object]) -> int:
    from sqlalchemy import event

    from db.session import get_engine

    seen: list[str] = []

    def record(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        seen.append(statement)

    event.listen(get_engine(), "before_cursor_execute", record)
    try:
        ask()
    finally:
        event.remove(get_engine(), "before_cursor_execute", record)
    return len(seen)


def test_a_full_answer_is_reused_and_an_ingest_forgets_it(
    knowledge_base: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The workbench asks one of a few queries before every step: the second ask costs no round trip."""
    from core.retrieval import forget_recent
    from knowledge.ingest import ingest

    forget_recent()
    query = "How do I follow up after an interview?"
    first: list[Any] = []
    assert _statements(lambda: first.extend(retrieve(query, ("interview",), "en", k=4))) == 1
    again: list[Any] = []
    assert _statements(lambda: again.extend(retrieve(query, ("interview",), "en", k=4))) == 0
    assert again == first and len(first) == 4
    assert _statements(lambda: retrieve(query, ("interview",), "zh", k=4)) >= 1  # another language: its own ask
    # An ingest that changes the base forgets what this process kept.
    extra = tmp_path / "kb" / "en" / "interview"
    extra.mkdir(parents=True)
    for source in DEFAULT_FOLDER.rglob("*.md"):
        target = tmp_path / "kb" / source.relative_to(DEFAULT_FOLDER)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    (extra / "follow-up.md").write_text(
        "# Following up\n\n## After an interview\nFollow up after an interview with a short thank-you note the same"
        " day: name one thing you discussed and restate why you want the role.\n",
        encoding="utf-8",
    )
    try:
        assert ingest(tmp_path / "kb", progress=False).wrote
        fresh = retrieve(query, ("interview",), "en", k=4)
        assert any(p.source == "en/interview/follow-up.md" for p in fresh)
    finally:
        ingest(DEFAULT_FOLDER, progress=False)
    assert all(p.source != "en/interview/follow-up.md" for p in retrieve(query, ("interview",), "en", k=4))


def test_a_short_answer_is_asked_again_and_no_reuse_when_switched_off(
    knowledge_base: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from core.config import reset_settings
    from core.retrieval import forget_recent

    forget_recent()
    many = 10_000  # more passages than the category holds: a short answer, as from a base still being ingested
    assert _statements(lambda: retrieve("salary negotiation", ("interview",), "en", k=many)) >= 1
    assert _statements(lambda: retrieve("salary negotiation", ("interview",), "en", k=many)) >= 1
    monkeypatch.setenv("RAG_CACHE_S", "0")
    reset_settings()
    try:
        assert _statements(lambda: retrieve("salary negotiation", ("interview",), "en", k=4)) == 1
        assert _statements(lambda: retrieve("salary negotiation", ("interview",), "en", k=4)) == 1
    finally:
        monkeypatch.delenv("RAG_CACHE_S")
        reset_settings()
