"""Assets benchmark: text extraction per page (text layer and OCR) and upload-to-ready time.

    python -m bench.assets [--uploads N]

Starts its own embedded Postgres and Redis, the fake LLM upstream and a real paid consumer (the pieces the
test harness uses), so the figures include the whole path: validation, encryption, the transaction,
Huey, the worker, extraction, the LLM round trip and the store. Prints `name: value unit` lines.
"""

from __future__ import annotations

import argparse
import statistics
import time
import uuid
from collections.abc import Callable
from typing import Any

from bench.harness import emit


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f}"


def _timed(fn: Callable[[], Any]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def bench_extraction(report: Callable[[str, str, str], None]) -> None:
    """Per-page extraction time; OCR model load is reported apart from steady-state OCR."""
    from core import ocr
    from core.assets.pdf import extract_text, validate_pdf
    from testkit import asset_pdfs as pdfs

    text_doc = pdfs.text_pdf(pages=10)
    extract_text(text_doc)  # warm pypdf's font caches
    runs = [_timed(lambda: extract_text(text_doc)) for _ in range(5)]
    report("extract_text_layer_per_page", _ms(statistics.median(runs) / 10), "ms")

    cjk_doc = pdfs.chinese_pdf()
    runs = [_timed(lambda: extract_text(cjk_doc)) for _ in range(5)]
    report("extract_text_layer_cjk_per_page", _ms(statistics.median(runs)), "ms")

    report("ocr_engine_load", _ms(_timed(ocr._get_engine)), "ms")
    scanned = pdfs.scanned_pdf(pages=3)
    runs = [_timed(lambda: extract_text(scanned)) for _ in range(2)]
    report("extract_ocr_per_page", _ms(statistics.median(runs) / 3), "ms")

    limit_doc = pdfs.text_pdf(pages=30)
    runs = [_timed(lambda: validate_pdf(limit_doc)) for _ in range(5)]
    report("validate_30_pages", _ms(statistics.median(runs)), "ms")


def _status(asset_id: str) -> str:
    from db.models import Asset
    from db.session import unit_of_work

    with unit_of_work() as session:
        asset = session.get(Asset, uuid.UUID(asset_id))
        return asset.status if asset is not None else "missing"


def _upload_to_ready(user: uuid.UUID, data: bytes, timeout_s: float = 120.0) -> tuple[float, float]:
    """(seconds the upload call took, seconds from the call until the asset was ready)."""
    from core.assets.service import upload_asset

    started = time.perf_counter()
    result = upload_asset(user, "resume", "bench.pdf", data, uuid.uuid4().hex)
    returned = time.perf_counter() - started
    deadline = started + timeout_s
    while time.perf_counter() < deadline:
        status = _status(result.data["asset_id"])
        if status in ("ready", "failed"):
            if status != "ready":
                raise RuntimeError("benchmark upload failed")
            return returned, time.perf_counter() - started
        time.sleep(0.01)
    raise RuntimeError("benchmark upload did not finish in time")


def bench_upload(report: Callable[[str, str, str], None], uploads: int) -> None:
    from bench.harness import BenchStack, user_with_coins
    from testkit import asset_pdfs as pdfs

    with BenchStack(model_cap=5, prefix="bench-assets-") as bench:
        consumers, fake = bench.consumers, bench.fake
        assert consumers is not None
        consumers.start("bench-paid", "paid", workers=2)
        user = user_with_coins(uploads * 2 + 10)
        text_doc, scanned_doc = pdfs.text_pdf(), pdfs.scanned_pdf()
        _upload_to_ready(user, text_doc)  # warm-up: consumer imports, first connections, OCR not needed
        text_runs = [_upload_to_ready(user, text_doc) for _ in range(uploads)]
        _upload_to_ready(user, scanned_doc)  # warm-up: loads the OCR engine in the consumer
        scan_runs = [_upload_to_ready(user, scanned_doc) for _ in range(max(1, uploads // 2))]
        calls = [r[0] for r in text_runs + scan_runs]
        report("upload_call_p50", _ms(statistics.median(calls)), "ms")
        report("upload_call_max", _ms(max(calls)), "ms")
        report("upload_to_ready_text_p50", _ms(statistics.median(r[1] for r in text_runs)), "ms")
        report("upload_to_ready_scanned_p50", _ms(statistics.median(r[1] for r in scan_runs)), "ms")
        report("llm_requests", str(fake.total), "count")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--uploads", type=int, default=6, help="uploads of the text PDF (half as many scans)")
    parser.add_argument("--skip-upload", action="store_true", help="only the extraction figures (no stack)")
    args = parser.parse_args(argv)

    bench_extraction(emit)
    if not args.skip_upload:
        bench_upload(emit, args.uploads)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
