"""One upload limit (issue 19, finding 11): what the browser enforces, what the page states, what is checked.

Streamlit's uploader takes `server.maxUploadSize` in MB and its frontend turns it into bytes with 1000 per
unit (1024 only on Windows: `/^Win/i.test(navigator.platform)` in its size utilities); its upload route
accepts up to maxUploadSize x 1024 x 1024. The browser refused a 10,485,760-byte file the page said was
fine ("up to 10 MB") and the use case accepted.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from core.assets.pdf import validate_pdf
from core.config import get_settings
from core.errors import InvalidInput

ROOT = Path(__file__).resolve().parents[2]
BROWSER_BYTES_PER_MB = 1000 * 1000


def _config_mb() -> int:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    return int(config["server"]["maxUploadSize"])


def test_the_browser_limit_is_the_checked_limit() -> None:
    assert _config_mb() * BROWSER_BYTES_PER_MB == get_settings().upload_max_bytes


def test_the_server_route_accepts_what_the_browser_sends() -> None:
    assert _config_mb() * 1024 * 1024 >= get_settings().upload_max_bytes


def test_a_file_at_the_limit_passes_the_size_check_and_one_byte_more_does_not() -> None:
    limit = get_settings().upload_max_bytes
    with pytest.raises(InvalidInput) as at_limit:
        validate_pdf(b"%PDF-1.7\n" + b"0" * (limit - 9))  # exactly the limit: not too large (but not a real PDF)
    assert at_limit.value.key != "assets.error.too_large"
    with pytest.raises(InvalidInput) as over:
        validate_pdf(b"%PDF-1.7\n" + b"0" * (limit - 8))
    assert over.value.key == "assets.error.too_large"
    assert over.value.params == {"max_mb": str(_config_mb())}  # the page states the same number
