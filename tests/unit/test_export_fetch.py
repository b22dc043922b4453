"""PDF export and preview fetch nothing (issue 19, finding 1).

A tailored resume is model output: a JD can make it hold Markdown images pointing anywhere. weasyprint's
default fetcher followed every URL (three images on a host that never answers held a web thread 35 s) and
read local files (an SVG embedding file:///... rendered the file into the preview).
"""

from __future__ import annotations

import base64
import io
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from core.workbench import export


@pytest.fixture
def silent_host() -> Iterator[tuple[str, list[int]]]:
    """A loopback server that accepts connections and never answers; counts who came."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    server.settimeout(0.2)
    arrivals: list[int] = []
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except TimeoutError:
                continue
            arrivals.append(1)
            held.append(conn)

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}", arrivals
    stop.set()
    thread.join(2)
    for conn in held:
        conn.close()
    server.close()


def _png(path: Path) -> None:
    from PIL import Image

    Image.new("RGB", (40, 40), (200, 0, 0)).save(path)


def _images(pdf: bytes) -> int:
    count = 0
    for page in PdfReader(io.BytesIO(pdf)).pages:
        count += len(page.images)
    return count


def test_remote_and_local_images_are_not_fetched(silent_host: tuple[str, list[int]], tmp_path: Path) -> None:
    host, arrivals = silent_host
    local = tmp_path / "secret.png"
    _png(local)
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="40" height="40">'
        f'<image xlink:href="file://{local}" width="40" height="40"/></svg>'
    )
    svg_url = "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
    images = "\n\n".join(f"![photo {i}]({host}/img{i}.png?q=resume)" for i in range(12))
    markdown = (
        f"# Jane Doe\n\n{images}\n\n![local](file://{local})\n\n![svg]({svg_url})\n\n"
        f'<img src="{host}/raw.png">\n\n## Experience\n\n- Built things'
    )
    export.to_pdf("# warm up", "en")  # fonts and imports, so the timing below is the render alone

    started = time.monotonic()
    pdf = export.to_pdf(markdown, "en")
    elapsed = time.monotonic() - started

    assert elapsed < 1.0, elapsed
    assert arrivals == []  # not one connection to the remote host
    assert _images(pdf) == 0  # neither the local PNG nor the SVG's file:// image made it in
    assert "Built things" in export.pdf_text(pdf)
    pages = export.render_pages(pdf)  # the preview is the same PDF: nothing fetched there either
    assert pages and arrivals == []
