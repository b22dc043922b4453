"""Reading text from images with rapidocr (ONNX, Chinese + English models bundled in the wheel).

Used for scanned resume pages and JD screenshots. The engine loads once per process (about a second).
Lines are returned top-to-bottom, left-to-right, so a two-column screenshot still reads in order per line.
An image over the pixel limit is refused from its header, before it is decoded: a 13000x13000 PNG of a few
KB took 1.6 GB to read, and a 30000x30000 one ended in Pillow's DecompressionBombError.
"""

from __future__ import annotations

import io
import threading
import warnings
from typing import Any

from core.config import get_settings
from core.errors import InvalidInput

_engine: Any = None
_lock = threading.Lock()


def _get_engine() -> Any:
    global _engine
    with _lock:
        if _engine is None:
            from rapidocr_onnxruntime import RapidOCR

            _engine = RapidOCR()
        return _engine


def check_pixels(data: bytes) -> None:
    """Refuse an image over the pixel limit (or unreadable) from its header alone; nothing is decoded."""
    from PIL import Image, UnidentifiedImageError

    limit = get_settings().ocr_max_pixels
    max_megapixels = round(limit / 1e6)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as img:
                width, height = img.size
    except Image.DecompressionBombError as exc:  # Pillow's own ceiling, far above ours
        bomb = f"> {round(2 * (Image.MAX_IMAGE_PIXELS or 0) / 1e6)}"
        raise InvalidInput("assets.error.image_too_large", megapixels=bomb, max_megapixels=max_megapixels) from exc
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise InvalidInput("workbench.error.screenshot_unreadable") from exc
    if width * height > limit:
        raise InvalidInput(
            "assets.error.image_too_large",
            megapixels=round(width * height / 1e6),
            max_megapixels=max_megapixels,
        )


def read_image(data: bytes, min_score: float = 0.5) -> str:
    """All text found in an image (PNG/JPEG/...), one line per detected box; '' when nothing is readable."""
    import numpy as np
    from PIL import Image

    check_pixels(data)
    with Image.open(io.BytesIO(data)) as img:
        array = np.array(img.convert("RGB"))
    result, _elapsed = _get_engine()(array)
    if not result:
        return ""
    boxes = sorted(result, key=lambda r: (round(min(p[1] for p in r[0]) / 12), min(p[0] for p in r[0])))
    lines = [str(text).strip() for _box, text, score in boxes if float(score) >= min_score and str(text).strip()]
    return "\n".join(lines)
