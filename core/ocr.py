"""Reading text from images with rapidocr (ONNX, Chinese + English models bundled in the wheel).

Used for scanned resume pages and JD screenshots. The engine loads once per process (about a second).
Lines are returned top-to-bottom, left-to-right, so a two-column screenshot still reads in order per line.
"""

from __future__ import annotations

import io
import threading
from typing import Any

_engine: Any = None
_lock = threading.Lock()


def _get_engine() -> Any:
    global _engine
    with _lock:
        if _engine is None:
            from rapidocr_onnxruntime import RapidOCR

            _engine = RapidOCR()
        return _engine


def read_image(data: bytes, min_score: float = 0.5) -> str:
    """All text found in an image (PNG/JPEG/...), one line per detected box; '' when nothing is readable."""
    import numpy as np
    from PIL import Image

    with Image.open(io.BytesIO(data)) as img:
        array = np.array(img.convert("RGB"))
    result, _elapsed = _get_engine()(array)
    if not result:
        return ""
    boxes = sorted(result, key=lambda r: (round(min(p[1] for p in r[0]) / 12), min(p[0] for p in r[0])))
    lines = [str(text).strip() for _box, text, score in boxes if float(score) >= min_score and str(text).strip()]
    return "\n".join(lines)
