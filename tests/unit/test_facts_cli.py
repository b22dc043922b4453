"""The two commands for checking by hand: stable arguments, one JSON object on stdout (other tools parse it)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from testkit import asset_pdfs as pdfs
from tests.unit.test_facts_grounding import EN_RESUME

ROOT = Path(__file__).resolve().parents[2]
JD = """Senior Backend Engineer — Payments
Requirements:
- 5+ years with Java or Go
- Kubernetes and PostgreSQL in production
- Experience with Terraform
Nice to have:
- Kafka
"""
HISTORY = """Priya Raman — detailed career history
Google — Backend Engineer — 2019.03 – Present
- Wrote Terraform modules for the payouts staging environments
"""


def _run(*args: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-m", "core.facts", *args], cwd=ROOT, capture_output=True, text=True, timeout=120, check=True
    )
    value = json.loads(done.stdout)
    assert isinstance(value, dict)
    return value


def test_check_prints_flags_as_json(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_text(EN_RESUME, encoding="utf-8")
    (tmp_path / "jd.txt").write_text(JD, encoding="utf-8")
    (tmp_path / "t.md").write_text("# Priya Raman\n- Led a team of 6 engineers at Google\n- Java and Go", "utf-8")
    result = _run("check", "--resume", str(tmp_path / "r.txt"), "--jd", str(tmp_path / "jd.txt"), "--markdown",
                  str(tmp_path / "t.md"))  # fmt: skip
    assert result == {"flags": [{"line": 2, "kind": "number", "token": "6", "says": "8"}]}


def test_coverage_prints_each_keyword_with_status_and_proof(tmp_path: Path) -> None:
    (tmp_path / "r.txt").write_text(EN_RESUME, encoding="utf-8")
    (tmp_path / "h.txt").write_text(HISTORY, encoding="utf-8")
    (tmp_path / "jd.txt").write_text(JD, encoding="utf-8")
    result = _run("coverage", "--resume", str(tmp_path / "r.txt"), "--history", str(tmp_path / "h.txt"), "--jd",
                  str(tmp_path / "jd.txt"))  # fmt: skip
    keywords = result["keywords"]
    assert isinstance(keywords, list)
    by_name = {k["keyword"].casefold(): k for k in keywords}
    assert set(next(iter(keywords)).keys()) == {"keyword", "status", "proof"}
    assert by_name["kubernetes"]["status"] == "resume" and "k8s" in by_name["kubernetes"]["proof"]
    assert by_name["terraform"]["status"] == "detailed" and "Terraform" in by_name["terraform"]["proof"]


def test_commands_read_pdfs(tmp_path: Path) -> None:
    (tmp_path / "r.pdf").write_bytes(pdfs.text_pdf())
    (tmp_path / "t.md").write_text("- Built a streaming pipeline at Acme Analytics with Kafka and Rust", "utf-8")
    result = _run("check", "--resume", str(tmp_path / "r.pdf"), "--markdown", str(tmp_path / "t.md"))
    assert result == {"flags": [{"line": 1, "kind": "skill", "token": "Rust", "says": None}]}
