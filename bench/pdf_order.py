"""`python -m bench.pdf_order`: a text PDF read in drawing order against the order it stands on the page.

For every text PDF of the corpus (tests/data/facts/pdf, the scanned one left out) and the browser-printed
resume (tests/data/pdf), the document model is computed from pypdf's default (content-stream) text and from
core.assets.pdf_layout's positional reading: how many models are identical, and for the rest what differs
(entries, names, skills). Then dated roles and the name on the browser-printed resume both ways, and the CPU
per page of each way (best of three rounds; the positional reading runs on top of the default one in the
product, which keeps it when the positions fail).
"""

from __future__ import annotations

import io
import time
from pathlib import Path
from typing import Any

from bench.harness import emit

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
BROWSER_PRINTED = DATA / "pdf" / "browser_printed_resume.pdf"


def _files() -> list[Path]:
    corpus = [p for p in sorted((DATA / "facts" / "pdf").glob("*.pdf")) if not p.stem.startswith("zh04")]
    return [*corpus, BROWSER_PRINTED]


def _texts(path: Path) -> tuple[str, str]:
    from pypdf import PdfReader

    from core.assets.pdf_layout import page_boxes, reading_text

    pages = PdfReader(io.BytesIO(path.read_bytes())).pages
    drawn = "\n\n".join(page.extract_text() or "" for page in pages)
    placed = "\n\n".join(reading_text(page_boxes(page)) for page in pages)
    return drawn, placed


def _facts(text: str, kind: str) -> dict[str, Any]:
    from core.facts.read import read_document

    model = read_document(text, kind)
    entries = [(e.kind, e.org, e.title, e.start, e.end, e.location, len(e.bullets)) for e in model.entries]
    return {"name": model.contact.name, "entries": entries, "skills": sorted(model.skills)}


def _cpu_ms_per_page(files: list[Path], positional: bool) -> float:
    from pypdf import PdfReader

    from core.assets.pdf_layout import page_boxes, reading_text

    best = float("inf")
    for _ in range(3):
        pages = 0
        start = time.process_time()
        for path in files:
            for page in PdfReader(io.BytesIO(path.read_bytes())).pages:
                pages += 1
                page.extract_text()
                if positional:
                    reading_text(page_boxes(page))
        best = min(best, (time.process_time() - start) / max(pages, 1) * 1000)
    return best


def main() -> int:
    files = _files()
    same = 0
    for path in files:
        kind = "detailed_resume" if "history" in path.stem else "resume"
        drawn, placed = (_facts(text, kind) for text in _texts(path))
        if drawn == placed:
            same += 1
            continue
        print(f"{path.name}: differs")
        for key in ("name", "skills"):
            if drawn[key] != placed[key]:
                print(f"  {key}: {drawn[key]} -> {placed[key]}")
        for entry in (e for e in drawn["entries"] if e not in placed["entries"]):
            print(f"  - {entry}")
        for entry in (e for e in placed["entries"] if e not in drawn["entries"]):
            print(f"  + {entry}")
    emit("pdf_order_models_identical", same, f"of {len(files)}")
    for label, text in zip(("drawn", "placed"), _texts(BROWSER_PRINTED), strict=True):
        facts = _facts(text, "resume")
        dated = sum(1 for e in facts["entries"] if e[0] == "experience" and e[3])
        emit(f"pdf_order_browser_printed_dated_roles_{label}", dated, "of 2")
        print(f"browser-printed resume, {label}: name {facts['name']!r}")
    emit("pdf_order_cpu_per_page_drawn", _cpu_ms_per_page(files, False), "ms")
    emit("pdf_order_cpu_per_page_drawn_and_placed", _cpu_ms_per_page(files, True), "ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
