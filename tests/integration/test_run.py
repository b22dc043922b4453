"""`make run`'s supervisor: brings the whole product up on embedded services, reuses .data/ on the next start,
and leaves no process behind after Ctrl-C (issue 2)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import httpx
import psutil
import pytest
from sqlalchemy import create_engine, text

from db.session import sqlalchemy_url
from infra.embedded import free_port
from testkit.support import wait_for
from tests.conftest import ROOT

INFRA_VARS = ("DATABASE_URL", "REDIS_URL", "LOCAL_LLM_URL", "MODEL_REGISTRY_FILE", "ENCRYPTION_KEY", "COOKIE_KEY")


def _log_path(data_dir: Path, port: int) -> Path:
    return data_dir.parent / f"supervisor-{port}.log"


def _start(data_dir: Path, port: int) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if k not in INFRA_VARS}
    env.update({"DATA_DIR": str(data_dir), "PORT": str(port), "PYTHONPATH": str(ROOT), "LOCAL_LLM_PORT": "0"})
    log = open(_log_path(data_dir, port), "ab")  # noqa: SIM115
    return subprocess.Popen([sys.executable, "-m", "infra.supervisor"], cwd=ROOT, env=env, stdout=log, stderr=log)


def _landing_renders_in_a_browser(port: int) -> None:
    """Runs in its own thread: Playwright's sync API refuses a thread where an asyncio loop is running."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(_open_landing, port).result(timeout=180)


def _open_landing(port: int) -> None:
    from playwright.sync_api import expect, sync_playwright

    from testkit.browser import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{port}/")
            expect(page.get_by_text("Start free", exact=False).first).to_be_visible(timeout=60_000)
            expect(page.get_by_text("Offline engine", exact=False).first).to_be_visible(timeout=10_000)
        finally:
            browser.close()


def _healthy(port: int) -> bool:
    try:
        return httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=5).status_code == 200
    except httpx.HTTPError:
        return False


def _everything_started(sup: subprocess.Popen[bytes], data_dir: Path) -> set[int]:
    """The supervisor's process tree plus the Postgres server it started (pg_ctl daemonizes it)."""
    pids = {p.pid for p in psutil.Process(sup.pid).children(recursive=True)}
    for proc in psutil.process_iter(["cmdline"]):
        cmd = " ".join(proc.info["cmdline"] or [])
        if str(data_dir) in cmd:
            pids.add(proc.pid)
            try:
                pids.update(c.pid for c in proc.children(recursive=True))
            except psutil.Error:  # exited meanwhile, or a zombie nobody has collected yet
                continue
    return pids


def _ingest_running(sup: subprocess.Popen[bytes]) -> bool:
    for child in psutil.Process(sup.pid).children():
        try:
            if "knowledge.ingest" in " ".join(child.cmdline()):
                return _running(child.pid)
        except psutil.Error:
            continue
    return False


def _abort(sup: subprocess.Popen[bytes]) -> None:
    """On a failed assertion still stop cleanly, so no embedded server outlives the test."""
    sup.send_signal(signal.SIGINT)
    try:
        sup.wait(90)
    except subprocess.TimeoutExpired:
        sup.kill()


def _running(pid: int) -> bool:
    """Alive and not a zombie (a zombie has exited; only its exit status waits to be collected)."""
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except (psutil.NoSuchProcess, psutil.ZombieProcess):
        return False


def _stop_and_check_nothing_left(sup: subprocess.Popen[bytes], pids: set[int], port: int, data_dir: Path) -> None:
    """Ctrl-C: every child stops on its own signal (none has to be killed), and no process is left."""
    sup.send_signal(signal.SIGINT)
    assert sup.wait(90) == 0
    survivors = [pid for pid in pids if _running(pid)]
    assert survivors == []
    assert "did not stop within" not in _log_path(data_dir, port).read_text(errors="replace")


@pytest.mark.timeout(900)
def test_run_brings_everything_up_reuses_data_and_stops_cleanly(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    port = free_port()
    sup = _start(data_dir, port)
    try:
        # The address is printed once the web process answers: a person who opens it at once finds the page.
        wait_for(lambda: f"open http://127.0.0.1:{port}" in _log_path(data_dir, port).read_text(), timeout=300)
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
        wait_for(lambda: _healthy(port), timeout=300, interval=1)
        health = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=5).json()
        assert health["llm"]["models"]["offline"]["engine"] == "offline"  # no key: the offline engine serves
        _landing_renders_in_a_browser(port)
        pids = _everything_started(sup, data_dir)
        assert len(pids) >= 6  # web, paid (x2), free, maint, redis, postgres (+ its workers)
        db_url = f"postgresql+psycopg://postgres:@/postgres?host={data_dir / 'pg'}"
        engine = create_engine(sqlalchemy_url(db_url))
        with engine.begin() as conn:
            conn.execute(text("CREATE TABLE IF NOT EXISTS run_marker (v int)"))
            conn.execute(text("INSERT INTO run_marker VALUES (42)"))

        def seeded() -> int:  # the bundled knowledge base is ingested in the background on first start
            with engine.begin() as conn:
                return int(conn.execute(text("SELECT count(*) FROM knowledge_chunks")).scalar_one())

        wait_for(lambda: seeded() >= 80, timeout=400, interval=2)
        wait_for(lambda: not _ingest_running(sup), timeout=60, interval=1)
        chunks = seeded()
        engine.dispose()
    except BaseException:
        _abort(sup)
        raise
    _stop_and_check_nothing_left(sup, pids, port, data_dir)
    pg_version = (data_dir / "pg" / "PG_VERSION").stat().st_mtime

    sup = _start(data_dir, port)  # a second `make run` reuses .data/
    try:
        wait_for(lambda: _healthy(port), timeout=300, interval=1)
        engine = create_engine(sqlalchemy_url(db_url))
        with engine.begin() as conn:
            assert conn.execute(text("SELECT v FROM run_marker")).scalar_one() == 42
            assert conn.execute(text("SELECT count(*) FROM knowledge_chunks")).scalar_one() == chunks
        engine.dispose()
        assert (data_dir / "pg" / "PG_VERSION").stat().st_mtime == pg_version
        pids = _everything_started(sup, data_dir)
    except BaseException:
        _abort(sup)
        raise
    _stop_and_check_nothing_left(sup, pids, port, data_dir)
