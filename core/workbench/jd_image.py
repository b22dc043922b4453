"""A screenshot of a job description, read before any charge.

Why: a photo with no job description in it was accepted, charged and matched 0/100, and when an image JD failed
the text the OCR had read was thrown away. Here the image is read by OCR in a budgeted child process (hostile
images meet time and memory budgets, core.sandbox) when the service is created; text that does not look like a
job description (core.facts.read.read_job) is refused, nothing charged, and the refusal carries the text that
was read, so the page can show it for editing and resubmission as text. The read text is stored with the
service, so the job never reads the image again and a later failure can still show it.
"""

from __future__ import annotations

from core import ocr, sandbox
from core.config import get_settings
from core.errors import InvalidInput
from core.facts.read import read_job

NOT_A_JD = "workbench.error.image_not_jd"
UNREADABLE = "workbench.error.screenshot_unreadable"


class ImageRefused(InvalidInput):
    """An image JD refused before any charge; `read_text` is what the OCR read ('' when nothing).

    The text is an attribute, not a message parameter: messages and logs never carry JD content.
    """

    def __init__(self, key: str, read_text: str) -> None:
        super().__init__(key)
        self.read_text = read_text


def read_jd_image(image: bytes) -> str:
    """The image's text, if it reads as a job description; raises ImageRefused otherwise."""
    settings = get_settings()
    budget = sandbox.Budget(settings.pdf_extract_budget_s, settings.screenshot_ocr_memory_mb, keep_freed_memory=True)
    try:
        text = str(sandbox.run_limited(ocr.read_image, image, budget=budget)).strip()
    except sandbox.BudgetExceeded as exc:
        raise ImageRefused(UNREADABLE, "") from exc
    if not text:
        raise ImageRefused(UNREADABLE, "")
    if not read_job(text)[1].looks_like_jd:
        raise ImageRefused(NOT_A_JD, text)
    return text
