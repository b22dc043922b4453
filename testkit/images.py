"""Pictures of text generated in code, the way a user's screenshot of a job posting looks, for OCR to read."""

from __future__ import annotations

import io
from pathlib import Path

Colour = str | tuple[int, int, int]


def text_png(
    lines: list[str],
    *,
    font_path: Path,
    size: int,
    width: int,
    pitch: int,
    left: int,
    top: int,
    background: Colour = "white",
    ink: Colour = (20, 20, 20),
) -> bytes:
    """A PNG `width` px wide with one line of text every `pitch` px, the first `top` px down (and as much room
    again below the last line), each `left` px from the edge, set in the font at `font_path` at `size` px."""
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.truetype(str(font_path), size)
    image = Image.new("RGB", (width, 2 * top + pitch * len(lines)), background)
    draw = ImageDraw.Draw(image)
    for i, line in enumerate(lines):
        draw.text((left, top + pitch * i), line, fill=ink, font=font)
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()
