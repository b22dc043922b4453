"""`st.file_uploader` as every page should use it: translated, and reset when the browser refuses a file.

Why: Streamlit draws the drop zone's own words ("Upload", "10MB per file • PDF", "Drag and drop a
file here") in English whatever the app's language, and has no parameter for them. In Chinese the app swaps
them with CSS `content:` on this uploader only (keyed by its `st-key-` class). And when the browser refuses a
file (too large), Streamlit keeps the previously chosen file selected, so the page still showed its stale
error and a priced button; a listener removes the previous file first, so the page sees "no file" (finding 12).
"""

from __future__ import annotations

import json
import re
from typing import Any

import streamlit as st

from ui.i18n import current_lang, t

_RESET_SCRIPT = (
    "(() => {"
    "if (window.__jaaUploadReset) return; window.__jaaUploadReset = true;"
    # After Streamlit has drawn the refused file (an error chip), remove every chip that is not an error:
    # the previously accepted file, so the page sees "no file" and the refusal stays on screen.
    "const dropAccepted = (root) => {"
    "  for (const chip of root.querySelectorAll('[data-testid=\"stFileChip\"]')) {"
    "    if (chip.querySelector('[data-testid=\"stFileChipIconError\"]')) continue;"
    "    const del = chip.querySelector('[data-testid=\"stFileChipDeleteBtn\"] button, button');"
    "    if (del) del.click();"
    "  }"
    "};"
    "const reset = (files, root) => {"
    "  if (!root || !files || ![...files].some((f) => f.size > (window.__jaaUploadLimit || Infinity))) return;"
    "  setTimeout(() => dropAccepted(root), 100);"
    "};"
    "const rootOf = (el) => (el instanceof Element ? el.closest('[data-testid=\"stFileUploader\"]') : null);"
    "document.addEventListener('change', (ev) => {"
    "  const input = ev.target;"
    "  if (input instanceof HTMLInputElement && input.type === 'file') reset(input.files, rootOf(input));"
    "}, true);"
    "document.addEventListener('drop', (ev) => {"
    "  if (ev.dataTransfer) reset(ev.dataTransfer.files, rootOf(ev.target));"
    "}, true);"
    "})();"
)


def _limit_bytes() -> int:
    return int(float(st.get_option("server.maxUploadSize")) * 1024 * 1024)


def css_class(key: str) -> str:
    """The class Streamlit's frontend gives the element of a widget with this key."""
    return "st-key-" + re.sub(r"[^a-zA-Z0-9_-]", "-", key.strip())


def _install_reset(key: str) -> None:
    st.html("<style>[class*='st-key-jaa_upload_reset'] { display: none; }</style>")
    with st.container(key=f"jaa_upload_reset_{key}"):
        st.html(
            f"<script>window.__jaaUploadLimit = {_limit_bytes()};{_RESET_SCRIPT}</script>",
            unsafe_allow_javascript=True,
        )


def zh_css(key: str, types: list[str]) -> str:
    """CSS that replaces the drop zone's English words, for the uploader whose widget key is `key`."""
    scope = "." + css_class(key)
    max_mb = f"{float(st.get_option('server.maxUploadSize')):g}MB"
    limit = t("uploader.limit", max=max_mb, types=", ".join(x.upper() for x in types))
    instructions = json.dumps(limit, ensure_ascii=False)
    button = json.dumps(t("uploader.button"), ensure_ascii=False)
    drop = json.dumps(t("uploader.drop"), ensure_ascii=False)
    hide = "font-size: 0 !important; line-height: 0;"
    show = "font-size: 0.875rem; line-height: 1.4; display: inline;"
    return (
        f"{scope} [data-testid='stFileUploaderDropzoneInstructions'] span {{{hide}}}"
        f"{scope} [data-testid='stFileUploaderDropzoneInstructions'] span::after {{content: {instructions}; {show}}}"
        f"{scope} [data-testid='stFileUploaderDropzone'] button [data-testid='stMarkdownContainer'] p {{{hide}}}"
        f"{scope} [data-testid='stFileUploaderDropzone'] button [data-testid='stMarkdownContainer'] p::after"
        f" {{content: {button}; font-size: 0.875rem; line-height: 1.4;}}"
        f"{scope} [data-testid='stFileUploaderDropzone'] > div:first-child span {{{hide}}}"
        f"{scope} [data-testid='stFileUploaderDropzone'] > div:first-child span::after"
        f" {{content: {drop}; {show}}}"
    )


def file_uploader(label: str, *, types: list[str], key: str, help: str | None = None) -> Any:
    """The uploader, with its drop zone in the user's language and a reset after a refused file."""
    _install_reset(key)
    if current_lang() == "zh":
        st.html(f"<style>{zh_css(key, types)}</style>")
    return st.file_uploader(label, type=types, key=key, help=help)
