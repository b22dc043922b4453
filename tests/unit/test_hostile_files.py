"""Hostile files meet time, memory and pixel budgets, with a clear message (issue 19, finding 5).

The review's bombs: a 202 KB PDF whose pages share a 70 MB content stream (88 s and 900 MB of a consumer),
a 13000x13000 PNG screenshot (1.6 GB), a 30000x30000 one ("error.internal"), a deeply nested PDF and a
decompression-bomb image inside a PDF. Each must be refused within 10 s by a child process, never by
exhausting the process that handed it over.
"""

from __future__ import annotations

import time

import pytest

from core import ocr, sandbox
from core.assets.pdf import extract_text, validate_pdf
from core.errors import InvalidInput, LimitReached, UserError
from testkit import hostile_files

TARGET_S = 10.0
TARGET_MB = 300.0


def _refused_within_budget(data: bytes) -> str:
    """Validation then extraction, as an upload and its job would; the key of the refusal."""
    stats: list[sandbox.ChildStats] = []
    started = time.monotonic()
    with pytest.raises(InvalidInput) as caught:
        validate_pdf(data, stats=stats)
        extract_text(data, stats=stats)
    assert time.monotonic() - started < TARGET_S
    assert stats and max(s.peak_rss_mb for s in stats) < TARGET_MB
    return caught.value.key


def test_pages_sharing_a_70_mb_content_stream_are_refused_quickly() -> None:
    assert _refused_within_budget(hostile_files.shared_content_bomb()) == "assets.error.too_complex"


def test_a_decompression_bomb_image_in_a_pdf_is_never_decoded() -> None:
    assert _refused_within_budget(hostile_files.image_bomb_pdf(side=20_000)) == "assets.error.too_complex"


def test_a_deeply_nested_pdf_is_refused_not_crashing() -> None:
    assert _refused_within_budget(hostile_files.nested_pdf()) in {"assets.error.broken", "assets.error.too_complex"}


@pytest.mark.parametrize("side", [13_000, 30_000])
def test_a_screenshot_over_the_pixel_limit_is_refused_before_ocr(side: int) -> None:
    data = hostile_files.png_bomb(side)
    started = time.monotonic()
    for check in (ocr.check_pixels, ocr.read_image):
        with pytest.raises(InvalidInput) as caught:
            check(data)
        assert caught.value.key == "assets.error.image_too_large"
    assert time.monotonic() - started < 2.0


def test_a_screenshot_under_the_limit_passes_the_check() -> None:
    ocr.check_pixels(hostile_files.png_bomb(2_000))


def _allocate(mb: int) -> int:
    block = bytearray(mb * 1024 * 1024)
    for i in range(0, len(block), 4096):  # touch every page: resident, not just reserved
        block[i] = 1
    return len(block)


def _sleep(seconds: float) -> None:
    time.sleep(seconds)


def _refuse(pages: int) -> None:
    raise LimitReached("assets.error.too_many_pages", pages=pages, max_pages=30)


def test_the_child_is_killed_past_its_memory_budget() -> None:
    with pytest.raises(sandbox.BudgetExceeded) as caught:
        sandbox.run_limited(_allocate, 1024, budget=sandbox.Budget(seconds=20, memory_mb=200))
    assert caught.value.reason == "memory"
    assert sandbox.run_limited(_allocate, 20, budget=sandbox.Budget(seconds=20, memory_mb=200)) == 20 * 1024 * 1024


def test_the_child_is_killed_at_its_deadline() -> None:
    started = time.monotonic()
    with pytest.raises(sandbox.BudgetExceeded) as caught:
        sandbox.run_limited(_sleep, 30, budget=sandbox.Budget(seconds=1, memory_mb=200))
    assert caught.value.reason == "time" and time.monotonic() - started < 5


def test_a_user_error_raised_in_the_child_comes_back_whole() -> None:
    with pytest.raises(UserError) as caught:
        sandbox.run_limited(_refuse, 31, budget=sandbox.Budget(seconds=10, memory_mb=200))
    assert type(caught.value) is LimitReached
    assert (caught.value.key, caught.value.params) == ("assets.error.too_many_pages", {"pages": 31, "max_pages": 30})


def _block_in_heap(mb: int) -> bool:
    """Whether a freshly allocated block of `mb` lies in the process's heap (not a mapping of its own)."""
    import ctypes

    libc = ctypes.CDLL("libc.so.6")
    libc.malloc.restype = ctypes.c_void_p
    address = libc.malloc(mb * 1024 * 1024)
    with open("/proc/self/maps", encoding="ascii") as maps:
        spans = [line.split()[0].split("-") for line in maps if line.rstrip().endswith("[heap]")]
    libc.free(ctypes.c_void_p(address))
    return any(int(start, 16) <= address < int(end, 16) for start, end in spans)


def test_a_screenshots_child_keeps_its_large_blocks_in_its_heap() -> None:
    """A JD screenshot's OCR asks its child to keep what it frees (a fresh child's first read of a page paid 2-4 s of
    page faults for mapping and unmapping each large block); other children keep glibc's defaults."""
    kept = sandbox.Budget(seconds=20, memory_mb=400, keep_freed_memory=True)
    assert sandbox.run_limited(_block_in_heap, 40, budget=kept)
    assert not sandbox.run_limited(_block_in_heap, 40, budget=sandbox.Budget(seconds=20, memory_mb=400))
    with pytest.raises(sandbox.BudgetExceeded):  # and its memory budget still holds
        sandbox.run_limited(_allocate, 1024, budget=sandbox.Budget(seconds=20, memory_mb=200, keep_freed_memory=True))
