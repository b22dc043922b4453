"""Checking by hand, JSON on stdout (other tools depend on these arguments and this output):

    python -m core.facts check --resume R.pdf [--history H.pdf] [--jd J.txt] --markdown T.md
        -> {"flags": [{"line", "kind", "token", "says"}, ...]}
    python -m core.facts coverage --resume R.pdf [--history H.pdf] --jd J.txt
        -> {"keywords": [{"keyword", "status": "resume"|"detailed"|"missing", "proof"}, ...]}

Every document may be a PDF (read as the product reads uploads, OCR included) or plain text (.txt, .md).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from core.facts.coverage import cover
from core.facts.grounding import check
from core.facts.model import DocumentModel, JobFacts
from core.facts.read import read_document, read_job
from core.facts.vocabulary import get_vocabulary


def read_file_text(path: Path) -> str:
    """The text of a PDF (text layer, OCR for scanned pages) or of a text file."""
    data = path.read_bytes()
    if data[:1024].find(b"%PDF-") != -1:
        from core.assets.pdf import extract_text

        return extract_text(data).text
    return data.decode("utf-8", errors="replace")


def _documents(resume: Path, history: Path | None) -> tuple[DocumentModel, DocumentModel | None]:
    model = read_document(read_file_text(resume), "resume")
    detailed = read_document(read_file_text(history), "detailed_resume") if history else None
    return model, detailed


def _job(path: Path | None) -> JobFacts | None:
    return read_job(read_file_text(path))[1] if path else None


def run_check(args: argparse.Namespace) -> dict[str, Any]:
    resume, detailed = _documents(args.resume, args.history)
    markdown = args.markdown.read_text(encoding="utf-8")
    flags = check(markdown, [d for d in (resume, detailed) if d is not None], _job(args.jd))
    return {"flags": [{"line": f.line, "kind": f.kind, "token": f.token, "says": f.says} for f in flags]}


def run_coverage(args: argparse.Namespace) -> dict[str, Any]:
    resume, detailed = _documents(args.resume, args.history)
    job = _job(args.jd)
    assert job is not None
    vocab = get_vocabulary()
    keywords = [vocab.label(c, job.lang) for c in [*job.must_have, *job.nice_to_have]]
    proofs = cover(keywords, resume, detailed)
    return {"keywords": [{"keyword": p.keyword, "status": p.status, "proof": p.proof} for p in proofs]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m core.facts", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for name in ("check", "coverage"):
        cmd = sub.add_parser(name)
        cmd.add_argument("--resume", type=Path, required=True)
        cmd.add_argument("--history", type=Path)
        cmd.add_argument("--jd", type=Path, required=name == "coverage")
        if name == "check":
            cmd.add_argument("--markdown", type=Path, required=True)
    args = parser.parse_args(argv)
    result = run_check(args) if args.command == "check" else run_coverage(args)
    json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
